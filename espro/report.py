"""Verdicts and conformance.json (contract §6), built from the suite's own records.

Each scenario record is made on the process that ran it and travels with pytest's
report, so that the result is complete under pytest-xdist too.
"""

import json
from datetime import datetime, timezone
from pathlib import Path

from espro import catalogue

PASSED, FAILED, NOT_VERIFIED = "passed", "failed", "not-verified"


def rule_verdicts(scenarios: list[dict]) -> list[dict]:
    """Failed if any scenario of the rule failed; not verified if none failed and some could
    not run; passed otherwise."""
    by_rule: dict[str, list[dict]] = {}
    for scenario in scenarios:
        for rule in scenario["rules"]:
            by_rule.setdefault(rule, []).append(scenario)
    known = catalogue.rules()
    rules = []
    for rule_id, tagged in sorted(by_rule.items()):
        verdicts = {scenario["verdict"] for scenario in tagged}
        verdict = FAILED if FAILED in verdicts else NOT_VERIFIED if NOT_VERIFIED in verdicts else PASSED
        entry = {"id": rule_id, "verdict": verdict, "scenarios": [s["name"] for s in tagged]}
        if rule_id in known:
            entry["title"] = known[rule_id].get("titre", "")
            entry["section"] = known[rule_id].get("section", "")
        if verdict == NOT_VERIFIED:
            entry["reason"] = next(s["reason"] for s in tagged if s["verdict"] == NOT_VERIFIED)
        if verdict == FAILED and all("expected" in s for s in tagged if s["verdict"] == FAILED):
            entry["expected"] = True
        rules.append(entry)
    return rules


def overall(scenarios: list[dict]) -> str:
    verdicts = {scenario["verdict"] for scenario in scenarios}
    if FAILED in verdicts:
        return "non-conformant"
    if NOT_VERIFIED in verdicts or not scenarios:
        return "incomplete"
    return "conformant"


MASKED_FROM_LENGTH = 4


def scrub(value, secrets: list[str]):
    """Replace every secret by a mask, wherever it stands in the report.

    Secrets shorter than four characters would mask ordinary words; they are left alone."""
    if isinstance(value, str):
        for secret in (s for s in secrets if len(s) >= MASKED_FROM_LENGTH):
            value = value.replace(secret, "••••••")
        return value
    if isinstance(value, list):
        return [scrub(item, secrets) for item in value]
    if isinstance(value, dict):
        return {key: scrub(item, secrets) for key, item in value.items()}
    return value


def gate(scenarios: list[dict]) -> str:
    """What a CI gate does with the run: it fails on a failure no expectation announced."""
    return FAILED if any(s["verdict"] == FAILED and "expected" not in s for s in scenarios) else PASSED


def build(scenarios: list[dict], meta: dict, expectation_outcomes: list[dict] | None = None) -> dict:
    ordered = sorted(scenarios, key=lambda s: (s["feature"], s["line"], s["name"]))
    return {
        "verdict": overall(ordered),
        "gate": gate(ordered),
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **meta,
        "rules": rule_verdicts(ordered),
        "scenarios": ordered,
        "expectations": expectation_outcomes or [],
    }


def write(directory: Path, report: dict, name: str = "conformance.json") -> Path:
    """A JSON file in `directory`; the report must already be scrubbed of secrets."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
