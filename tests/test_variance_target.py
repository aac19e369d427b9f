"""The variance target (tests/variance_target) takes, wherever the guide or the contract leaves a
choice, another choice than the reference implementation: the whole suite must still find it
conformant, report as warnings exactly the recommendations it departs from, and nothing else."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from espro import PROJECT_ROOT
from reference_impl import create_app as create_reference_app
from tests.support import free_port, serve_module
from tests.variance_target.app import HOOKS_PREFIX, create_app as create_variance_app

VARIANCE_TARGET = Path(__file__).parent / "variance_target"
PROFILE = VARIANCE_TARGET / "profile.yaml"
VARIANCES = yaml.safe_load((VARIANCE_TARGET / "variances.yaml").read_text(encoding="utf-8"))
RULES = {rule["id"]: rule for rule in
         yaml.safe_load((PROJECT_ROOT / "features" / "regles.yaml").read_text(encoding="utf-8"))["regles"]}
TOKEN = "variance-target-token"
ELEMENT_ID = re.compile(r'\bid="([^"]+)"')


def run_suite(profile: Path, report: Path, env: dict, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "espro"), "run", "--profile", str(profile), "--report", str(report),
         "-q", "-p", "no:cacheprovider", *options],
        cwd=report.parent, capture_output=True, text=True, timeout=3600, env={**os.environ, **env})


# --- the variance list itself -----------------------------------------------------------------

def test_every_variance_names_a_rule_of_the_catalogue():
    assert VARIANCES and all(set(entry) == {"rule", "variance", "warning"} for entry in VARIANCES)
    unknown = {entry["rule"] for entry in VARIANCES} - set(RULES)
    assert not unknown, f"règles inconnues : {unknown}"


def test_every_recommendation_and_contradiction_has_a_variance():
    """At least one variance for each rule the catalogue leaves to the target's choice."""
    covered = {entry["rule"] for entry in VARIANCES}
    open_rules = {ident for ident, rule in RULES.items() if rule.get("verification") != "hors-champ"
                  and (rule.get("force") == "recommandation" or rule["origine"] == "contradiction")}
    assert not open_rules - covered, f"sans variance : {sorted(open_rules - covered)}"


def test_only_recommendations_may_end_as_warnings():
    wrong = {entry["rule"] for entry in VARIANCES
             if entry["warning"] and RULES[entry["rule"]].get("force", "recommandation") != "recommandation"}
    assert not wrong, f"écarts annoncés sur des exigences : {wrong}"


# --- its pages are its own ----------------------------------------------------------------------

def _pages(app, paths) -> str:
    client = app.test_client()
    return "".join(client.get(path).get_data(as_text=True) for path in paths)


def test_no_element_id_nor_path_of_the_reference(tmp_path):
    settings = {"ESPRO_TEST_MODE": "1", "CONFORMANCE_TOKEN": TOKEN, "WTF_CSRF_ENABLED": False}
    reference = create_reference_app({**settings, "DATABASE_URL": f"sqlite:///{tmp_path / 'reference.sqlite'}"})
    variance = create_variance_app({**settings, "DATABASE_URL": f"sqlite:///{tmp_path / 'variance.sqlite'}"})
    reference_html = _pages(reference, ["/", "/creation", "/creation/conditions-generales", "/activation"])
    variance_html = _pages(variance, ["/connexion-pro", "/inscription/choix-du-mode",
                                                     "/nouvel-espace/conditions", "/activer"])
    assert "Créez votre espace en mode expert" in variance_html
    shared = set(ELEMENT_ID.findall(reference_html)) & set(ELEMENT_ID.findall(variance_html))
    assert not shared, f"identifiants de la référence : {shared}"
    reference_paths = {rule.rule for rule in reference.url_map.iter_rules()} - {"/static/<path:filename>"}
    assert not reference_paths & {rule.rule for rule in variance.url_map.iter_rules()} - {"/"}


def test_the_hooks_answer_under_their_own_path_only_with_the_token(tmp_path):
    variance = create_variance_app({"ESPRO_TEST_MODE": "1", "CONFORMANCE_TOKEN": TOKEN,
                                    "DATABASE_URL": f"sqlite:///{tmp_path / 'v.sqlite'}"})
    client = variance.test_client()
    assert client.post(f"{HOOKS_PREFIX}/clock", json={"advance_seconds": 0}).status_code == 401
    assert client.post(f"{HOOKS_PREFIX}/clock", json={"advance_seconds": 0},
                       headers={"X-Conformance-Token": TOKEN}).status_code == 200
    assert client.post("/__conformance__/clock", json={"advance_seconds": 0},
                       headers={"X-Conformance-Token": TOKEN}).status_code == 404
    closed = create_variance_app({"CONFORMANCE_TOKEN": TOKEN, "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite'}"})
    assert closed.test_client().get(f"{HOOKS_PREFIX}/captcha",
                                    headers={"X-Conformance-Token": TOKEN}).status_code == 404


# --- the whole suite ------------------------------------------------------------------------

def test_the_whole_suite_accepts_the_variance_target(tmp_path):
    """Conformant, nothing failed, and the warnings are exactly the recommendations it departs from."""
    web_port, mail_port = free_port(), free_port()
    with open(tmp_path / "variance-target.log", "w") as log:
        server = serve_module("tests.variance_target", web_port, mail_port, log, TOKEN, "/connexion-pro")
        try:
            result = run_suite(PROFILE, tmp_path / "report",
                               {"CONFORMANCE_TOKEN": TOKEN, "VARIANCE_TARGET_PORT": str(web_port),
                                "VARIANCE_TARGET_MAIL_PORT": str(mail_port)}, "-n", "2")
        finally:
            server.terminate()
            server.wait(timeout=10)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    report = json.loads((tmp_path / "report" / "conformance.json").read_text(encoding="utf-8"))
    assert report["verdict"] == "conformant"
    failed = [scenario["name"] for scenario in report["scenarios"] if scenario["verdict"] == "failed"]
    assert not failed, failed
    warned = {rule["id"] for rule in report["rules"] if rule["verdict"] == "warning"}
    expected = {entry["rule"] for entry in VARIANCES if entry["warning"]}
    assert warned == expected, f"en trop : {sorted(warned - expected)} ; manquants : {sorted(expected - warned)}"


def test_the_readme_lists_every_variance():
    readme = (VARIANCE_TARGET / "README.md").read_text(encoding="utf-8")
    missing = sorted({entry["rule"] for entry in VARIANCES if f"| {entry['rule']} |" not in readme})
    assert not missing, f"README.md ne cite pas : {missing}"
