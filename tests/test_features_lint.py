"""The specification's lint, on bad examples and on the real features."""


import pytest

from espro import FEATURES_DIR, catalogue
from espro.lint import problems_in, uncovered_rules

FEATURES = sorted(FEATURES_DIR.glob("*.feature"))

GOOD = """# language: fr
Fonctionnalité: Exemple correct

  @IDENT-05
  Scénario: Une adresse de 100 caractères est acceptée
    Soit un usager
"""


def lint(tmp_path, text, rules=frozenset({"IDENT-05"})):
    path = tmp_path / "essai.feature"
    path.write_text(text, encoding="utf-8")
    return problems_in(path, set(rules))


def test_a_correct_feature_has_no_problem(tmp_path):
    assert lint(tmp_path, GOOD) == []


@pytest.mark.parametrize("text, expected", [
    (GOOD.replace("# language: fr\n", ""), "la première ligne doit être « # language: fr »"),
    (GOOD + "\n  Scenario: Swallowed\n    Soit un usager\n", "mot-clé anglais dans un fichier français : Scenario: Swallowed"),
    (GOOD + "    Given un usager\n", "mot-clé anglais"),
    (GOOD + "\n  Exemple: un tableau mal nommé\n    Soit un usager\n", "« Exemple: » ouvre un scénario"),
    (GOOD.replace("Soit un usager", "Soit l’usager"), "apostrophe typographique"),
    (GOOD + GOOD.split("\n", 2)[2].replace("Fonctionnalité: Exemple correct\n", ""), "déjà nommé ainsi ligne 5"),
    (GOOD.replace("@IDENT-05", "@IDENT-99"), "@IDENT-99 ne nomme aucune règle"),
    (GOOD.replace("@IDENT-05", "@regle:IDENT-05"), "étiquette inconnue @regle:IDENT-05"),
], ids=["language", "english-scenario", "english-step", "exemple", "apostrophe", "duplicate", "unknown-rule", "unknown-tag"])
def test_each_trap_is_reported(tmp_path, text, expected):
    problems = lint(tmp_path, text)
    assert any(expected in problem for problem in problems), problems


def test_uncovered_rules_are_listed(tmp_path):
    path = tmp_path / "essai.feature"
    path.write_text(GOOD, encoding="utf-8")
    rules = {
        "IDENT-05": {"partie": "pre-inscription", "verification": "scenario"},
        "IDENT-06": {"partie": "pre-inscription", "verification": "scenario"},
        "IDENT-13": {"partie": "pre-inscription", "verification": "hors-champ"},
        "MAIL-01": {"partie": "activation", "verification": "scenario"},
    }
    assert uncovered_rules([path], rules, {"pre-inscription"}) == ["IDENT-06"]


@pytest.mark.parametrize("path", FEATURES, ids=[path.name for path in FEATURES])
def test_real_feature_has_no_problem(path):
    assert problems_in(path, set(catalogue.rules())) == []



# Parts of the guide whose every rule is specified.
SPECIFIED_PARTS = {"pre-inscription", "activation"}


def test_every_rule_of_the_specified_parts_has_a_scenario():
    assert uncovered_rules(FEATURES, catalogue.rules(), SPECIFIED_PARTS) == []
