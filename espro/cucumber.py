"""Cucumber JSON, built from the suite's own records (pytest-bdd's `--cucumberjson` writes `[]`
under pytest-xdist and counts an undefined step as passed).

The format is the one Cucumber's JSON formatter writes and report tools read: features with
their `elements` (scenarios), each step with a `result` whose status is passed, failed,
skipped or undefined. A step not run, or stopped as not verified, is `skipped`.
"""

import base64
import re

from espro import findings, gherkin_view

# Cucumber has no warning: a warned step passed, with its message attached, and its scenario
# carries the tag @avertissement.
STATUS = {"passed": "passed", "failed": "failed", "undefined": "undefined", "not-verified": "skipped",
          "warning": "passed", gherkin_view.NOT_RUN: "skipped"}
WARNING_TAG = "@avertissement"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _step(step: gherkin_view.Step, duration_s: float, error: str | None) -> dict:
    result = {"status": STATUS.get(step.status, "skipped"), "duration": int(duration_s * 1e9)}
    if error and step.status in ("failed", "not-verified", "undefined"):
        result["error_message"] = error
    entry = {"keyword": f"{step.keyword} ", "name": step.text, "line": step.line, "match": {"location": ""},
             "result": result}
    if error and step.status == "warning":
        entry["embeddings"] = [{"mime_type": "text/plain",
                                "data": base64.b64encode(f"avertissement : {error}".encode()).decode("ascii")}]
    if step.doc is not None:
        entry["doc_string"] = {"value": step.doc, "line": step.line + 1}
    if step.table:
        entry["rows"] = [{"cells": list(row)} for row in step.table]
    return entry


def _element(record: dict, feature_id: str) -> dict:
    view = gherkin_view.run_scenario(record)
    recorded = record.get("steps", [])
    steps = [_step(step, recorded[i].get("duration_s", 0) if i < len(recorded) else 0,
                   (recorded[i].get("message") if i < len(recorded) else None) or record.get("reason"))
             for i, step in enumerate(view.background + view.steps)]
    tags = [f"@{tag}" for tag in record.get("tags", [])] + ([WARNING_TAG] if record["verdict"] == "warning" else [])
    return {"id": f"{feature_id};{_slug(record['name'])}", "keyword": "Scénario", "name": record["name"],
            "description": record.get("reason", ""), "line": record.get("line", 0), "type": "scenario",
            "tags": [{"name": tag, "line": record.get("line", 0)} for tag in tags],
            "steps": steps}


def _findings_feature(section: dict) -> dict:
    """The findings beyond the guide as a feature of their own: one scenario per finding, tagged
    with its criterion and severity, failed if it fails the run (findings.fail_on), else skipped."""
    elements = []
    for item in section["items"]:
        name = f"{item['standard']} {item['criterion']} : {item['message']} ({item['page']})"
        tags = ["@constat", f"@{item['tag']}", f"@gravite-{item['severity']}"]
        result = {"status": "failed" if findings.fails(item, section["fail_on"]) else "skipped", "duration": 0,
                  "error_message": "\n".join([f"{findings.SEVERITY_FR.get(item['severity'], item['severity'])} "
                                               f"({item['check']})", *item.get("elements", [])])}
        elements.append({"id": f"constats;{_slug(name)}", "keyword": "Constat", "name": name,
                         "description": item["title"], "line": 0, "type": "scenario",
                         "tags": [{"name": tag, "line": 0} for tag in tags],
                         "steps": [{"keyword": "Alors ", "name": item["title"], "line": 0, "match": {"location": ""},
                                    "result": result}]})
    return {"uri": "constats", "id": "constats", "keyword": "Fonctionnalité", "name": "Constats au-delà du guide",
            "description": "RGAA, OWASP ASVS, NIST : hors du verdict du guide", "line": 1, "tags": [],
            "elements": elements}


def report(result: dict) -> list[dict]:
    """The run as Cucumber JSON: one entry per feature, its scenarios in the report's order, then
    the findings beyond the guide if any."""
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
    found = result.get("findings")
    return list(features.values()) + ([_findings_feature(found)] if found and found["items"] else [])
