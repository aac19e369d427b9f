"""The contract's rule for matching a field's accessible name to the guide's label."""

import pytest

from espro.drivers.locators import label_pattern


@pytest.mark.parametrize("name", [
    "Nom", "Nom :", "Nom : *", "Nom :*", "Nom *", "Nom  : * (en majuscules)",
    "Mot de passe de connexion : * (20 caractères minimum)",
])
def test_accessible_names_that_match(name):
    label = "Mot de passe de connexion" if name.startswith("Mot") else "Nom"
    assert label_pattern(label).search(name)


@pytest.mark.parametrize("label, name", [
    ("Nom", "Nombre"), ("Nom", "nom"), ("Nom", "Prénom"),
    ("Adresse électronique de connexion", "Confirmez l'adresse électronique de connexion"),
])
def test_accessible_names_that_do_not_match(label, name):
    assert not label_pattern(label).search(name)


def test_accent_at_word_start_and_folded_whitespace():
    assert label_pattern("Etape précédente").search("Étape précédente")
    assert label_pattern("Adresse électronique").search("Adresse\n  électronique :")
    assert not label_pattern("Adresse électronique").search("Adresse Electronique")
    assert not label_pattern("Recopiez les caractères").search("Recopiez les caracteres")
