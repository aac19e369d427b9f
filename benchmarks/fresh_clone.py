"""`make test` on a fresh clone: what CI and a newcomer wait for, set-up included (venv, pip, npm).

Off by default: it takes some fifty minutes. It clones the committed state (HEAD), not the work tree.
"""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.suite import ROOT, BenchError


def measure() -> None:
    """Clone this repository into a temporary folder, time `make test` there, print it and remove the clone."""
    log_path = ROOT / "reports/benchmark/fresh-clone.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    where = Path(tempfile.mkdtemp(prefix="espro-clone-"))
    try:
        with open(log_path, "wb") as log:
            cloned = subprocess.run(["git", "clone", "--quiet", str(ROOT), str(where / "espro")], stdout=log,
                                    stderr=subprocess.STDOUT)
            if cloned.returncode != 0:
                raise BenchError(f"git clone a échoué (voir {log_path})")
            started = time.perf_counter()
            status = subprocess.run(["make", "test"], cwd=where / "espro", stdout=log, stderr=subprocess.STDOUT).returncode
            elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(where, ignore_errors=True)
    print(f"make test sur un clone neuf : {elapsed / 60:.1f} min ({elapsed:.0f} s), code {status} (journal : {log_path})")
