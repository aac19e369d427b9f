"""« No (other) e-mail was sent », checked once more at the end of the run.

A target may take up to the profile's mail timeout to send a message. Rather than wait that long
in every scenario, each such check notes the count it saw; at the end of the run, once the
newest check is that old, every count is taken again and a message that came late fails the
check's rules then (a warning for recommendations only, unless the run is strict). A check
followed by another action of its scenario is counted again when that action starts instead:
what comes after may rightly send mail.
"""

import time

from espro import catalogue
from espro.report import FAILED, SEVERITY, WARNING


def watches(scenarios: list[dict]) -> list[tuple[dict, dict]]:
    return [(scenario, watch) for scenario in scenarios for watch in scenario.get("mail_watch", [])]


def close(watching: list[dict], count_for) -> None:
    """Count again, now, what each open check saw: the scenario is about to act again."""
    for watch in watching:
        watch.setdefault("final", count_for(watch["address"]))


def wait_out(pending: list[tuple[dict, dict]], grace_s: float, sleep=time.sleep, now=time.time) -> None:
    """Sleep until the newest check still open is `grace_s` seconds old."""
    still_open = [watch["at"] for _, watch in pending if "final" not in watch]
    if still_open:
        sleep(max(0.0, max(still_open) + grace_s - now()))


def late(pending: list[tuple[dict, dict]], count_for, strict: bool) -> list[dict]:
    """Mark each scenario whose watched address got more messages than its check saw; the
    scenarios whose verdict became `failed`."""
    failed = []
    for scenario, watch in pending:
        received = watch["final"] if "final" in watch else count_for(watch["address"])
        if received <= watch["count"]:
            continue
        reason = (f"{received - watch['count']} courriel(s) arrivé(s) pour {watch['address']} après la vérification "
                  f"« {watch.get('step', '')} », qui n'en comptait {watch['count']}")
        rules = watch.get("rules") or scenario["rules"]
        for rule in rules:
            soft = not strict and catalogue.force(rule) == catalogue.RECOMMANDATION
            scenario.setdefault("rule_verdicts", {})[rule] = {"verdict": WARNING if soft else FAILED, "reason": reason}
        verdicts = {outcome["verdict"] for outcome in scenario["rule_verdicts"].values()} | {scenario["verdict"]}
        worst = next(v for v in SEVERITY if v in verdicts)
        if worst != scenario["verdict"]:
            scenario["verdict"], scenario["reason"] = worst, reason
            if worst == FAILED:
                failed.append(scenario)
    return failed
