"""Where a long run is, in the guide's words: a line each time all the scenarios of a feature are
played, with the feature's name, its count, its failures and the whole run's so far.

Under xdist the controlling process collects nothing: it knows the run's tests by their ids only.
A test's feature is found as pytest-bdd names the tests of `scenarios()`: features in its order,
each scenario's name made a Python name, a suffix for a name already taken.
"""

from pytest_bdd.feature import get_features
from pytest_bdd.scenario import get_python_name_generator

from espro import FEATURES_DIR


def features_by_test() -> dict[str, str]:
    """The test function's name `scenarios(FEATURES_DIR)` gives each scenario, and its feature's name."""
    found: dict[str, str] = {}
    for feature in get_features([str(FEATURES_DIR)]):
        for scenario_name in feature.scenarios:
            name = next(name for name in get_python_name_generator(scenario_name) if name not in found)
            found[name] = feature.name
    return found


def _function(nodeid: str) -> str:
    return nodeid.split("::")[-1].split("[")[0]


class Progress:
    """Counts played scenarios per feature; `played` gives the line to show when a feature is done."""

    def __init__(self):
        self.feature_of = features_by_test()
        self.total: dict[str, int] = {}
        self.done: dict[str, int] = {}
        self.failed: dict[str, int] = {}

    def expect(self, nodeids) -> None:
        """The run's scenarios among its tests, once (every xdist worker collects the same)."""
        if self.total:
            return
        for feature in filter(None, map(self._feature, nodeids)):
            self.total[feature] = self.total.get(feature, 0) + 1

    def _feature(self, nodeid: str) -> str | None:
        return self.feature_of.get(_function(nodeid)) if "::" in nodeid else None

    def played(self, nodeid: str, failed: bool) -> str | None:
        feature = self._feature(nodeid)
        if feature is None:  # a scenario of another feature file than the specification's
            return None
        self.done[feature] = self.done.get(feature, 0) + 1
        self.failed[feature] = self.failed.get(feature, 0) + failed
        if self.done[feature] != self.total.get(feature):
            return None
        done, total, failures = sum(self.done.values()), sum(self.total.values()), sum(self.failed.values())
        return (f"[{done:>{len(str(total))}}/{total}] {feature} : {self.done[feature]}/{self.total[feature]}, "
                f"{_failures(self.failed[feature])} ; en tout {_failures(failures)} jusqu'ici")


def _failures(count: int) -> str:
    return f"{count} échec" + ("s" if count > 1 else "")
