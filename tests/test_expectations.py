"""Known deviations: an expected failure is shown without failing the gate; a stale list stops the run."""

from datetime import date

import pytest

from espro import expectations, report
from espro.errors import RunError
from tests.test_report import scenario

TODAY = date(2026, 11, 26)
REAL_SCENARIO = "L'image compte six caractères"


def write(tmp_path, text):
    path = tmp_path / "ecarts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_entries_by_rule_and_by_scenario_are_read(tmp_path):
    path = write(tmp_path, f"""deviations:
  - {{rule: IDENT-05, reason: "Ticket ESP-412", expires: 2027-03-31}}
  - {{scenario: "{REAL_SCENARIO}", reason: "image de 5 caractères", expires: 2026-11-26}}
""")
    first, second = expectations.load(path, TODAY)
    assert (first.rule, first.expires) == ("IDENT-05", date(2027, 3, 31))
    assert second.scenario == REAL_SCENARIO
    assert first.covers(scenario("x", "failed", ["IDENT-05", "IDENT-06"]))
    assert not first.covers(scenario("x", "failed", ["IDENT-06"]))
    assert second.covers(scenario(REAL_SCENARIO, "failed", ["CG-05"]))


def test_an_outline_row_is_known_by_the_name_it_runs_under():
    names = expectations.scenario_names()
    assert "Un mot de passe de 19 caractères, lettres et chiffres, est refusé" in names
    assert "Un mot de passe de <longueur> caractères, lettres et chiffres, est refusé" in names


@pytest.mark.parametrize("entry, message", [
    ("{rule: IDENT-99, reason: r, expires: 2027-01-01}", "la règle IDENT-99 n'existe pas dans le catalogue"),
    ("{scenario: Un scénario rêvé, reason: r, expires: 2027-01-01}", "aucun scénario ne s'appelle « Un scénario rêvé »"),
    ("{rule: IDENT-05, reason: r, expires: 2026-11-25}", "sur la règle IDENT-05 expirée le 2026-11-25"),
    ("{rule: IDENT-05, reason: r, expires: demain}", "attentes invalides"),
    ("{rule: IDENT-05, expires: 2027-01-01}", "'reason' is a required property"),
    ("{rule: IDENT-05, scenario: x, reason: r, expires: 2027-01-01}", "attentes invalides"),
], ids=["unknown-rule", "unknown-scenario", "expired", "bad-date", "no-reason", "rule-and-scenario"])
def test_a_stale_or_wrong_entry_stops_the_run_with_one_line(tmp_path, entry, message):
    path = write(tmp_path, f"deviations:\n  - {{rule: CG-05, reason: ok, expires: 2027-01-01}}\n  - {entry}\n")
    with pytest.raises(RunError, match="^[^\n]+$") as raised:
        expectations.load(path, TODAY)
    assert message in str(raised.value)


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(RunError, match="attentes introuvables"):
        expectations.load(tmp_path / "absent.yaml", TODAY)


def test_outcomes_tell_expected_failures_unexpected_passes_and_entries_not_run(tmp_path):
    path = write(tmp_path, """deviations:
  - {rule: IDENT-05, reason: a, expires: 2027-01-01}
  - {rule: CG-05, reason: b, expires: 2027-01-01}
  - {rule: DELAI-01, reason: c, expires: 2027-01-01}
""")
    known = expectations.load(path, TODAY)
    scenarios = [scenario("a", "failed", ["IDENT-05"], "trop long"), scenario("b", "passed", ["IDENT-05"]),
                 scenario("c", "passed", ["CG-05"])]
    found = {outcome["rule"]: outcome["outcome"] for outcome in expectations.outcomes(known, scenarios)}
    assert found == {"IDENT-05": expectations.EXPECTED_FAILURE, "CG-05": expectations.UNEXPECTED_PASS,
                     "DELAI-01": expectations.NOT_RUN}


def test_the_gate_fails_only_on_an_unannounced_failure():
    expected = {**scenario("a", "failed", ["IDENT-05"], "trop long"), "expected": {"rule": "IDENT-05"}}
    built = report.build([expected, scenario("b", "passed", ["CG-05"])], {})
    assert (built["verdict"], built["gate"]) == ("non-conformant", "passed")
    assert built["rules"][1]["expected"] is True
    built = report.build([expected, scenario("c", "failed", ["CG-05"], "x")], {})
    assert built["gate"] == "failed"
