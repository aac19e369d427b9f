"""Cucumber JSON from the suite's own records: every step of the file, with the status it had."""

import json
import subprocess
from pathlib import Path

import pytest

from espro import cucumber, gherkin_view, report
from espro.catalogue import rule_ids


def record_of(title, statuses, verdict, reason=None):
    """A scenario record as the plugin makes it: the steps that ran, in order, with their status."""
    feature = next(f for f in gherkin_view.features() for s in f.scenarios if s.name == title)
    scenario = next(s for s in feature.scenarios if s.name == title)
    every = scenario.background + scenario.steps
    record = {"name": title, "feature": feature.name, "feature_file": feature.file, "line": scenario.line,
              "tags": list(scenario.tags), "rules": rule_ids(scenario.tags), "verdict": verdict,
              "steps": [{"keyword": step.keyword, "text": step.text, "status": status, "duration_s": 0.5}
                        for step, status in zip(every, statuses)]}
    if reason:
        record["reason"] = reason
    return record, every


def test_each_step_of_the_file_is_there_with_its_result():
    title = "Après « Changer l'image », l'ancienne réponse ne vaut plus"
    record, every = record_of(title, ["passed", "passed", "failed"], "failed", "l'image n'a pas changé")
    (feature,) = cucumber.report(report.build([record], {}))
    assert feature["uri"] == "features/conditions_generales.feature"
    (element,) = feature["elements"]
    assert (element["name"], element["type"], element["line"]) == (title, "scenario", record["line"])
    assert {"name": "@CG-06", "line": record["line"]} in element["tags"]
    statuses = [step["result"]["status"] for step in element["steps"]]
    assert len(statuses) == len(every)
    assert statuses[:3] == ["passed", "passed", "failed"] and set(statuses[3:]) == {"skipped"}
    assert [step["name"] for step in element["steps"]] == [step.text for step in every]
    assert element["steps"][2]["result"]["error_message"] == "l'image n'a pas changé"
    assert element["steps"][0]["result"]["duration"] == 500_000_000
    assert all(step["keyword"].endswith(" ") and step["line"] > 0 for step in element["steps"])


def test_an_undefined_step_is_undefined_and_a_not_verified_one_skipped():
    title = "L'image compte six caractères"
    undefined, _ = record_of(title, ["passed", "undefined"], "failed", "étape non définie")
    not_verified, _ = record_of(title, ["passed", "not-verified"], "not-verified", "pas de crochet captcha")
    results = cucumber.report(report.build([undefined], {}))[0]["elements"][0]["steps"]
    assert "undefined" in [step["result"]["status"] for step in results]
    assert "passed" != results[-1]["result"]["status"]
    results = cucumber.report(report.build([not_verified], {}))[0]["elements"][0]["steps"]
    assert [step["result"]["status"] for step in results][-1] == "skipped"


def test_scenarios_of_two_features_make_two_entries():
    first, _ = record_of("L'image compte six caractères", ["passed"] * 9, "passed")
    second, _ = record_of("Une adresse électronique sans espace ne permet pas de se connecter", ["passed"] * 12, "passed")
    features = cucumber.report(report.build([first, second], {}))
    assert sorted(feature["uri"] for feature in features) == ["features/conditions_generales.feature",
                                                              "features/connexion.feature"]


def test_cucumber_html_reporter_reads_it(tmp_path):
    """An existing tool (cucumber-html-reporter, from `make tools`) draws every scenario and step."""
    root = Path(__file__).resolve().parents[1]
    if not (root / "tools" / "node_modules" / "cucumber-html-reporter").is_dir():
        pytest.fail("cucumber-html-reporter absent : lancez « make tools »", pytrace=False)
    failed, _ = record_of("Après « Changer l'image », l'ancienne réponse ne vaut plus",
                          ["passed", "passed", "failed"], "failed", "l'image n'a pas changé")
    passed, every = record_of("L'image compte six caractères", ["passed"] * 20, "passed")
    source = tmp_path / "cucumber.json"
    source.write_text(json.dumps(cucumber.report(report.build([failed, passed], {})), ensure_ascii=False),
                      encoding="utf-8")
    result = subprocess.run(["node", str(root / "tools" / "cucumber-report.js"), str(source), str(tmp_path / "out.html")],
                            capture_output=True, text=True, timeout=120, cwd=root / "tools")
    assert result.returncode == 0, result.stderr
    drawn = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert failed["name"] in drawn and passed["name"] in drawn
    assert drawn.count('title="Failed"') == 1
    assert drawn.count('title="Success"') == 2 + len(every)
