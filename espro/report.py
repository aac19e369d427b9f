"""Verdicts and conformance.json (contract §6), built from the suite's own records.

Each scenario record is made on the process that ran it and travels with pytest's
report, so that the result is complete under pytest-xdist too.
"""

import json
from datetime import datetime, timezone
from pathlib import Path

from espro import catalogue

PASSED, FAILED, NOT_VERIFIED, WARNING = "passed", "failed", "not-verified", "warning"
# The worst verdict first: a rule failed by one scenario is failed, whatever the others say.
SEVERITY = (FAILED, WARNING, NOT_VERIFIED, PASSED)


def _rule_outcome(scenario: dict, rule_id: str) -> dict:
    """What this scenario found for the rule: its own check's verdict (espro/attribution.py)."""
    return scenario.get("rule_verdicts", {}).get(rule_id) or {"verdict": scenario["verdict"],
                                                                **({"reason": scenario["reason"]} if "reason" in scenario else {})}


def rule_verdicts(scenarios: list[dict]) -> list[dict]:
    """Each rule's verdict from the checks of that rule in each of its scenarios: failed if one
    failed, else a warning if one warned (a recommendation), else not verified if one could not
    run, else passed."""
    by_rule: dict[str, list[dict]] = {}
    for scenario in scenarios:
        for rule in scenario["rules"]:
            by_rule.setdefault(rule, []).append(scenario)
    known = catalogue.rules()
    rules = []
    for rule_id, tagged in sorted(by_rule.items()):
        outcomes = [(scenario, _rule_outcome(scenario, rule_id)) for scenario in tagged]
        verdict = next(v for v in SEVERITY if v == PASSED or any(o["verdict"] == v for _, o in outcomes))
        entry = {"id": rule_id, "verdict": verdict, "scenarios": [s["name"] for s in tagged]}
        if rule_id in known:
            entry["title"] = known[rule_id].get("titre", "")
            entry["section"] = known[rule_id].get("section", "")
            entry["force"] = known[rule_id].get("force", "")
        if verdict != PASSED:
            entry["reason"] = next(o.get("reason", "") for _, o in outcomes if o["verdict"] == verdict)
        if verdict == FAILED and all("expected" in s for s, o in outcomes if o["verdict"] == FAILED):
            entry["expected"] = True
        rules.append(entry)
    return rules


def overall(scenarios: list[dict]) -> str:
    """Warnings never change the verdict: only failures and checks that could not run do; a
    scenario of another standard's criteria (`criteria`) that could not run leaves no rule unverified."""
    verdicts = {scenario["verdict"] for scenario in scenarios}
    if FAILED in verdicts:
        return "non-conformant"
    if any(s["verdict"] == NOT_VERIFIED and not s.get("criteria") for s in scenarios) or not scenarios:
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
    rules = rule_verdicts(ordered)
    return {
        "verdict": overall(ordered),
        "gate": gate(ordered),
        "warnings": sorted(rule["id"] for rule in rules if rule["verdict"] == WARNING),
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **meta,
        "rules": rules,
        "scenarios": ordered,
        "expectations": expectation_outcomes or [],
    }


def write(directory: Path, report: dict, name: str = "conformance.json") -> Path:
    """A JSON file in `directory`; the report must already be scrubbed of secrets."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
