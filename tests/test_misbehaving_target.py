"""A target that misbehaves on « Valider » (tests/misbehaving_target.py): it answers 500, hangs,
closes the connection without a word, or never sends the activation e-mail. Each time, the
scenarios that go through it fail with one French line that names the problem, within the
profile's timeouts; the run goes on, reports the others, and ends non conformant (exit 1), never
as a run that could not be made (exit 2)."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.misbehaving_target import MisbehavingTarget

TOKEN = "misbehaving-target-token"
TIMEOUTS = {"page": 5, "mail": 5, "hooks": 5}
MARGIN_S = 180  # the run's own work: start-up, browser, preparations, reports, on a loaded machine
UNRELATED = {"indique_le_nombre_minimal": "Le champ du mot de passe indique le nombre minimal de caractères"}
# -k expression → scenario. Those that press « Valider »: in the action before a check of an
# exigence (RECAP-06) or of a recommendation (RECAP-05, which would only warn on a wrong page),
# and while preparing (ENREG-02, which would otherwise end « préparation impossible »).
PRESS_VALIDER = {
    "enregistre_la_demande": "« Valider » enregistre la demande, envoie le code d'activation et ouvre l'étape Enregistrement",
    "propose__etape": "Le récapitulatif propose « Etape précédente » et « Valider », qui confirme sans autre écran",
    "courriers_ind": "La page conseille de vérifier l'adresse et la rubrique des courriers indésirables",
}
# Those that wait for the activation e-mail in a check.
READ_MAIL = {
    "enregistre_la_demande": PRESS_VALIDER["enregistre_la_demande"],
    "saisie_caract and ordinaire": "Le code est annoncé et envoyé à l'adresse ordinaire saisie, caractère pour caractère",
}
VALIDER = r"POST http://127\.0\.0\.1:{port}/creation/recapitulatif"
# mode → (the scenarios it fails, the timeout each of their attempts may wait out, their reason)
CASES = {
    "500": (PRESS_VALIDER, "page", rf"la cible a répondu 500 \(erreur du serveur\) à {VALIDER}"),
    "hang": (PRESS_VALIDER, "page", rf"la cible n'a pas répondu à {VALIDER} en 5 s \(timeouts\.page du profil\)"),
    "close": (PRESS_VALIDER, "page", rf"la cible n'a pas répondu à {VALIDER} : connexion fermée sans réponse \(.+\)"),
    "no-mail": (READ_MAIL, "mail", r"aucun courriel n°1 reçu pour \S+@\S+ en 5 s \(0 reçu\(s\)\)"),
}


def run(mode: str, folder: Path) -> tuple[subprocess.CompletedProcess, float, dict, int]:
    """`espro run` against the target misbehaving in `mode`, on its scenarios and the unrelated one:
    the result, its wall time, conformance.json and the target's port."""
    failing = CASES[mode][0]
    selection = " or ".join(f"({expression})" for expression in [*failing, *UNRELATED])
    with MisbehavingTarget(mode, folder, TOKEN) as target:
        profile = target.profile(folder / "profile.yaml", TIMEOUTS)
        started = time.monotonic()
        result = subprocess.run(
            [str(Path(sys.executable).parent / "espro"), "run", "--profile", str(profile), "--report",
             str(folder / "report"), "-q", "-p", "no:cacheprovider", "-n", "0", "-k", selection],
            cwd=folder, capture_output=True, text=True, timeout=600, env={**os.environ, "CONFORMANCE_TOKEN": TOKEN})
        took = time.monotonic() - started
    report_file = folder / "report" / "conformance.json"
    assert report_file.exists(), result.stdout[-3000:] + result.stderr[-2000:]
    return result, took, json.loads(report_file.read_text(encoding="utf-8")), target.port


@pytest.mark.parametrize("mode", list(CASES))
def test_the_scenarios_through_the_fault_fail_in_one_french_line_and_the_run_goes_on(mode, tmp_path):
    failing, timeout, reason = CASES[mode]
    result, took, report, port = run(mode, tmp_path)
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-2000:]
    assert report["verdict"] == "non-conformant"
    scenarios = {scenario["name"]: scenario for scenario in report["scenarios"]}
    assert set(scenarios) == set(failing.values()) | set(UNRELATED.values())
    assert all(scenarios[name]["verdict"] == "passed" for name in UNRELATED.values())
    expected = re.compile(reason.format(port=port))
    for name in failing.values():
        scenario = scenarios[name]
        assert scenario["verdict"] == "failed", (name, scenario.get("reason"))
        assert expected.fullmatch(scenario["reason"]), (name, scenario["reason"])
        # Every rule its failure reached fails (a recommendation included), none is left « non vérifié ».
        assert {v["verdict"] for v in scenario["rule_verdicts"].values()} <= {"passed", "failed"}, scenario["rule_verdicts"]
        assert "failed" in {v["verdict"] for v in scenario["rule_verdicts"].values()}
        reasons = [scenario["reason"], *(v.get("reason", "") for v in scenario["rule_verdicts"].values()),
                   *(step.get("message", "") for step in scenario["steps"])]
        assert not any("Traceback (most recent call last)" in text or "\n" in text for text in reasons), reasons
        if mode == "hang":  # it waited out the page timeout, not the target, which hangs for 120 s (bounds loose
            # enough for a loaded machine, tight enough to tell the two apart)
            assert TIMEOUTS["page"] <= scenario["duration_s"] < 60, scenario["duration_s"]
    # Each failing scenario is played twice (plugin.pytest_runtest_protocol), each time waiting out one timeout at most.
    assert took < 2 * len(failing) * TIMEOUTS[timeout] + MARGIN_S, f"{took:.0f} s"
