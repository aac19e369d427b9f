"""Verdicts per rule and overall (contract §6), and secrets kept out of the report."""

import json

import jsonschema
import pytest

from espro import SCHEMAS_DIR, report
from espro.catalogue import rule_ids


def scenario(name, verdict, tags, reason=None):
    entry = {"name": name, "feature": "f", "line": 1, "tags": tags, "rules": rule_ids(tags), "verdict": verdict}
    if reason:
        entry["reason"] = reason
    return entry


def test_rule_verdict_failed_beats_not_verified_beats_passed():
    scenarios = [
        scenario("a", "passed", ["IDENT-01", "IDENT-02", "parcours"]),
        scenario("b", "failed", ["IDENT-02"], "message"),
        scenario("c", "not-verified", ["IDENT-01", "DELAI-01"], "pas de crochet horloge"),
        scenario("d", "passed", ["DELAI-01"]),
        scenario("e", "passed", ["CNX-01"]),
    ]
    verdicts = {rule["id"]: rule["verdict"] for rule in report.rule_verdicts(scenarios)}
    assert verdicts == {"IDENT-01": "not-verified", "IDENT-02": "failed", "DELAI-01": "not-verified", "CNX-01": "passed"}
    assert report.overall(scenarios) == "non-conformant"


def test_overall_verdicts():
    assert report.overall([scenario("a", "passed", ["CNX-01"])]) == "conformant"
    assert report.overall([scenario("a", "passed", []), scenario("b", "not-verified", [], "r")]) == "incomplete"
    assert report.overall([]) == "incomplete"


def test_not_verified_rule_carries_its_reason():
    rules = report.rule_verdicts([scenario("c", "not-verified", ["DELAI-01"], "pas de crochet horloge")])
    assert rules[0]["reason"] == "pas de crochet horloge"


def test_written_report_masks_secrets(tmp_path):
    built = report.build([scenario("a", "failed", ["CNX-01"], "jeton s3cret refusé")], {"profile": "p.yaml"})
    path = report.write(tmp_path, report.scrub(built, ["s3cret"]))
    text = path.read_text(encoding="utf-8")
    assert "s3cret" not in text
    assert json.loads(text)["scenarios"][0]["reason"] == "jeton •••••• refusé"
    assert json.loads(text)["verdict"] == "non-conformant"


def test_very_short_secret_does_not_mask_ordinary_words():
    assert report.scrub({"name": "expert x"}, ["x"]) == {"name": "expert x"}


def test_built_report_follows_its_schema():
    schema = json.loads((SCHEMAS_DIR / "report.schema.json").read_text(encoding="utf-8"))
    built = report.build([scenario("a", "passed", ["CNX-04"]), scenario("b", "not-verified", ["DELAI-01"], "r")],
                         {"profile": "p.yaml", "seed": 3})
    jsonschema.validate(built, schema)
    del built["scenarios"][1]["reason"]
    with pytest.raises(jsonschema.ValidationError, match="'reason' is a required property"):
        jsonschema.validate(built, schema)
