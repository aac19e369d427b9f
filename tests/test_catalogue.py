"""The rule catalogue is well formed and quotes the official guide word for word.

Scenario tags are catalogue ids and product owners read the quotations as the
guide's own words, so a malformed entry or a paraphrase must fail here, not in review.
"""

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from espro import catalogue, gherkin_view, schemas

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = yaml.safe_load((ROOT / "features" / "regles.yaml").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "schemas" / "catalogue.schema.json").read_text(encoding="utf-8"))
GUIDE_DIR = ROOT.parent / "shared" / "guide"
RULES = CATALOGUE.get("regles") or []


def fold(text: str) -> str:
    """Runs of whitespace become one space: the only liberty a quotation may take."""
    return re.sub(r"\s+", " ", text)


def quotations(rule: dict) -> list[tuple[str, str]]:
    return [(key, q) for key in ("guide", "passages") for q in rule.get(key, [])]


@pytest.fixture(scope="module")
def guide_text() -> str:
    path = GUIDE_DIR / CATALOGUE["guide"]
    assert path.is_file(), f"guide introuvable : {path}"
    return fold(path.read_text(encoding="utf-8"))


def test_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)


def test_catalogue_validates_against_its_schema():
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(CATALOGUE), key=lambda e: list(e.path))

    def where(error):
        path = list(error.absolute_path)
        if len(path) >= 2 and path[0] == "regles":
            return f"{RULES[path[1]].get('id', f'règle n° {path[1] + 1}')} {path[2:]}"
        return str(path)

    assert not errors, "\n".join(f"{where(e)} : {e.message}" for e in errors)


def test_rule_ids_are_unique():
    seen: dict[str, int] = {}
    for rule in RULES:
        seen[rule["id"]] = seen.get(rule["id"], 0) + 1
    doubles = sorted(rule_id for rule_id, count in seen.items() if count > 1)
    assert not doubles, f"identifiants en double : {', '.join(doubles)}"


@pytest.mark.parametrize("rule", RULES, ids=[rule.get("id", "?") for rule in RULES])
def test_every_quotation_is_in_the_guide(rule, guide_text):
    missing = [f"{rule['id']} ({key}) : « {q} »" for key, q in quotations(rule) if fold(q) not in guide_text]
    assert not missing, "citations absentes du guide :\n" + "\n".join(missing)


def test_rules_cited_in_the_text_exist():
    ids = {rule["id"] for rule in RULES}
    unknown = [
        f"{rule['id']} ({key}) cite {cited}"
        for rule in RULES
        for key in ("titre", "lecture", "decision", "pourquoi", "raison")
        for cited in re.findall(r"\b[A-Z]+-[0-9]{2}\b", rule.get(key, ""))
        if cited not in ids
    ]
    assert not unknown, "règles citées qui n'existent pas :\n" + "\n".join(unknown)


CONTRADICTION = {
    "id": "GEN-99",
    "titre": "t",
    "section": "1.1 — Objet de la fiche",
    "partie": "pre-inscription",
    "origine": "contradiction",
    "force": "recommandation",
    "motif": "m",
    "guide": ["q"],
    "lecture": "l",
    "passages": ["a", "b"],
    "decision": "d",
    "pourquoi": "p",
    "verification": "scenario",
}


def catalogue_with(rule: dict) -> dict:
    return {"version": 1, "guide": "g.txt", "regles": [rule]}


def test_schema_accepts_a_complete_contradiction():
    assert not list(Draft202012Validator(SCHEMA).iter_errors(catalogue_with(CONTRADICTION)))


@pytest.mark.parametrize("key", ["passages", "decision", "pourquoi"])
def test_schema_refuses_a_contradiction_without_its_resolution(key):
    rule = copy.deepcopy(CONTRADICTION)
    del rule[key]
    assert list(Draft202012Validator(SCHEMA).iter_errors(catalogue_with(rule)))


def test_schema_refuses_a_resolution_outside_a_contradiction():
    rule = dict(CONTRADICTION, origine="decision")
    assert list(Draft202012Validator(SCHEMA).iter_errors(catalogue_with(rule)))


def test_schema_refuses_hors_champ_without_a_reason():
    rule = dict(CONTRADICTION, verification="hors-champ")
    assert list(Draft202012Validator(SCHEMA).iter_errors(catalogue_with(rule)))
    assert not list(Draft202012Validator(SCHEMA).iter_errors(catalogue_with(dict(rule, raison="r"))))


def test_schema_refuses_a_reason_for_a_rule_checked_by_scenario():
    rule = dict(CONTRADICTION, raison="r")
    assert list(Draft202012Validator(SCHEMA).iter_errors(catalogue_with(rule)))


# --- force: how binding each rule is -------------------------------------------

FORCES = {catalogue.EXIGENCE, catalogue.RECOMMANDATION}
EXIGENCES = [rule for rule in RULES if rule.get("force") == catalogue.EXIGENCE]


def test_every_rule_has_a_force():
    missing = [rule.get("id", "?") for rule in RULES if rule.get("force") not in FORCES]
    assert not missing, f"règles sans force (exigence ou recommandation) : {', '.join(missing)}"


def test_force_reads_the_catalogue():
    assert {catalogue.force(rule["id"]) for rule in RULES} == FORCES
    with pytest.raises(KeyError):
        catalogue.force("GEN-99")


@pytest.mark.parametrize("rule", EXIGENCES, ids=[rule["id"] for rule in EXIGENCES])
def test_every_exigence_quotes_the_guide_word_for_word(rule, guide_text):
    fondement = rule.get("fondement", "")
    assert fondement.strip(), f"{rule['id']} : exigence sans fondement"
    assert fold(fondement) in guide_text, f"{rule['id']} (fondement) absent du guide : « {fondement} »"


def test_decisions_and_contradictions_are_recommendations():
    wrong = [rule["id"] for rule in RULES
             if rule["origine"] in ("decision", "contradiction") and rule.get("force") != catalogue.RECOMMANDATION]
    assert not wrong, f"décision ou contradiction qui n'est pas une recommandation : {', '.join(wrong)}"


EXIGENCE = dict(CONTRADICTION, origine="guide", force="exigence", fondement="q")
for key in ("motif", "passages", "decision", "pourquoi"):
    del EXIGENCE[key]


def errors_of(rule: dict) -> list:
    return list(Draft202012Validator(SCHEMA).iter_errors(catalogue_with(rule)))


def test_schema_accepts_an_exigence_with_its_quotation():
    assert not errors_of(EXIGENCE)


@pytest.mark.parametrize("rule", [
    {key: value for key, value in EXIGENCE.items() if key != "force"},
    dict(EXIGENCE, force="obligatoire"),
    {key: value for key, value in EXIGENCE.items() if key != "fondement"},
    dict(EXIGENCE, motif="m"),
    {key: value for key, value in CONTRADICTION.items() if key != "motif"},
    dict(CONTRADICTION, fondement="q"),
    dict(CONTRADICTION, force="exigence", fondement="q", motif=None),
    dict(EXIGENCE, origine="decision"),
], ids=["no-force", "unknown-force", "exigence-without-fondement", "exigence-with-motif",
        "recommendation-without-motif", "recommendation-with-fondement", "contradiction-as-exigence",
        "decision-as-exigence"])
def test_schema_refuses_a_force_without_what_it_needs(rule):
    rule = {key: value for key, value in rule.items() if value is not None}
    assert errors_of(rule)


# --- the criteria of other standards (features/constats.yaml) ----------------------------------

def test_the_criteria_follow_their_schema_and_their_tags_name_them():
    data = yaml.safe_load((ROOT / "features" / "constats.yaml").read_text(encoding="utf-8"))
    assert schemas.problems(data, "constats.schema.json") == []
    for tag, criterion in data["criteres"].items():
        assert tag.endswith("-" + criterion["critere"]), tag


def test_every_criterion_has_a_scenario_and_every_scenario_tag_a_criterion():
    tagged = {tag for feature in gherkin_view.features() for scenario in feature.scenarios
              for tag in catalogue.finding_tags(scenario.tags)}
    assert tagged == set(catalogue.criteria())


def test_the_known_tensions_with_other_standards_are_recorded():
    """Where the guide asks what ASVS or NIST forbid, the rule says so and quotes both."""
    cited = {rule_id: {(t["referentiel"].split(" (")[0], t["reference"].split(" ")[0]) for t in rule.get("tensions", [])}
             for rule_id, rule in catalogue.rules().items()}
    assert ("NIST SP 800-63A-4", "§3.8") in cited["DELAI-01"]
    assert {("OWASP ASVS 5.0.0", "6.4.2"), ("NIST SP 800-63B-4", "§3.1.1.2")} <= cited["FORM-10"]
    assert {("OWASP ASVS 5.0.0", "6.2.5"), ("NIST SP 800-63B-4", "§3.1.1.2")} <= cited["IDENT-09"]
