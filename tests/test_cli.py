"""`espro run` stops with exit 2 and one line when the run cannot be made (contract §6)."""

import json
import os
import socket
import subprocess
import sys

import pytest

from tests.support import free_port

PROFILE = """\
target_url: http://127.0.0.1:{port}/
hooks: {{url: "http://127.0.0.1:{port}/__conformance__", token: "${{CONFORMANCE_TOKEN}}"}}
captcha: {{mode: hook}}
mail: {{kind: smtp, host: 127.0.0.1, port: 2598}}
"""


def espro_run(tmp_path, profile_text, environ=None):
    profile = tmp_path / "profile.yaml"
    profile.write_text(profile_text, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "CONFORMANCE_TOKEN"}
    env.update(environ or {})
    result = subprocess.run([sys.executable, "-m", "espro", "run", "--profile", str(profile),
                             "--report", str(tmp_path / "report")],
                            capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    return result.returncode, lines


CANNOT_BE_MADE = pytest.mark.parametrize("profile_text, environ, expected", [
    (PROFILE.format(port=9), {"CONFORMANCE_TOKEN": "t"}, "cible injoignable : http://127.0.0.1:9/"),
    (PROFILE.format(port=9).replace("target_url", "tagret_url"), {"CONFORMANCE_TOKEN": "t"}, "clé inconnue 'tagret_url'"),
    (PROFILE.format(port=9), {}, "variable d'environnement CONFORMANCE_TOKEN n'est pas définie"),
    (PROFILE.format(port=9) + "expectations: ecarts.yaml\n", {"CONFORMANCE_TOKEN": "t"}, "attentes introuvables"),
], ids=["unreachable", "typo", "missing-variable", "missing-expectations"])


@CANNOT_BE_MADE
def test_run_that_cannot_be_made_is_exit_2_and_one_line(tmp_path, profile_text, environ, expected):
    status, lines = espro_run(tmp_path, profile_text, environ)
    assert status == 2
    assert len(lines) == 1, lines
    assert expected in lines[0]
    assert not (tmp_path / "report" / "conformance.json").exists()


def test_serve_without_token_in_test_mode_is_one_line():
    env = {key: value for key, value in os.environ.items() if key != "CONFORMANCE_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "espro", "serve", "--test-mode", "--port", "9"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "espro serve : --test-mode demande la variable CONFORMANCE_TOKEN (le jeton des crochets)"]


def test_serve_on_a_taken_port_is_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "espro", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"espro serve : impossible d'écouter sur 127.0.0.1:{port} (Address already in use)"]


def test_run_of_one_scenario_from_another_folder(tmp_path):
    """What the report's `rerun` line does: one scenario, by its id, from any folder."""
    web, mail = free_port(), free_port()
    profile_text = PROFILE.format(port=web).replace("port: 2598", f"port: {mail}")
    node = "steps/test_conformance.py::test_létape_invite_à_accepter_les_conditions_générales"
    profile = tmp_path / "profile.yaml"
    profile.write_text(profile_text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "espro", "run", "--profile", str(profile), "--serve-reference",
                             "--report", str(tmp_path / "report"), "--scenario", node, "-W", "error"],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path,
                            env={**os.environ, "CONFORMANCE_TOKEN": "one-scenario-token"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    report = json.loads((tmp_path / "report" / "conformance.json").read_text(encoding="utf-8"))
    assert [s["nodeid"] for s in report["scenarios"]] == [node]
    assert report["verdict"] == "conformant"


@pytest.fixture(scope="module")
def live_target(tmp_path_factory):
    """The reference implementation, served on free ports for the doctor and run checks below."""
    from espro import profile as profiles
    from espro.reference_server import ReferenceServer

    folder = tmp_path_factory.mktemp("live")
    web, mail = free_port(), free_port()
    path = folder / "served.yaml"
    path.write_text(PROFILE.format(port=web).replace("port: 2598", f"port: {mail}"), encoding="utf-8")
    server = ReferenceServer(profiles.load(path, {"CONFORMANCE_TOKEN": "live-token"}))
    server.start()
    yield PROFILE.format(port=web).replace("port: 2598", f"port: {mail}")
    server.stop()


def espro_doctor(tmp_path, profile_text, environ=None):
    profile = tmp_path / "profile.yaml"
    profile.write_text(profile_text, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "CONFORMANCE_TOKEN"}
    env.update(environ or {})
    result = subprocess.run([sys.executable, "-m", "espro", "doctor", "--profile", str(profile)],
                            capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    return result.returncode, result.stdout.splitlines(), result.stderr.strip().splitlines()


def test_doctor_on_a_ready_target_prints_every_check_ok(tmp_path, live_target):
    status, table, errors = espro_doctor(tmp_path, live_target, {"CONFORMANCE_TOKEN": "live-token"})
    assert (status, errors) == (0, [])
    names = [line.split()[1] for line in table[:-1]]
    assert names == ["Profil", "Cible", "Crochet", "Crochet", "Crochet", "Courrier", "Préparation", "Règles"], table
    assert all(line.startswith("OK ") for line in table[:-1]), table
    assert "page de connexion reconnue" in table[1]
    assert "refuse sans (401)" in table[2]
    assert table[6].endswith("http (profil) : l'étape « Identifiants » est atteinte par HTTP")
    assert table[-1] == "espro doctor : la cible est prête pour espro run"


def test_doctor_says_when_http_would_prepare_a_browser_profile_faster(tmp_path, live_target):
    status, table, _ = espro_doctor(tmp_path, live_target + "\npreparation: navigateur\n",
                                    {"CONFORMANCE_TOKEN": "live-token"})
    assert status == 0, table
    line = next(line for line in table if "Préparation" in line)
    assert line.startswith("-- ") and "« preparation: http » irait plus vite" in line, table


def test_doctor_names_the_rules_a_profile_without_hooks_cannot_verify(tmp_path, live_target):
    without_hooks = "\n".join(line for line in live_target.splitlines() if not line.startswith("hooks"))
    status, table, _ = espro_doctor(tmp_path, without_hooks.replace("{mode: hook}", "{mode: fixed, answer: AB12CD}"))
    assert status == 0, table
    unverifiable = [line for line in table if "Règles non vérifiables" in line]
    assert len(unverifiable) == 3, table
    clock = next(line for line in unverifiable if "crochet clock" in line)
    assert "DELAI-01" in clock and "CG-05" not in clock
    reading = next(line for line in unverifiable if "quels caractères" in line)
    assert "CG-05" in reading and "ETAPE-09" in reading


@pytest.mark.parametrize("change, expected", [
    (lambda text: text, "jeton refusé (401)"),
    (lambda text: text.replace("__conformance__", "nulle-part"), "répond 404"),
    (lambda text: text.split("mail:")[0] + "mail: {kind: mailpit, url: 'http://127.0.0.1:9'}\n", "injoignable"),
], ids=["wrong-token", "hooks-absent", "mail-server-down"])
def test_doctor_and_run_stop_with_one_line(tmp_path, live_target, change, expected):
    profile_text = change(live_target)
    environ = {"CONFORMANCE_TOKEN": "wrong-token" if expected.startswith("jeton") else "live-token"}
    status, table, errors = espro_doctor(tmp_path, profile_text, environ)
    assert status == 2 and errors == []
    failed = [line for line in table if line.startswith("KO ")]
    assert failed and all(expected in line for line in failed), table
    status, lines = espro_run(tmp_path, profile_text, environ)
    assert status == 2
    assert len(lines) == 1 and expected in lines[0], lines


@CANNOT_BE_MADE
def test_doctor_that_cannot_check_is_exit_2(tmp_path, profile_text, environ, expected):
    status, table, errors = espro_doctor(tmp_path, profile_text, environ)
    assert status == 2
    assert expected in "\n".join(table + errors)
    assert len(errors) <= 1


@pytest.mark.parametrize("scenarios, pytest_args, expected", [
    ([], [], ["-n", "auto"]),
    ([], ["-k", "connexion"], ["-n", "auto"]),
    ([], ["-n", "4"], []),
    ([], ["-n0"], []),
    ([], ["--numprocesses=3"], []),
    ([], ["-p", "no:xdist"], []),
    (["steps/test_conformance.py::test_x"], [], []),
], ids=["whole-suite", "selection", "n-given", "n-attached", "long-option", "xdist-off", "one-scenario"])
def test_run_uses_one_process_per_core_unless_told(scenarios, pytest_args, expected):
    from argparse import Namespace

    from espro.cli import workers
    assert workers(Namespace(scenarios=scenarios), pytest_args) == expected
