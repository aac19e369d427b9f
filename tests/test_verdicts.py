"""Scenario and rule verdicts come from the suite's own records: an undefined step or a step that
raises is a failure, never a pass; a missing hook is "not verified" with its reason; a failed
check fails only the rules it checks; a preparation the target prevents verifies nothing; a
failed recommendation is a warning, unless the run is strict. Checked on a small feature of its
own, against a stand-in target that only shows its login page."""

import http.server
import json
import textwrap
import threading

import pytest

from tests.support import free_port

pytest_plugins = ["pytester"]

FEATURE = """\
# language: fr
Fonctionnalité: Verdicts

  @CG-05
  Scénario: Une étape réussit
    Soit une étape qui réussit

  @CG-06
  Scénario: Une étape n'est pas définie
    Soit une étape qui réussit
    Et une étape que personne n'a écrite

  @CG-07
  Scénario: Une étape lève une erreur
    Soit une étape qui lève une erreur

  @DELAI-01
  Scénario: Une étape demande un crochet absent
    Soit une étape qui demande l'horloge

  @ETAPE-01 @ETAPE-02 @ETAPE-03
  Scénario: Une vérification échoue au milieu du parcours
    Soit une étape qui réussit
    # vérifie : ETAPE-01
    Alors une vérification réussit
    # vérifie : ETAPE-02
    Alors une vérification échoue
    # vérifie : ETAPE-03
    Alors une vérification réussit

  @DELAI-02
  Scénario: La cible empêche la préparation
    Soit une préparation que la cible empêche
    Alors une vérification réussit

  Plan du scénario: La ligne <n> porte les règles de son bloc d'exemples
    Soit une étape qui réussit

    @ETAPE-04
    Exemples:
      | n |
      | 1 |

  @CG-08
  Scénario: Une recommandation n'est pas suivie
    Soit une étape qui réussit
    Alors une vérification échoue
    Et une vérification réussit

  @CG-09
  Scénario: Une vérification échoue la première fois seulement
    Soit une étape qui réussit
    Alors une vérification qui échoue la première fois
"""

TEST_MODULE = """\
from pathlib import Path

from pytest_bdd import given, scenarios

from espro.errors import NotVerified
from steps.checks import then

scenarios("verdicts.feature")


@given("une étape qui réussit")
def succeeds():
    pass


@given("une étape qui lève une erreur")
def raises():
    raise ValueError("la page a disparu")


@given("une étape qui demande l'horloge")
def needs_clock():
    raise NotVerified("le profil ne déclare pas le crochet de test « clock »")


@given("une préparation que la cible empêche")
def prevented():
    raise AssertionError("l'étape « Identifiants » n'a pas pu être atteinte")


@then("une vérification réussit")
def check_passes():
    pass


@then("une vérification échoue")
def check_fails():
    assert False, "la page montre autre chose"


@then("une vérification qui échoue la première fois")
def check_fails_once():
    played = Path("deja-joue")
    if not played.exists():
        played.touch()
        assert False, "la cible a hoqueté"
"""


class LoginPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write("<h1>Connexion à votre espace professionnel</h1>".encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def login_page():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), LoginPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def run_verdicts(pytester, login_page, *options: str, strict: bool = False):
    """The small feature run against the stand-in, its report in `rapport/`."""
    pytester.makefile(".feature", verdicts=FEATURE)
    pytester.makepyfile(test_verdicts=TEST_MODULE)
    profile = pytester.makefile(".yaml", profile=textwrap.dedent(f"""\
        target_url: {login_page}
        captcha: {{mode: fixed, answer: AB12CD}}
        mail: {{kind: smtp, host: 127.0.0.1, port: {free_port()}}}
        strict: {str(strict).lower()}
        """))
    return pytester.runpytest_subprocess("--profile", str(profile), "--report", "rapport", "-p", "no:cacheprovider",
                                         *options)


def test_each_verdict_as_recorded(pytester, login_page):
    result = run_verdicts(pytester, login_page)
    assert result.ret == 1
    report = json.loads((pytester.path / "rapport" / "conformance.json").read_text(encoding="utf-8"))
    verdicts = {s["name"]: (s["verdict"], s.get("reason", "")) for s in report["scenarios"]}
    assert verdicts["Une étape réussit"] == ("passed", "")
    assert verdicts["Une étape n'est pas définie"][0] == "failed"
    assert "une étape que personne n'a écrite" in verdicts["Une étape n'est pas définie"][1]
    assert verdicts["Une étape lève une erreur"] == ("failed", "la page a disparu")
    assert verdicts["Une étape demande un crochet absent"] == (
        "not-verified", "le profil ne déclare pas le crochet de test « clock »")
    undefined = next(s for s in report["scenarios"] if s["name"] == "Une étape n'est pas définie")
    assert [step["status"] for step in undefined["steps"]] == ["passed", "undefined"]
    rules = {rule["id"]: rule["verdict"] for rule in report["rules"]}
    assert rules == {"CG-05": "passed", "CG-06": "failed", "CG-07": "failed", "CG-08": "warning", "CG-09": "failed", "DELAI-01": "not-verified",
                     "DELAI-02": "not-verified", "ETAPE-01": "passed", "ETAPE-02": "failed", "ETAPE-03": "not-verified",
                     "ETAPE-04": "passed"}
    row = next(s for s in report["scenarios"] if s["name"] == "La ligne 1 porte les règles de son bloc d'exemples")
    assert row["rules"] == ["ETAPE-04"]
    assert report["verdict"] == "non-conformant"
    assert report["warnings"] == ["CG-08"]
    middle = next(s for s in report["scenarios"] if s["name"] == "Une vérification échoue au milieu du parcours")
    assert middle["verdict"] == "failed" and middle["reason"] == "la page montre autre chose"
    assert middle["rule_verdicts"]["ETAPE-03"]["reason"].startswith("non joué")
    assert verdicts["La cible empêche la préparation"] == (
        "not-verified", "préparation impossible (« une préparation que la cible empêche ») : "
                        "l'étape « Identifiants » n'a pas pu être atteinte")
    warned = next(s for s in report["scenarios"] if s["name"] == "Une recommandation n'est pas suivie")
    assert warned["verdict"] == "warning"
    assert [step["status"] for step in warned["steps"]] == ["passed", "warning", "passed"]
    junit = (pytester.path / "rapport" / "junit.xml").read_text(encoding="utf-8")
    assert 'name="avertissement" value="CG-08 : la page montre autre chose"' in junit
    cucumber = json.loads((pytester.path / "rapport" / "cucumber.json").read_text(encoding="utf-8"))
    tags = {element["name"]: [tag["name"] for tag in element["tags"]] for element in cucumber[0]["elements"]}
    assert "@avertissement" in tags["Une recommandation n'est pas suivie"]
    assert "@avertissement" not in tags["Une étape réussit"]


def test_a_failed_scenario_is_played_again_traced_and_an_unstable_target_is_told(pytester, login_page):
    run_verdicts(pytester, login_page, "-k", "lève or première")
    report = json.loads((pytester.path / "rapport" / "conformance.json").read_text(encoding="utf-8"))
    played = {s["name"]: (s["verdict"], s["instable"], s.get("reason")) for s in report["scenarios"]}
    assert played == {
        "Une étape lève une erreur": ("failed", False, "la page a disparu"),
        "Une vérification échoue la première fois seulement": ("failed", True, "la cible a hoqueté"),
    }
    broken = next(s for s in report["scenarios"] if s["name"] == "Une étape lève une erreur")
    assert "trace" in broken["evidence"]
    html = (pytester.path / "rapport" / "rapport.html").read_text(encoding="utf-8")
    assert "a réussi quand il a été rejoué : la cible est instable" in html


def test_a_strict_run_fails_a_recommendation(pytester, login_page):
    result = run_verdicts(pytester, login_page, "-k", "recommandation", strict=True)
    assert result.ret == 1
    report = json.loads((pytester.path / "rapport" / "conformance.json").read_text(encoding="utf-8"))
    assert report["strict"] is True
    assert {rule["id"]: rule["verdict"] for rule in report["rules"]} == {"CG-08": "failed"}
    assert report["verdict"] == "non-conformant"
