"""The specification's lint, on bad examples and on the real features."""


import pytest

from espro import FEATURES_DIR, catalogue
from espro.lint import annotation_problems, problems_in, uncovered_rules

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
    (GOOD.replace("@IDENT-05", "@rgaa-99.9"), "@rgaa-99.9 ne nomme aucun critère de features/constats.yaml"),
    (GOOD.replace("@IDENT-05", "@IDENT-05 @rgaa-8.4"), "une règle du guide et un critère d'un autre référentiel"),
], ids=["language", "english-scenario", "english-step", "exemple", "apostrophe", "duplicate", "unknown-rule", "unknown-tag",
        "unknown-criterion", "rule-and-criterion"])
def test_each_trap_is_reported(tmp_path, text, expected):
    problems = lint(tmp_path, text)
    assert any(expected in problem for problem in problems), problems


def test_a_scenario_of_a_criterion_is_accepted(tmp_path):
    assert lint(tmp_path, GOOD.replace("@IDENT-05", "@rgaa-8.4")) == []


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


ANNOTATED = """# language: fr
Fonctionnalité: Exemple annoté

  @IDENT-05 @IDENT-06
  Scénario: Une adresse de 100 caractères est acceptée
    Soit un usager
    Quand il saisit une adresse de 100 caractères
    # vérifie : IDENT-05
    Alors l'adresse est acceptée
    # vérifie : IDENT-06
    Et l'adresse est affichée
"""

OUTLINE = """# language: fr
Fonctionnalité: Exemple en plan

  Plan du scénario: L'adresse <adresse> est acceptée
    Soit un usager
    Quand il saisit l'adresse <adresse>
    Alors l'adresse est acceptée
    Et l'adresse est affichée

    @IDENT-05
    Exemples:
      | adresse   |
      | ordinaire |

    @IDENT-06
    Exemples:
      | adresse        |
      | en majuscules  |
"""

THREE_RULES = frozenset({"IDENT-05", "IDENT-06", "IDENT-07"})


def write(tmp_path, text):
    path = tmp_path / "essai.feature"
    path.write_text(text, encoding="utf-8")
    return path


def test_annotated_scenarios_are_accepted(tmp_path):
    assert lint(tmp_path, ANNOTATED, THREE_RULES) == []


def test_an_outline_whose_each_instance_has_one_rule_needs_no_annotation(tmp_path):
    # An instance carries the tags of its own Exemples block only.
    assert lint(tmp_path, OUTLINE, THREE_RULES) == []


def test_an_annotation_may_name_the_rule_of_an_exemples_block(tmp_path):
    text = OUTLINE.replace("  Plan", "  @IDENT-07\n  Plan").replace(
        "    Alors l'adresse", "    # vérifie : IDENT-05, IDENT-06\n    Alors l'adresse").replace(
        "    Et l'adresse", "    # vérifie : IDENT-07\n    Et l'adresse")
    assert lint(tmp_path, text, THREE_RULES) == []


def test_a_scenario_with_a_single_rule_needs_no_annotation(tmp_path):
    assert lint(tmp_path, GOOD) == []


@pytest.mark.parametrize("text, expected", [
    (ANNOTATED.replace("    # vérifie : IDENT-05\n", "").replace("    # vérifie : IDENT-06\n", ""),
     "2 règles (IDENT-05, IDENT-06) sans « # vérifie : »"),
    (OUTLINE.replace("  Plan", "  @IDENT-07\n  Plan"), "2 règles (IDENT-05, IDENT-07) sans « # vérifie : »"),
    (ANNOTATED.replace("# vérifie : IDENT-06", "# vérifie : IDENT-06, IDENT-07"),
     "« # vérifie » nomme IDENT-07, dont le scénario"),
    (ANNOTATED.replace("    # vérifie : IDENT-06\n", ""), "la règle @IDENT-06 n'est nommée par aucun « # vérifie : »"),
    (ANNOTATED.replace("    # vérifie : IDENT-06\n    Et l'adresse est affichée\n",
                       "    Et l'adresse est affichée\n    # vérifie : IDENT-06\n"), "doit être juste au-dessus d'une étape"),
    (ANNOTATED.replace("    # vérifie : IDENT-05\n    Alors", "    # vérifie : IDENT-05\n\n    Alors"),
     "doit être juste au-dessus d'une étape"),
    (ANNOTATED.replace("  @IDENT-05 @IDENT-06\n", "  Contexte:\n    # vérifie : IDENT-05\n    Soit un usager\n\n"
                       "  @IDENT-05 @IDENT-06\n"), "doit être juste au-dessus d'une étape de scénario"),
    (ANNOTATED.replace("# vérifie : IDENT-06", "# vérifie IDENT-06"), "annotation mal écrite « # vérifie IDENT-06 »"),
    (ANNOTATED.replace("# vérifie : IDENT-06", "# Vérifie : IDENT-06"), "annotation mal écrite"),
    (ANNOTATED.replace("# vérifie : IDENT-06", "# vérifie : IDENT-6"), "annotation mal écrite"),
], ids=["no-annotation", "no-annotation-outline", "untagged-rule", "unnamed-rule", "after-last-step",
        "blank-line", "in-background", "no-colon", "capital", "bad-id"])
def test_each_annotation_mistake_is_reported(tmp_path, text, expected):
    problems = lint(tmp_path, text, THREE_RULES)
    assert any(expected in problem for problem in problems), problems


MIXED = ANNOTATED.replace("@IDENT-05 @IDENT-06", "@IDENT-05 @IDENT-06 @IDENT-07").replace(
    "# vérifie : IDENT-06", "# vérifie : IDENT-06, IDENT-07")
FORCES = {"IDENT-05": "exigence", "IDENT-06": "exigence", "IDENT-07": "recommandation"}


def test_an_annotation_mixing_forces_is_refused(tmp_path):
    problems = annotation_problems(write(tmp_path, MIXED), FORCES)
    assert any("mêle des règles de forces différentes (exigence : IDENT-06 ; recommandation : IDENT-07)" in problem
               for problem in problems), problems


def test_an_annotation_per_force_is_accepted(tmp_path):
    split = MIXED.replace("# vérifie : IDENT-05\n", "# vérifie : IDENT-05, IDENT-06\n").replace(
        "# vérifie : IDENT-06, IDENT-07", "# vérifie : IDENT-07")
    assert annotation_problems(write(tmp_path, split), FORCES) == []


def test_a_rule_without_a_force_yet_mixes_with_any(tmp_path):
    # IDENT-07 has no `force` in the catalogue yet: it is left out of the comparison.
    assert annotation_problems(write(tmp_path, MIXED), {"IDENT-05": "exigence", "IDENT-06": "exigence"}) == []


def test_the_forces_come_from_the_catalogue(tmp_path, monkeypatch):
    fake = {rule: {"id": rule, "force": force} for rule, force in FORCES.items()}
    monkeypatch.setattr(catalogue, "rules", lambda: fake)
    problems = problems_in(write(tmp_path, MIXED), set(fake))
    assert any("mêle des règles de forces différentes" in problem for problem in problems), problems


@pytest.mark.parametrize("path", FEATURES, ids=[path.name for path in FEATURES])
def test_real_feature_has_no_problem(path):
    assert problems_in(path, set(catalogue.rules())) == []



# Parts of the guide whose every rule is specified.
SPECIFIED_PARTS = {"pre-inscription", "activation"}


def test_every_rule_of_the_specified_parts_has_a_scenario():
    assert uncovered_rules(FEATURES, catalogue.rules(), SPECIFIED_PARTS) == []
