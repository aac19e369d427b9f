"""Findings beyond the guide: axe-core's violations mapped to RGAA criteria, one audit per kind of
page, a section of their own in the reports, and the run failed by them only when the profile asks."""

import json
import secrets
import string
import subprocess
import sys
from xml.etree import ElementTree

import jsonschema
import pytest
from axe_playwright_python.base import AXE_SCRIPT

from espro import PROJECT_ROOT, catalogue, findings, schemas
from espro.drivers.browser import Browser
from espro.drivers.locators import Locators
from espro.findings.accessibility import AccessibilityAudit, findings_of, mapping
from steps import security
from tests.support import QuietHandler, free_port, serving_pages
from tests.test_mutants import mutate

CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'"
PAGES = {
    # Labelled, titled, in French: nothing to say.
    "propre.html": '<html lang="fr"><head><meta charset="utf-8"><title>Identifiants</title></head><body><main>'
                   '<h1>Identifiants</h1><label for="courriel">Adresse électronique</label>'
                   '<input id="courriel" name="courriel" autocomplete="email"></main></body></html>',
    # No language, no title, a field with no label.
    "fautive.html": '<html><head><meta charset="utf-8"></head><body><main><h1>Formulaire</h1>'
                    '<input name="nom"></main></body></html>',
}


class StrictHandler(QuietHandler):
    """The pages under the reference's Content-Security-Policy: the audit must work under it."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pages = {name: f"<!doctype html>{body}" for name, body in PAGES.items()}
    with serving_pages(tmp_path_factory.mktemp("pages"), pages, StrictHandler) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    opened = Browser()
    yield opened
    opened.close()


def visit(browser, site, audit, *names):
    page = browser.new_page(site, Locators({}), 10, on_load=audit.visit)
    try:
        for name in names:
            page.open(name)
    finally:
        page.close()


def test_a_faulty_page_gives_rgaa_findings_and_a_clean_one_none(browser, site):
    audit = AccessibilityAudit()
    visit(browser, site, audit, "propre.html")
    assert audit.take() == []
    visit(browser, site, audit, "fautive.html")
    found = audit.take()
    tags = {item["tag"] for item in found}
    assert {"rgaa-8.3", "rgaa-8.5", "rgaa-11.1"} <= tags, tags
    label = next(item for item in found if item["tag"] == "rgaa-11.1")
    assert label["standard"] == "RGAA 4.1" and label["page"] == "/fautive.html"
    assert label["severity"] in findings.SEVERITIES and any("input" in element for element in label["elements"])
    assert label["title"].startswith("Chaque champ de formulaire")


def test_each_kind_of_page_is_audited_once(browser, site):
    audit = AccessibilityAudit()
    visit(browser, site, audit, "fautive.html", "propre.html", "fautive.html")
    first = audit.take()
    visit(browser, site, audit, "fautive.html")
    assert first and audit.take() == []


def test_every_rule_axe_runs_has_its_criteria(browser, site):
    """The mapping covers every rule the shipped axe-core runs with our tags, each to an RGAA
    criterion whose title we have, or to none with the reason written down."""
    page = browser.new_page(site, Locators({}), 10)
    try:
        page.open("propre.html")
        page.page.evaluate(AXE_SCRIPT)
        running = set(page.page.evaluate("tags => axe.getRules(tags).map(rule => rule.ruleId)",
                                         mapping()["etiquettes_axe"]))
    finally:
        page.close()
    rules = mapping()["rules"]
    assert not running - set(rules), f"règles axe sans correspondance : {sorted(running - set(rules))}"
    for rule_id in running:
        rule = rules[rule_id]
        assert rule["note"] if rule["rgaa"] is None else set(rule["rgaa"]) <= set(mapping()["criteres"]), rule_id


def test_a_rule_with_no_rgaa_criterion_is_reported_under_wcag():
    violation = {"id": "target-size", "impact": "serious", "help": "All touch targets must be 24px large",
                 "description": "Ensure touch targets have sufficient size", "helpUrl": "", "tags": ["wcag22aa"],
                 "nodes": [{"target": ["#ok"]}]}
    (found,) = findings_of(violation, "/connexion")
    assert (found["standard"], found["criterion"], found["tag"]) == ("WCAG 2.2", "2.5.8", "wcag-2.5.8")


def _finding(severity, page="/a", check="axe:label", standard="RGAA 4.1", criterion="11.1"):
    return {"standard": standard, "criterion": criterion, "tag": f"rgaa-{criterion}", "severity": severity,
            "check": check, "title": "t", "message": "m", "page": page}


def test_a_finding_met_twice_is_one_and_keeps_its_worst_severity():
    merged = findings.merge([_finding("minor"), _finding("serious"), _finding("minor", page="/b")])
    assert [(item["page"], item["severity"]) for item in merged] == [("/a", "serious"), ("/b", "minor")]


def test_fail_on_counts_the_findings_at_least_that_severe():
    items = [_finding("minor"), _finding("serious", page="/b"), _finding("critical", page="/c")]
    assert [len(findings.failing(items, level)) for level in (None, "minor", "serious", "critical")] == [0, 3, 2, 1]
    section = findings.section(items, "serious")
    assert section["counts"] == {"RGAA 4.1": {"minor": 1, "serious": 1, "critical": 1}} and section["failing"] == 2
    assert findings.by_standard(section) == ["RGAA 4.1 : 3 (1 critique, 1 sérieux, 1 mineur)"]
    assert findings.by_standard(findings.section([], None)) == ["aucun constat"]


def test_every_standard_verified_has_its_line_even_without_finding():
    criteria = catalogue.criteria()
    scenarios = [{"verdict": "passed", "criteria": ["asvs-3.4.4", "rgaa-11.13"]},
                 {"verdict": "passed", "criteria": ["rgaa-8.4"]},
                 {"verdict": "not-verified", "criteria": ["asvs-3.5.1"]}, {"verdict": "passed"}]
    verified = findings.checked(scenarios, criteria)
    assert verified == {"OWASP ASVS 5.0.0": ["3.4.4"], "RGAA 4.1": ["8.4", "11.13"]}
    lines = findings.by_standard(findings.section([_finding("serious", standard="WCAG 2.2", criterion="2.5.8")],
                                                  None, verified))
    assert lines == ["OWASP ASVS 5.0.0 : aucun constat ; critères vérifiés par scénario : 3.4.4",
                     "RGAA 4.1 : aucun constat ; critères vérifiés par scénario : 8.4, 11.13",
                     "WCAG 2.2 : 1 (1 sérieux)"]


# --- a real run: the reference without its page language ---------------------------------------

WITHOUT_LANG = {"rule": "parcours", "why": "les pages ne disent plus leur langue",
                "edits": [{"file": "templates/base.html", "find": '<html lang="fr">', "replace": "<html>"}]}


def run(source, folder, fail_on=None, selection="parcours", probe=False) -> tuple[int, dict, str]:
    web, mail = free_port(), free_port()
    folder.mkdir()
    profile = folder / "profile.yaml"
    profile.write_text(
        f"target_url: http://127.0.0.1:{web}/\nhooks: {{url: 'http://127.0.0.1:{web}/__conformance__', token: t0ken}}\n"
        f"captcha: {{mode: hook}}\nmail: {{kind: smtp, host: 127.0.0.1, port: {mail}}}\n"
        + (f"findings: {{fail_on: {fail_on}}}\n" if fail_on else "")
        + ("findings: {throttling_probe: true}\n" if probe else ""), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "espro", "run", "--profile", str(profile), "--serve-reference", "--reference-source",
         str(source), "--report", str(folder / "report"), "-m", selection, "-q", "-p", "no:cacheprovider"],
        capture_output=True, text=True, timeout=600, cwd=folder)
    return result.returncode, json.loads((folder / "report" / "conformance.json").read_text()), result.stdout


def only_finding(mutant, folder, tag, probe=False) -> dict:
    """The one finding of `tag` that a run of its scenarios against the mutant reports, the guide's
    verdict untouched."""
    code, report, output = run(mutate(mutant, folder / "mutant"), folder / "run", selection=tag, probe=probe)
    assert (code, report["verdict"]) == (0, "conformant"), output
    (found,) = [item for item in report["findings"]["items"] if item["tag"] == tag]
    return found


def test_findings_stay_beside_the_verdict_unless_the_profile_fails_on_them(tmp_path):
    source = mutate(WITHOUT_LANG, tmp_path / "mutant")
    code, report, output = run(source, tmp_path / "run")
    assert (code, report["verdict"], report["gate"]) == (0, "conformant", "passed"), output
    jsonschema.validate(report, schemas.load("report.schema.json"))
    lang = [item for item in report["findings"]["items"] if item["tag"] == "rgaa-8.3"]
    assert lang and lang[0]["severity"] == "serious" and lang[0]["scenario"], report["findings"]
    assert "constats au-delà du guide, par référentiel" in output and "\n  RGAA 4.1 : " in output
    assert "Constats au-delà du guide" in (tmp_path / "run" / "report" / "rapport.html").read_text(encoding="utf-8")
    assert reported_apart(tmp_path / "run" / "report", report) == (len(report["findings"]["items"]), 0)

    code, report, output = run(source, tmp_path / "strict", fail_on="serious")
    assert (code, report["verdict"], report["gate"]) == (1, "conformant", "failed"), output
    assert report["findings"]["failing"] >= 1 and "la course échoue (findings.fail_on)" in output
    assert reported_apart(tmp_path / "strict" / "report", report) == (len(report["findings"]["items"]),
                                                                      report["findings"]["failing"])


def reported_apart(folder, report) -> tuple[int, int]:
    """The findings in junit.xml and cucumber.json, each in a section of their own that agree on
    how many there are and how many fail: (findings, failing)."""
    suites = ElementTree.parse(folder / "junit.xml").getroot().findall("testsuite")
    (suite,) = [suite for suite in suites if suite.get("name") == "constats au-delà du guide"]
    scenarios = sum(int(other.get("tests")) for other in suites if other is not suite)
    assert scenarios == len(report["scenarios"])
    junit = (int(suite.get("tests")), len(suite.findall("testcase/failure")))
    (feature,) = [f for f in json.loads((folder / "cucumber.json").read_text()) if f["name"] == "Constats au-delà du guide"]
    statuses = [element["steps"][0]["result"]["status"] for element in feature["elements"]]
    assert all({"name": "@constat", "line": 0} in element["tags"] for element in feature["elements"])
    assert junit == (len(statuses), statuses.count("failed"))
    return junit


WITHOUT_PURPOSE = {"rule": "rgaa-11.13", "why": "le formulaire ne dit plus la finalité de ses champs",
                   "edits": [{"file": "profile.py", "find": 'autocomplete="family-name"', "replace": 'autocomplete=""'}]}


def test_a_failed_check_of_a_criterion_is_a_finding_and_the_scenario_goes_on(tmp_path):
    """A scenario tagged with another standard's criterion: its failed check is a finding of that
    criterion, with the catalogue's severity, on the page shown; the scenario passes."""
    source = mutate(WITHOUT_PURPOSE, tmp_path / "mutant")
    code, report, output = run(source, tmp_path / "run", selection="rgaa-11.13")
    assert (code, report["verdict"]) == (0, "conformant"), output
    (scenario,) = report["scenarios"]
    assert scenario["verdict"] == "passed" and scenario["criteria"] == ["rgaa-11.13"]
    (checked,) = [item for item in report["findings"]["items"] if item["check"].startswith("scénario")]
    assert (checked["tag"], checked["severity"], checked["standard"]) == ("rgaa-11.13", "moderate", "RGAA 4.1")
    assert "« Nom »" in checked["message"] and "« Prénom »" not in checked["message"]
    assert checked["page"].startswith("/creation/formulaire")
    code, report, output = run(source, tmp_path / "failing", fail_on="moderate", selection="rgaa-11.13")
    assert (code, report["gate"]) == (1, "failed"), output


WITHOUT_PROTECTIONS = {
    "rule": "asvs", "why": "ni en-têtes de sécurité, ni cookie de session protégé, ni jeton anti-falsification ; collage refusé, "
                           "mot de passe limité à 40 caractères, codes d'activation au même début",
    "edits": [{"file": "headers.py", "find": "    app.after_request(_headers)\n", "replace": ""},
              {"file": "headers.py", "find": 'SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax"',
               "replace": "SESSION_COOKIE_HTTPONLY=False, SESSION_COOKIE_SAMESITE=None"},
              {"file": "views/registration.py", "find": '    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))',
               "replace": '    code = "ACTIV" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(7))'},
              {"file": "__init__.py", "find": "    csrf.init_app(app)\n",
               "replace": "    app.config[\"WTF_CSRF_ENABLED\"] = False\n    csrf.init_app(app)\n"},
              {"file": "templates/registration/identifiers.html", "find": 'aria-controls="niveau-securite"\'',
               "replace": 'aria-controls="niveau-securite" onpaste="return false"\''},
              {"file": "validation.py", "find": "    if len(password) < PASSWORD_MIN:",
               "replace": "    if not PASSWORD_MIN <= len(password) <= 40:"}]}


# The criteria whose protection has a mutant of its own, below.
OWN_MUTANT = {"asvs-6.2.8", "asvs-6.3.1", "asvs-2.4.1"}
# A password cut to its first 72 characters, as bcrypt does, where passwords of 40 are refused: each
# is the other's precondition, so the truncation has a reference of its own.
TRUNCATED = {"rule": "asvs-6.2.8", "why": "seuls les 72 premiers caractères du mot de passe comptent",
             "edits": [{"file": "security.py", "find": "    return _hasher.hash(password)",
                        "replace": "    return _hasher.hash(password[:72])"},
                       {"file": "security.py", "find": "_hasher.verify(password_hash or _DUMMY_HASH, password)",
                        "replace": "_hasher.verify(password_hash or _DUMMY_HASH, password[:72])"}]}


def test_each_security_criterion_finds_its_protection_missing(tmp_path):
    """The reference without its protections: each security scenario reports its own criterion, and
    the guide's verdict stays conformant."""
    security = [tag for tag in catalogue.criteria() if tag.startswith("asvs-") and tag not in OWN_MUTANT]
    source = mutate(WITHOUT_PROTECTIONS, tmp_path / "mutant")
    code, report, output = run(source, tmp_path / "run", selection=" or ".join(security))
    assert (code, report["verdict"]) == (0, "conformant"), output
    found = {item["tag"] for item in report["findings"]["items"] if item["check"].startswith("scénario")}
    assert found == set(security), sorted(set(security) - found)


MOUSE_ONLY = {"rule": "wcag-2.1.1", "why": "la case des conditions générales ne prend pas le focus",
              "edits": [{"file": "templates/registration/terms.html",
                         "find": '<input type="checkbox" id="terms"', "replace": '<input tabindex="-1" type="checkbox" id="terms"'}]}


def test_a_control_tab_cannot_reach_is_a_keyboard_finding(tmp_path):
    """The journey at the keyboard alone stops where Tab never reaches a control, and says which."""
    found = only_finding(MOUSE_ONLY, tmp_path, "wcag-2.1.1")
    assert "ne s'atteint pas au clavier" in found["message"] and "conditions" in found["message"].lower(), found
    assert found["page"].startswith("/creation/conditions-generales")


UNMARKED = {"rule": "rgaa-11.10", "why": "l'adresse de connexion ne dit plus qu'elle est obligatoire",
            "edits": [{"file": "templates/_macros.html", "find": 'type="{{ type }}"{% if type != \'password\' %} value="{{ value }}"{% endif %}{% if required %} aria-required="true"{% endif %}',
                       "replace": 'type="{{ type }}"{% if type != \'password\' %} value="{{ value }}"{% endif %}'},
                      {"file": "templates/registration/identifiers.html",
                       "find": '"Adresse électronique de connexion : *"', "replace": '"Adresse électronique de connexion :"'}]}


def test_a_required_field_that_does_not_say_so_is_a_finding(tmp_path):
    """Neither an asterisk in its name nor required/aria-required: that field, and only it, is named."""
    source = mutate(UNMARKED, tmp_path / "mutant")
    code, report, output = run(source, tmp_path / "run", selection="rgaa-11.10")
    (found,) = [item for item in report["findings"]["items"] if item["tag"] == "rgaa-11.10"]
    assert "« Adresse électronique de connexion »" in found["message"], found
    assert "Confirmez" not in found["message"] and found["page"].startswith("/creation/identifiants"), found


SOUND_BY_MOUSE = {"rule": "wcag-2.1.1", "why": "l'extrait sonore du CAPTCHA ne prend pas le focus",
                  "edits": [{"file": "templates/_macros.html", "find": "<a class=\"fr-link\" href=\"{{ url_for('captcha.audio'",
                             "replace": "<a tabindex=\"-1\" class=\"fr-link\" href=\"{{ url_for('captcha.audio'"}]}


def test_a_captcha_sound_tab_cannot_reach_is_a_keyboard_finding(tmp_path):
    found = only_finding(SOUND_BY_MOUSE, tmp_path, "wcag-2.1.1")
    assert "« Ecouter l'extrait sonore » ne s'atteint pas au clavier" in found["message"], found


def test_a_password_checked_on_its_first_characters_only_is_a_finding(tmp_path):
    found = only_finding(TRUNCATED, tmp_path, "asvs-6.2.8")
    assert found["severity"] == "serious", found


def test_random_codes_pass_and_repeated_sequential_or_prefixed_ones_do_not():
    alphabet = string.ascii_letters + string.digits
    for _ in range(200):  # random codes, of every alphabet a target may draw from, are never a pattern
        for letters in (alphabet, string.digits, string.ascii_uppercase + string.digits):
            security.codes_random(["".join(secrets.choice(letters) for _ in range(12)) for _ in range(8)])
    broken = {
        "un même code envoyé deux fois": ["aZ7bQ91xLm0P"] * 2 + ["Kd83nWq1Zx0a"],
        "le même caractère en position": [f"ACTIV{secrets.token_hex(4)[:7]}" for _ in range(8)],
        # Each code the same but for one or two places, never the same ones: no place fixed, every pair alike.
        "des codes qui se ressemblent": ["".join("W" if place in (number, number + 8) else char
                                                 for place, char in enumerate("aZ7bQ91xLm0P")) for number in range(8)],
    }
    for message, codes in broken.items():
        with pytest.raises(AssertionError, match=message):
            security.codes_random(codes)


UNLIMITED = {"rule": "asvs-6.3.1", "why": "les mots de passe faux ne sont plus limités",
             "edits": [{"file": "throttle.py", "find": '    return (_count(f"{kind}:client"',
                        "replace": '    return False and (_count(f"{kind}:client"'}]}


def test_the_throttling_probe_runs_only_when_asked_and_finds_no_limit(tmp_path):
    code, report, output = run(PROJECT_ROOT, tmp_path / "unasked", selection="asvs-6.3.1")
    (scenario,) = report["scenarios"]
    assert (code, report["verdict"], scenario["verdict"]) == (0, "conformant", "not-verified"), output
    assert "findings.throttling_probe" in scenario["reason"]
    found = only_finding(UNLIMITED, tmp_path, "asvs-6.3.1", probe=True)
    assert found["message"] == "l'usager est connecté", found


REPLAYABLE = {"rule": "asvs-2.4.1", "why": "une réponse à l'image vaut tant que l'image existe, quelle que soit la session",
              "edits": [{"file": "captcha.py",
                         "find": "    challenge = shown()\n    _discard(challenge)\n",
                         "replace": "    challenge = shown()\n    if answer and db.session.query(CaptchaChallenge)"
                                    ".filter_by(answer=answer.strip().upper()).first():\n        return True\n"
                                    "    _discard(challenge)\n"}]}


def test_a_captcha_answer_a_robot_can_send_again_is_a_finding(tmp_path):
    found = only_finding(REPLAYABLE, tmp_path, "asvs-2.4.1")
    assert "le robot est à l'étape « Identifiants »" in found["message"], found
