"""Cucumber JSON, built from the suite's own records (pytest-bdd's `--cucumberjson` writes `[]`
under pytest-xdist and counts an undefined step as passed).

The format is the one Cucumber's JSON formatter writes and report tools read: features with
their `elements` (scenarios), each step with a `result` whose status is passed, failed,
skipped or undefined. A step not run, or stopped as not verified, is `skipped`.
"""

import re

from espro import gherkin_view

STATUS = {"passed": "passed", "failed": "failed", "undefined": "undefined", "not-verified": "skipped",
          gherkin_view.NOT_RUN: "skipped"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _step(step: gherkin_view.Step, duration_s: float, error: str | None) -> dict:
    result = {"status": STATUS.get(step.status, "skipped"), "duration": int(duration_s * 1e9)}
    if error and step.status in ("failed", "not-verified", "undefined"):
        result["error_message"] = error
    entry = {"keyword": f"{step.keyword} ", "name": step.text, "line": step.line, "match": {"location": ""},
             "result": result}
    if step.doc is not None:
        entry["doc_string"] = {"value": step.doc, "line": step.line + 1}
    if step.table:
        entry["rows"] = [{"cells": list(row)} for row in step.table]
    return entry


def _element(record: dict, feature_id: str) -> dict:
    view = gherkin_view.run_scenario(record)
    durations = [step.get("duration_s", 0) for step in record.get("steps", [])]
    steps = [_step(step, durations[i] if i < len(durations) else 0, record.get("reason"))
             for i, step in enumerate(view.background + view.steps)]
    return {"id": f"{feature_id};{_slug(record['name'])}", "keyword": "Scénario", "name": record["name"],
            "description": record.get("reason", ""), "line": record.get("line", 0), "type": "scenario",
            "tags": [{"name": f"@{tag}", "line": record.get("line", 0)} for tag in record.get("tags", [])],
            "steps": steps}


def report(result: dict) -> list[dict]:
    """The run as Cucumber JSON: one entry per feature, its scenarios in the report's order."""
    features: dict[str, dict] = {}
    for record in result["scenarios"]:
        source = gherkin_view.feature_of(record)
        uri = f"features/{record.get('feature_file', '')}"
        if uri not in features:
            feature_id = _slug(record["feature"])
            features[uri] = {"uri": uri, "id": feature_id, "keyword": source.keyword if source else "Fonctionnalité",
                             "name": record["feature"], "description": source.description if source else "",
                             "line": 1, "tags": [], "elements": []}
        features[uri]["elements"].append(_element(record, features[uri]["id"]))
    return list(features.values())
