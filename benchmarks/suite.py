"""The whole suite's wall time, and where its step time goes.

The run's own report times every step (conformance.json, `steps[].duration_s`): the share of the
preparations, actions and checks, and the steps that cost the most in all, say what to speed up first.
"""

import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"given": "Soit", "when": "Quand", "then": "Alors"}


class BenchError(Exception):
    """The measure cannot be made: one line says why."""


def ensure_free(url: str) -> None:
    """The reference implementation a measure starts must be the one measured, not a server already there."""
    try:
        httpx.get(url, timeout=1)
    except httpx.HTTPError:
        return
    raise BenchError(f"{url} répond déjà : choisissez un profil sur un port libre")


def run(profile: str, report: Path, *pytest_args: str, serve: bool = True) -> tuple[float, dict]:
    """`espro run` against the profile's target: its wall time (seconds) and its conformance.json.

    Its output goes to `report`/run.log; a run that could not be made (exit 2) ends the measure."""
    report.mkdir(parents=True, exist_ok=True)
    (report / "conformance.json").unlink(missing_ok=True)  # a previous run's must not pass for this one's
    command = [sys.executable, "-m", "espro", "run", "--profile", profile, "--report", str(report), "-q",
               *(["--serve-reference"] if serve else []), *pytest_args]
    with open(report / "run.log", "w+b") as log:
        started = time.perf_counter()
        status = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT).returncode
        elapsed = time.perf_counter() - started
        log.seek(0)
        lines = [line.strip(" !") for line in log.read().decode(errors="replace").splitlines() if line.strip(" !")]
    if status not in (0, 1) or not (report / "conformance.json").exists():
        reason = re.sub(r"^(ERROR|_pytest\.outcomes\.Exit): ", "", lines[-1] if lines else "(aucune sortie)")
        raise BenchError(f"espro run n'a pas pu jouer la suite (code {status}) : {reason}")
    return elapsed, json.loads((report / "conformance.json").read_text(encoding="utf-8"))


def step_times(report: dict) -> tuple[dict[str, float], list[tuple[str, int, float]]]:
    """Seconds spent per kind of step, and (text, times, total seconds) per step text, costliest first."""
    by_kind: dict[str, float] = defaultdict(float)
    by_text: dict[str, list] = defaultdict(lambda: [0, 0.0])
    for scenario in report["scenarios"]:
        for step in scenario.get("steps", []):
            by_kind[step["kind"]] += step["duration_s"]
            by_text[step["text"]][0] += 1
            by_text[step["text"]][1] += step["duration_s"]
    ranked = sorted(((text, count, total) for text, (count, total) in by_text.items()), key=lambda row: -row[2])
    return dict(by_kind), ranked


def measure(profile, workers: int) -> None:
    """Run the whole suite once (it serves the reference itself) and print its figures."""
    ensure_free(profile.target_url)
    elapsed, report = run(profile.source, ROOT / "reports/benchmark/suite", "-n", str(workers))
    by_kind, ranked = step_times(report)
    total = sum(by_kind.values())
    print(f"Suite complète (-n {workers}, {len(report['scenarios'])} scénarios) : {elapsed:.1f} s, "
          f"verdict {report['verdict']}")
    print(f"Temps des étapes, additionné sur les scénarios : {total:.1f} s")
    for kind, keyword in KINDS.items():
        seconds = by_kind.get(kind, 0.0)
        print(f"  {keyword:<6} {100 * seconds / total if total else 0:5.1f} %  {seconds:8.1f} s")
    print("Les dix étapes les plus coûteuses (texte, fois, total) :")
    for text, count, seconds in ranked[:10]:
        print(f"  {count:4d} × {seconds:7.1f} s  {text}")
