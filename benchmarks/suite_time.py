"""Wall time of the whole conformance suite against the bundled reference implementation.

Usage: .venv/bin/python benchmarks/suite_time.py [runs] [extra pytest options, e.g. -n 2]
Prints one line per run and the median; the target is under 45 s on 2 cores.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 3
    command = [sys.executable, "-m", "espro", "run", "--profile", str(ROOT / "fixtures/profiles/reference.yaml"),
               "--serve-reference", "--report", str(ROOT / "reports/benchmark"), "-q", *argv[1:]]
    env = {**os.environ, "CONFORMANCE_TOKEN": os.environ.get("CONFORMANCE_TOKEN", "espro-benchmark-token")}
    timings = []
    for run in range(1, runs + 1):
        started = time.perf_counter()
        status = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL).returncode
        timings.append(time.perf_counter() - started)
        print(f"run {run}: {timings[-1]:.2f} s (exit {status})")
    print(f"median: {statistics.median(timings):.2f} s over {runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
