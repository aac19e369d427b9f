"""Which rules each step checks, and what each step's outcome means for them.

A scenario's rules do not share one fate: a failed step fails only the rules of the check it
belongs to (`# vérifie :` annotations, espro/gherkin_view.py); a rule whose check never ran is
« non joué »; a failed preparation (`Soit`) leaves every rule unverified, since nothing was
checked; a failed check of `recommandation` rules only is a warning, unless the run is strict.
In a scenario that checks a criterion of another standard (@rgaa-8.4), a failed check is a
finding: kept on its step, the scenario goes on, and no rule's verdict depends on it.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from espro import catalogue, gherkin_view
from espro.errors import NotVerified, TargetFailed

PASSED, FAILED, WARNING, NOT_VERIFIED = "passed", "failed", "warning", "not-verified"
RANK = {PASSED: 0, NOT_VERIFIED: 1, WARNING: 2, FAILED: 3}
UNDEFINED = "undefined"
NOT_REACHED = "non joué : le scénario s'est arrêté avant la vérification de cette règle"

STEP_KEY = pytest.StashKey[dict]()
STRICT_KEY = pytest.StashKey[bool]()


def step_lines(feature, scenario, rules: list[str]) -> dict[int, tuple[str, ...]]:
    """Line of each of the scenario's own steps → the scenario's rules its check covers."""
    view = gherkin_view.scenario_at(Path(feature.filename), scenario.line_number)
    if view is None:
        return {}
    return {line: tuple(rule for rule in checked if rule in rules)
            for line, checked in gherkin_view.attribution(view).items()}


def _message(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def begin_step(node, rules: tuple[str, ...], criteria: tuple[str, ...] = ()) -> None:
    node.stash[STEP_KEY] = {"rules": rules, "criteria": criteria, "warning": None, "finding": False}


def tolerate(request, error: AssertionError) -> bool:
    """Whether this failed check concerns recommendations only: then it is kept as a warning on the
    step and the scenario goes on. A strict run tolerates nothing. A failed check of another
    standard's criterion is a finding, strict or not."""
    current = request.node.stash.get(STEP_KEY, None)
    if current is not None and current["criteria"] and not isinstance(error, TargetFailed):
        current.update(warning=_message(error), finding=True)
        return True
    if current is None or not current["rules"] or request.config.stash.get(STRICT_KEY, False) \
            or isinstance(error, TargetFailed):
        return False
    if any(catalogue.force(rule) != catalogue.RECOMMANDATION for rule in current["rules"]):
        return False
    current["warning"] = _message(error)
    return True


def step_record(node, step, status: str, error: BaseException | None = None) -> dict:
    """What a step's outcome was, with what the verdicts need: its kind, its rules, its message."""
    current = node.stash.get(STEP_KEY, {"rules": (), "warning": None, "finding": False})
    record = {"keyword": step.keyword, "text": step.name, "line": step.line_number, "kind": step.type,
              "rules": list(current["rules"]), "status": status}
    if status == PASSED and current["warning"]:
        record.update(status=WARNING, message=current["warning"], **({"finding": True} if current["finding"] else {}))
    elif error is not None:
        record["message"] = _message(error)
        # What the target did (a check that failed, a control it does not show), not an error of
        # the suite's own; a target that fails to answer (a declared hook included) fails any step.
        if isinstance(error, (AssertionError, PlaywrightError)) and not isinstance(error, TargetFailed):
            record["by_target"] = True
            if step.type == "given":
                record["preparation"] = True
    return record


def status_of(error: BaseException) -> str:
    return NOT_VERIFIED if isinstance(error, NotVerified) else FAILED


def judge(steps: list[dict], rules: list[str], lines: dict[int, tuple[str, ...]], strict: bool = False) -> dict:
    """The scenario's verdict, each of its rules' verdict, and the reason, from its steps' records.

    `lines` maps each step line to the rules of its check (step_lines)."""
    outcome: dict[str, tuple[str, str]] = {}

    def settle(rule, verdict, reason):
        if rule not in outcome or RANK[verdict] > RANK[outcome[rule][0]]:
            outcome[rule] = (verdict, reason)

    def checked(rule):
        return [line for line, covered in lines.items() if rule in covered]

    broken, done = None, set()
    for step in steps:
        status, message = step["status"], step.get("message", "")
        if status in (PASSED, WARNING):
            done.add(step["line"])
        if status == WARNING:
            for rule in step["rules"]:
                settle(rule, WARNING, message)
        elif status == NOT_VERIFIED or step.get("preparation"):
            reason = message if status == NOT_VERIFIED else f"préparation impossible (« {step['text']} ») : {message}"
            for rule in rules:
                if not checked(rule) or not all(line in done for line in checked(rule)):
                    settle(rule, NOT_VERIFIED, reason)
            broken = broken or (NOT_VERIFIED, reason)
        elif status in (FAILED, UNDEFINED):
            reason = message if status == FAILED else f"étape non définie : « {step['text']} »"
            for rule in step["rules"] or rules:
                soft = step.get("by_target") and not strict and catalogue.force(rule) == catalogue.RECOMMANDATION
                settle(rule, WARNING if soft else FAILED, reason)
            if not rules and status == FAILED and step.get("by_target"):
                # A scenario of another standard's criteria (it has no rule) that the target stopped
                # before its check: that criterion is not verified; the guide's verdict owes it nothing.
                broken = broken or (NOT_VERIFIED, f"vérification impossible (« {step['text']} ») : {message}")
            elif status == UNDEFINED or not (step["rules"] or rules):
                broken = (FAILED, reason)
    finished = len(done) == len(steps)
    for rule in rules:
        if rule not in outcome:
            complete = all(line in done for line in checked(rule)) and (bool(checked(rule)) or finished)
            outcome[rule] = (PASSED, "") if complete else (NOT_VERIFIED, NOT_REACHED)
    verdicts = {verdict for verdict, _ in outcome.values()} | ({broken[0]} if broken else set())
    verdict = next(v for v in (FAILED, NOT_VERIFIED, WARNING, PASSED) if v in verdicts or v == PASSED)
    reason = next((r for v, r in ([broken] if broken else []) + list(outcome.values()) if v == verdict and r), "")
    return {"verdict": verdict, "reason": reason,
            "rule_verdicts": {rule: {"verdict": v, **({"reason": r} if r and v != PASSED else {})}
                              for rule, (v, r) in sorted(outcome.items())}}
