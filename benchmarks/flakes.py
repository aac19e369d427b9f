"""Flakes: the whole suite run several times against the reference, its verdicts compared.

A scenario whose verdict differs between runs is a flake, of the suite or of the reference; one
that passed only on its replay (`instable`, the report's field) is counted too: both must be 0.
"""

from collections import Counter, defaultdict

from benchmarks.suite import ROOT, ensure_free, run


def measure(profile, runs: int, workers: int) -> None:
    ensure_free(profile.target_url)
    verdicts: dict[str, list[str]] = defaultdict(list)
    replayed: Counter = Counter()
    for attempt in range(1, runs + 1):
        elapsed, report = run(profile.source, ROOT / f"reports/benchmark/flakes/{attempt}", "-n", str(workers))
        for scenario in report["scenarios"]:
            verdicts[scenario["nodeid"]].append(scenario["verdict"])
            replayed[scenario["nodeid"]] += bool(scenario.get("instable"))
        print(f"  course {attempt}/{runs} : {elapsed:.0f} s, verdict {report['verdict']}, "
              f"{sum(v[-1] == 'passed' for v in verdicts.values())} scénarios réussis sur {len(report['scenarios'])}")
    differing = {nodeid: seen for nodeid, seen in verdicts.items() if len(set(seen)) > 1}
    print(f"Instables sur {runs} courses : {len(differing)} scénario(s) au verdict changeant, "
          f"{sum(1 for count in replayed.values() if count)} réussi(s) seulement au rejeu")
    for nodeid, seen in sorted(differing.items()):
        print(f"  {nodeid} : {', '.join(f'{verdict} ×{count}' for verdict, count in Counter(seen).items())}")
