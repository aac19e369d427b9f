"""Fixed texts of the guide on the pages that carry no form rule."""

from __future__ import annotations

import pytest
from conftest import PASSWORD, page_text

from reference_impl.extensions import db
from reference_impl.models import ActivationRequest, RegistrationDraft

HELP = ("l'assistance aux usagers des téléprocédures", "de 8h00 à 18h00 du lundi au vendredi",
        "0809 400 210 (service gratuit + prix appel)")


@pytest.mark.parametrize("path", [
    "/", "/creation", "/creation/mode-simplifie", "/conditions-generales",
    "/creation/conditions-generales", "/activation",
])
def test_every_page_is_french_and_shows_the_help(visitor, path):
    response = visitor.get(path)
    assert response.status_code == 200
    assert '<html lang="fr">' in response.get_data(as_text=True)
    assert all(line in page_text(response) for line in HELP)


def test_login_page_blocks(visitor):
    text = page_text(visitor.get("/"))
    for words in ("Pour des raisons de sécurité, le mot de passe doit être renouvelé régulièrement "
                  "et n'être utilisé que sur ce site. Il doit comporter 20 caractères minimum.",
                  "Vous n'avez pas d'espace professionnel ?",
                  "Activation de votre espace professionnel et de vos services",
                  "Les nouveaux espaces professionnels et services doivent être préalablement "
                  "activés pour pouvoir être utilisés.",
                  "Besoin d'aide ?", "Accéder aux fiches pratiques.", "Payer vos impôts locaux",
                  "Mot de passe oublié ?", "Afficher", "info.gouv.fr", "service-public.fr",
                  "legifrance.gouv.fr", "data.gouv.fr"):
        assert words in text


def test_mode_page_and_simplified_mode(visitor):
    text = page_text(visitor.get("/creation"))
    for words in ("Professionnels", "Optez pour le mode simplifié", "Optez pour le mode expert",
                  "Attention : pour une collectivité territoriale ou une autre administration, le "
                  "mode simplifié ne permet pas la séparation de l'ordonnateur et du comptable ; "
                  "vous devez opter pour le mode expert.",
                  "Créez votre espace en mode simplifié", "Annulez votre demande", "En savoir plus"):
        assert words in text
    assert "mode expert" in page_text(visitor.get("/creation/mode-simplifie"))


def test_passwords_are_stored_as_argon2id_only(app, visitor, mail_sink):
    visitor.accept_terms()
    visitor.identifiers("hash@exemple.fr")
    with app.app_context():
        draft = db.session.scalars(db.select(RegistrationDraft)).one()
        assert draft.password_hash.startswith("$argon2id$")
    visitor.fill_profile()
    visitor.validate()
    with app.app_context():
        request = db.session.scalars(db.select(ActivationRequest)).one()
        assert request.password_hash.startswith("$argon2id$")
        assert PASSWORD not in repr(request.profile)
