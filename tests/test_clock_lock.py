"""The clock lock: a clock scenario never overlaps another, and is not starved by a stream of them."""

import multiprocessing
import time

from espro.clock_lock import ClockLock


def hold(folder, name, alone, seconds, log):
    with ClockLock(folder).held(alone):
        log.put((time.monotonic(), "start", name))
        time.sleep(seconds)
        log.put((time.monotonic(), "end", name))


def test_shared_holders_overlap_and_the_clock_holder_runs_alone_before_later_ones(tmp_path):
    """Two scenarios run; a clock scenario arrives, then a fourth: the clock one waits for the first
    two, runs alone, and the fourth waits for it."""
    log, processes = multiprocessing.Queue(), []
    for delay, name, alone, seconds in [(0, "a", False, 0.8), (0.1, "b", False, 0.8),
                                        (0.2, "horloge", True, 0.4), (0.2, "d", False, 0.3)]:
        time.sleep(delay)
        process = multiprocessing.Process(target=hold, args=(tmp_path, name, alone, seconds, log))
        process.start()
        processes.append(process)
    for process in processes:
        process.join(timeout=30)
    moments = {}
    for _ in range(8):
        at, kind, name = log.get(timeout=5)
        moments[kind, name] = at
    assert moments["start", "b"] < moments["end", "a"], "les deux premiers scénarios auraient dû se chevaucher"
    assert moments["start", "horloge"] >= max(moments["end", "a"], moments["end", "b"])
    assert moments["start", "d"] >= moments["end", "horloge"], "le quatrième a doublé le scénario d'horloge"
