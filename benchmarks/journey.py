"""The journey scenario through the suite beside the same journey as a plain Playwright script.

Both run in turns against one reference implementation started here, so that the ratio tells what
the suite's layers (pytest-bdd, the steps' checks, the report) cost above the browser work itself.
"""

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from espro.reference_server import ReferenceServer

from benchmarks.suite import ROOT, BenchError, ensure_free, run

SCRIPT = Path(__file__).resolve().parent / "journey_script.py"
JOURNEY_MARK = "parcours"  # the tag of features/parcours_complet.feature's one scenario
SCRIPT_TIME = re.compile(r"^parcours : ([\d.]+) s$", re.MULTILINE)


def _check(profile) -> None:
    """The script reads the CAPTCHA through the hook and the mail through its own SMTP sink."""
    if profile.mail["kind"] != "smtp" or profile.captcha["mode"] != "hook" or not profile.has_hook("captcha"):
        raise BenchError(f"le parcours se mesure avec un profil à courrier smtp et CAPTCHA par crochet : "
                         f"{profile.source} n'en est pas un")


def _suite_once(profile, report: Path) -> tuple[float, float]:
    """The journey alone through `espro run`: the command's wall time and the scenario's own time."""
    elapsed, result = run(profile.source, report, "-m", JOURNEY_MARK, "-n", "0", serve=False)  # one scenario: no workers
    scenarios = [scenario for scenario in result["scenarios"] if JOURNEY_MARK in scenario["tags"]]
    if len(scenarios) != 1 or scenarios[0]["verdict"] != "passed":
        why = scenarios[0].get("reason", scenarios[0]["verdict"]) if scenarios else "aucun scénario joué"
        raise BenchError(f"le scénario du parcours n'a pas réussi dans la suite : {why} (voir {report})")
    return elapsed, scenarios[0]["duration_s"]


def _script_once(profile) -> tuple[float, float]:
    """benchmarks/journey_script.py against the same target: its wall time and the journey's own time."""
    command = [sys.executable, str(SCRIPT), "--url", profile.target_url, "--hooks-url", profile.hooks_url,
               "--mail-host", profile.mail["host"], "--mail-port", str(profile.mail["port"])]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    found = SCRIPT_TIME.search(done.stdout)
    if done.returncode != 0 or found is None:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise BenchError(f"le script du parcours a échoué : {lines[-1] if lines else f'code {done.returncode}'}")
    return elapsed, float(found.group(1))


def measure(profile, runs: int) -> None:
    """Run the suite's journey and the script `runs` times each, in turns, and print medians and ratios."""
    _check(profile)
    ensure_free(profile.target_url)
    server = ReferenceServer(profile)
    server.start()
    suite_times, script_times = [], []
    print(f"Parcours complet, seul, {runs} fois dans la suite et {runs} fois en script, contre le même serveur :")
    try:
        for number in range(1, runs + 1):
            suite_times.append(_suite_once(profile, ROOT / f"reports/benchmark/journey-{number}"))
            script_times.append(_script_once(profile))
            print(f"  essai {number} : suite {suite_times[-1][1]:.2f} s (commande {suite_times[-1][0]:.1f} s), "
                  f"script {script_times[-1][1]:.2f} s (commande {script_times[-1][0]:.1f} s)")
    finally:
        server.stop()
    print(f"  {'médianes':<22}{'suite':>9}{'script':>9}{'suite/script':>14}")
    for label, index in (("scénario seul", 1), ("commande entière", 0)):
        suite = statistics.median(times[index] for times in suite_times)
        script = statistics.median(times[index] for times in script_times)
        print(f"  {label:<22}{suite:>7.2f} s{script:>7.2f} s{suite / script:>14.2f}")
