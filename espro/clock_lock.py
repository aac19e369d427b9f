"""Scenarios that move the target's clock run alone (contract §3: the clock moves for everyone).

Under pytest-xdist, every scenario holds a shared lock on a file while it runs, and one that
needs the clock hook holds it alone: no scenario of another worker then sees its pending
activation code expire. A turnstile keeps the clock scenario from waiting forever behind a
stream of others. Without xdist nothing ever waits.
"""

import fcntl
from contextlib import contextmanager
from pathlib import Path


class ClockLock:
    def __init__(self, folder: Path):
        self._main = Path(folder) / "horloge.lock"
        self._turnstile = Path(folder) / "tourniquet.lock"

    @contextmanager
    def held(self, alone: bool):
        """Hold the lock while the body runs: alone for a clock scenario, shared otherwise."""
        with open(self._turnstile, "a") as turnstile, open(self._main, "a") as main:
            fcntl.flock(turnstile, fcntl.LOCK_EX)
            try:
                fcntl.flock(main, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
            finally:
                fcntl.flock(turnstile, fcntl.LOCK_UN)
            try:
                yield
            finally:
                fcntl.flock(main, fcntl.LOCK_UN)
