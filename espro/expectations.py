"""Known deviations of a target (the profile's `expectations:` file).

A QA team that knows its target breaks a rule until a given date lists it here: the scenario
still fails and is shown, but does not fail the gate. An entry that has expired, or that names
no rule or scenario of the specification, stops the run: a stale list must not hide anything.
"""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jsonschema
import yaml

from espro import catalogue, gherkin_view, schemas
from espro.errors import RunError

EXPECTED_FAILURE, UNEXPECTED_PASS, NOT_RUN = "failed-as-expected", "passed-unexpectedly", "not-run"


@dataclass(frozen=True)
class Expectation:
    reason: str
    expires: date
    rule: str | None = None
    scenario: str | None = None

    @property
    def subject(self) -> str:
        return f"règle {self.rule}" if self.rule else f"scénario « {self.scenario} »"

    def covers(self, record: dict) -> bool:
        return (self.rule in record["rules"]) if self.rule else self.scenario == record["name"]

    def as_dict(self) -> dict:
        return {key: value for key, value in (("rule", self.rule), ("scenario", self.scenario),
                                              ("reason", self.reason), ("expires", self.expires.isoformat()))
                if value is not None}


def scenario_names() -> set[str]:
    """Every scenario name of the specification, outlines as written and as run (one per row)."""
    names = set()
    for feature in gherkin_view.features():
        for scenario in feature.scenarios:
            names.add(scenario.name)
            names.update(instance.name for instance in gherkin_view.instances(scenario))
    return names


def load(path: str | Path, today: date | None = None) -> list[Expectation]:
    """Read and check the file; RunError with one line for the first problem."""
    path = Path(path)
    try:
        # YAML reads 2027-03-31 as a date; the schema, like JSON, sees it as text.
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    except FileNotFoundError:
        raise RunError(f"attentes introuvables : {path}") from None
    except yaml.YAMLError:
        raise RunError(f"attentes illisibles : {path} n'est pas du YAML valide") from None
    validator = jsonschema.Draft202012Validator(schemas.load("expectations.schema.json"),
                                                format_checker=jsonschema.FormatChecker())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "la racine"
        raise RunError(f"attentes invalides ({path}, {where}) : {error.message}")
    today = today or date.today()
    rules, names = catalogue.rules(), scenario_names()
    expectations = []
    for number, entry in enumerate(data["deviations"], start=1):
        expires = date.fromisoformat(entry["expires"])
        expectation = Expectation(entry["reason"], expires, entry.get("rule"), entry.get("scenario"))
        if expectation.rule and expectation.rule not in rules:
            raise RunError(f"attente n°{number} ({path}) : la règle {expectation.rule} n'existe pas dans le catalogue")
        if expectation.scenario and expectation.scenario not in names:
            raise RunError(f"attente n°{number} ({path}) : aucun scénario ne s'appelle « {expectation.scenario} »")
        if expires < today:
            raise RunError(f"attente n°{number} ({path}) sur la {expectation.subject} expirée le {expires.isoformat()} : "
                           f"corrigez la cible ou repoussez l'échéance")
        expectations.append(expectation)
    return expectations


def _verdict(expectation: Expectation, record: dict) -> str:
    """The scenario's verdict, or for an expectation on a rule, the verdict of that rule's check."""
    if expectation.rule:
        return record.get("rule_verdicts", {}).get(expectation.rule, {}).get("verdict", record["verdict"])
    return record["verdict"]


def matching(expectations: list[Expectation], record: dict) -> Expectation | None:
    """The expectation that announces this scenario's failure: one naming the scenario, or, when
    every rule the scenario failed is announced, the first of those rules' expectations."""
    named = next((e for e in expectations if e.scenario == record["name"]), None)
    if named is not None:
        return named
    failed = [rule for rule, outcome in record.get("rule_verdicts", {}).items() if outcome["verdict"] == "failed"]
    announced = [next((e for e in expectations if e.rule == rule), None) for rule in failed or record["rules"]]
    return announced[0] if announced and all(announced) else None


def outcomes(expectations: list[Expectation], scenarios: list[dict]) -> list[dict]:
    """Each expectation with what the run made of it: failed as expected, passed (the deviation is
    gone: remove the entry), or not run."""
    found = []
    for expectation in expectations:
        covered = [scenario for scenario in scenarios if expectation.covers(scenario)]
        verdicts = {_verdict(expectation, scenario) for scenario in covered}
        outcome = EXPECTED_FAILURE if "failed" in verdicts else UNEXPECTED_PASS if verdicts == {"passed"} else NOT_RUN
        found.append({**expectation.as_dict(), "outcome": outcome, "scenarios": [s["name"] for s in covered]})
    return found
