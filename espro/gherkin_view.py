"""The feature files as a reader sees them, for the HTML pages and the lint.

A run records only the steps that ran, without their doc strings or tables; the file holds
the whole scenario. Pairing the two shows every step, with the status of those that ran.
"""

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from gherkin.parser import Parser

from espro import FEATURES_DIR, catalogue

NOT_RUN = "not-run"
PLACEHOLDER = re.compile(r"<([^<>]+)>")
# `# vérifie : PDF-04, PDF-05` on the line above a step: that step checks these rules.
CHECKS = re.compile(r"^\s*#\s*vérifie\s*:\s*(?P<rules>.*)$")


@dataclass(frozen=True)
class Step:
    keyword: str
    text: str
    doc: str | None = None
    table: tuple[tuple[str, ...], ...] = ()
    status: str | None = None
    line: int = 0
    checks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    keyword: str
    name: str
    line: int
    tags: tuple[str, ...]
    background: tuple[Step, ...]
    steps: tuple[Step, ...]
    examples: tuple[tuple[tuple[str, ...], ...], ...] = ()


@dataclass(frozen=True)
class Feature:
    keyword: str
    name: str
    description: str
    file: str
    scenarios: tuple[Scenario, ...]


def _step(node, checks: dict[int, tuple[str, ...]]) -> Step:
    doc = node.get("docString", {}).get("content")
    rows = node.get("dataTable", {}).get("rows", [])
    line = node["location"]["line"]
    return Step(node["keyword"].strip(), node["text"], doc, tuple(tuple(c["value"] for c in r["cells"]) for r in rows),
                line=line, checks=checks.get(line - 1, ()))


def _checks(comments) -> dict[int, tuple[str, ...]]:
    """Line of each `# vérifie :` comment → the rule ids it names."""
    found = {}
    for comment in comments:
        match = CHECKS.match(comment["text"])
        if match:
            found[comment["location"]["line"]] = tuple(re.findall(r"[A-Z]+-[0-9]{2}", match["rules"]))
    return found


def _background(node, checks) -> tuple[Step, ...]:
    return tuple(_step(step, checks) for child in node.get("children", []) if "background" in child
                 for step in child["background"]["steps"])


def _scenarios(node, tags: tuple[str, ...], background: tuple[Step, ...], checks):
    """Scenarios of a feature or of a rule, each with the tags it inherits or its examples carry,
    and its background."""
    for child in node.get("children", []):
        if "rule" in child:
            rule = child["rule"]
            yield from _scenarios(rule, tags + tuple(t["name"].lstrip("@") for t in rule.get("tags", [])),
                                  background + _background(rule, checks), checks)
        elif "scenario" in child:
            scenario = child["scenario"]
            own = tuple(t["name"].lstrip("@") for t in scenario.get("tags", []))
            own += tuple(t["name"].lstrip("@") for ex in scenario.get("examples", []) for t in ex.get("tags", []))
            examples = tuple((tuple(c["value"] for c in ex["tableHeader"]["cells"]),
                              *(tuple(c["value"] for c in row["cells"]) for row in ex.get("tableBody", [])))
                             for ex in scenario.get("examples", []) if "tableHeader" in ex)
            yield Scenario(scenario["keyword"], scenario["name"], scenario["location"]["line"], tags + own,
                           background, tuple(_step(step, checks) for step in scenario["steps"]), examples)


@cache
def feature(path: Path) -> Feature:
    """One feature file, parsed once per process."""
    document = Parser().parse(path.read_text(encoding="utf-8"))
    node = document.get("feature") or {}
    checks = _checks(document.get("comments", []))
    tags = tuple(t["name"].lstrip("@") for t in node.get("tags", []))
    description = "\n".join(line.strip() for line in node.get("description", "").splitlines())
    return Feature(node.get("keyword", ""), node.get("name", ""), description, path.name,
                   tuple(_scenarios(node, tags, _background(node, checks), checks)))


def attribution(scenario: Scenario) -> dict[int, tuple[str, ...]]:
    """Line of each step of the scenario (not its background) → the rules whose check it is part of.

    Without `# vérifie :` annotations every step checks every rule the scenario is tagged with.
    With them, an annotated step and the unannotated steps before it (back to the previous
    annotated step) form one check of the annotation's rules; steps after the last annotation
    belong to it."""
    if not any(step.checks for step in scenario.steps):
        rules = tuple(catalogue.rule_ids(scenario.tags))
        return {step.line: rules for step in scenario.steps}
    rules_of, pending = {}, []
    for step in scenario.steps:
        pending.append(step.line)
        if step.checks:
            rules_of.update({line: step.checks for line in pending})
            pending, last = [], step.checks
    rules_of.update({line: last for line in pending})
    return rules_of


def scenario_at(path: Path, line: int) -> Scenario | None:
    """The scenario (or outline) that starts at `line` of a feature file."""
    return next((scenario for scenario in feature(path).scenarios if scenario.line == line), None)


def features() -> list[Feature]:
    """Every feature of the specification, in file-name order."""
    return [feature(path) for path in sorted(FEATURES_DIR.glob("*.feature"))]


def _fill(text: str | None, values: dict[str, str]) -> str | None:
    return text if text is None else PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _fill_step(step: Step, values: dict[str, str]) -> Step:
    return replace(step, text=_fill(step.text, values), doc=_fill(step.doc, values),
                   table=tuple(tuple(_fill(cell, values) for cell in row) for row in step.table))


def instances(scenario: Scenario):
    """The scenario as it runs: itself, or one copy per example row with the row's values in."""
    if not scenario.examples:
        yield scenario
    for header, *rows in scenario.examples:
        for row in rows:
            values = dict(zip(header, row))
            yield replace(scenario, name=_fill(scenario.name, values), examples=(),
                          steps=tuple(_fill_step(step, values) for step in scenario.steps))


def _with_status(steps: tuple[Step, ...], recorded: list[dict]) -> tuple[Step, ...]:
    return tuple(replace(step, status=recorded[i]["status"] if i < len(recorded) else NOT_RUN)
                 for i, step in enumerate(steps))


def feature_of(record: dict) -> Feature | None:
    """The feature file a scenario of a report comes from, if the specification still has it."""
    path = FEATURES_DIR / Path(record.get("feature_file", "")).name
    return feature(path) if path.suffix == ".feature" and path.is_file() else None


def run_scenario(record: dict) -> Scenario:
    """A scenario of a report, read back from its feature file, each step with its status.

    Falls back to the recorded steps alone when the file no longer holds that scenario."""
    recorded = record.get("steps", [])
    source = feature_of(record)
    for scenario in source.scenarios if source else ():
        if scenario.line != record.get("line"):
            continue
        for instance in instances(scenario):
            every = instance.background + instance.steps
            if instance.name == record["name"] and len(recorded) <= len(every) and all(
                    step.text == done["text"] for step, done in zip(every, recorded)):
                statuses = _with_status(every, recorded)
                return replace(instance, background=statuses[:len(instance.background)],
                               steps=statuses[len(instance.background):])
    return Scenario("Scénario", record["name"], record.get("line", 0), tuple(record.get("tags", [])), (),
                    tuple(Step(s["keyword"], s["text"], status=s["status"]) for s in recorded))
