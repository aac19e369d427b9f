"""The run's progress names each feature as the features do, counts its scenarios as pytest
collects them, and tells failures so far."""

import subprocess
import sys

from espro import PROJECT_ROOT, gherkin_view
from espro.progress import Progress, features_by_test


def test_every_collected_scenario_is_found_in_its_feature():
    collected = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                                "steps/test_conformance.py"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                               check=True).stdout
    progress = Progress()
    progress.expect(line for line in collected.splitlines() if "::" in line)
    expected = {feature.name: sum(1 for scenario in feature.scenarios for _ in gherkin_view.instances(scenario))
                for feature in gherkin_view.features()}
    assert progress.total == expected


def test_a_line_when_a_feature_is_done_with_its_failures_and_the_runs():
    tests = features_by_test()
    first = next(iter(tests))
    other = next(name for name, feature in tests.items() if feature != tests[first])
    progress = Progress()
    ids = [f"steps/test_conformance.py::{first}[a]", f"steps/test_conformance.py::{first}[b]",
           f"steps/test_conformance.py::{other}", "tests/test_x.py::test_y"]
    progress.expect(ids)
    progress.expect(ids[:1])  # another xdist worker's collection: counted once
    assert progress.played(ids[0], failed=True) is None
    assert progress.played(ids[1], failed=False) == f"[2/3] {tests[first]} : 2/2, 1 échec ; en tout 1 échec jusqu'ici"
    assert progress.played(ids[3], failed=True) is None  # not a scenario of the specification
    assert progress.played(ids[2], failed=True) == f"[3/3] {tests[other]} : 1/1, 1 échec ; en tout 2 échecs jusqu'ici"
