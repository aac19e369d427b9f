"""One real run, everything a QA team reads afterwards: a mutant of the reference breaks PDF-06,
the profile announces it and asks for a strict run (PDF-06 is a recommendation, which would
otherwise only warn); the run is made by two xdist workers through a Playwright server.

Checked: the gate passes on the announced failure and reports the unannounced pass; the four
reports agree on the scenarios; the failure's evidence (screenshot, trace, e-mail, PDF) opens;
no secret is in any file; Allure shows every scenario and the failure's evidence; the HTML report,
drawn by Chromium, shows the coverage and the evidence.
"""

import json
import os
import subprocess
import sys
import zipfile
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from espro import gherkin_view
from espro.testdata import new_applicant, scenario_seed
from tests.support import allure_report, free_port
from tests.test_browser_driver import playwright_server  # noqa: F401  (a fixture: the Playwright server)
from tests.test_mutants import MUTANTS, mutate

TOKEN = "reports-secret-token"
SEED = 4242
SELECTION = "PDF-06 or CG-05"


def selected_in(feature) -> int:
    """How many scenarios of `feature` (outline rows counted) the selection runs."""
    return sum(1 for scenario in feature.scenarios for _ in gherkin_view.instances(scenario)
               if {"PDF-06", "CG-05"} & set(scenario.tags))


def selected_scenarios() -> int:
    """How many scenarios the selection runs, read from the features."""
    return sum(selected_in(feature) for feature in gherkin_view.features())


@pytest.fixture(scope="module")
def run(tmp_path_factory, playwright_server):  # noqa: F811
    folder = tmp_path_factory.mktemp("reports")
    source = mutate(next(m for m in MUTANTS if m["rule"] == "PDF-06"), folder / "mutant")
    web, mail = free_port(), free_port()
    (folder / "ecarts.yaml").write_text(yaml.safe_dump({"deviations": [
        {"rule": "PDF-06", "reason": "Ticket ESP-7 : le PDF garde l'ancien numéro", "expires": "2099-12-31"},
        {"rule": "CG-05", "reason": "Ticket ESP-9 : image de cinq caractères", "expires": "2099-12-31"},
    ]}, allow_unicode=True), encoding="utf-8")
    (folder / "profile.yaml").write_text(
        f"target_url: http://127.0.0.1:{web}/\n"
        f"hooks: {{url: 'http://127.0.0.1:{web}/__conformance__', token: '${{CONFORMANCE_TOKEN}}'}}\n"
        f"captcha: {{mode: hook}}\nmail: {{kind: smtp, host: 127.0.0.1, port: {mail}}}\n"
        f"expectations: ecarts.yaml\nstrict: true\n", encoding="utf-8")
    _, ws_endpoint = playwright_server
    result = subprocess.run(
        [sys.executable, "-m", "espro", "run", "--profile", str(folder / "profile.yaml"), "--serve-reference",
         "--reference-source", str(source), "--report", str(folder / "report"), "--espro-seed", str(SEED),
         "--browser-ws", ws_endpoint, "-n", "2", "-m", SELECTION],
        capture_output=True, text=True, timeout=900, cwd=folder, env={**os.environ, "CONFORMANCE_TOKEN": TOKEN})
    return result, folder / "report"


def test_an_announced_failure_passes_the_gate_and_an_unannounced_pass_is_reported(run):
    result, report_dir = run
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    report = json.loads((report_dir / "conformance.json").read_text(encoding="utf-8"))
    assert (report["verdict"], report["gate"]) == ("non-conformant", "passed")
    outcomes = {entry["rule"]: entry["outcome"] for entry in report["expectations"]}
    assert outcomes == {"PDF-06": "failed-as-expected", "CG-05": "passed-unexpectedly"}
    assert "attente sur CG-05 : passed-unexpectedly" in result.stdout
    failed = [s for s in report["scenarios"] if s["verdict"] == "failed"]
    assert failed and all(s["expected"]["rule"] == "PDF-06" for s in failed)


def test_the_run_tells_each_feature_done_in_the_guides_words(run):
    result, _ = run
    for feature in gherkin_view.features():
        played = selected_in(feature)
        assert (f"] {feature.name} : {played}/{played}, " in result.stdout) == bool(played), feature.name


def test_every_report_holds_every_scenario_under_xdist(run):
    _, report_dir = run
    expected = selected_scenarios()
    report = json.loads((report_dir / "conformance.json").read_text(encoding="utf-8"))
    cucumber = json.loads((report_dir / "cucumber.json").read_text(encoding="utf-8"))
    cases = ElementTree.parse(report_dir / "junit.xml").getroot().iter("testcase")
    assert len(report["scenarios"]) == expected
    assert sum(len(feature["elements"]) for feature in cucumber) == expected
    assert len(list(cases)) == expected
    failing = [element for feature in cucumber for element in feature["elements"]
               if any(step["result"]["status"] == "failed" for step in element["steps"])]
    assert len(failing) == sum(s["verdict"] == "failed" for s in report["scenarios"])


def test_the_failure_has_screenshot_trace_email_and_pdf(run):
    _, report_dir = run
    report = json.loads((report_dir / "conformance.json").read_text(encoding="utf-8"))
    evidence = next(s["evidence"] for s in report["scenarios"] if s["verdict"] == "failed")
    files = {name: report_dir / path for name, path in evidence.items()}
    assert files["screenshot"].read_bytes().startswith(b"\x89PNG")
    with zipfile.ZipFile(files["trace"]) as trace:
        assert "trace.trace" in trace.namelist()
    emails = [path for name, path in files.items() if name.endswith(".eml")]
    assert emails
    message = message_from_bytes(emails[0].read_bytes(), policy=default_policy)
    assert "code suivant" in message.get_body(preferencelist=("plain",)).get_content()
    assert files["recapitulatif.pdf"].read_bytes().startswith(b"%PDF")
    failed = next(s for s in report["scenarios"] if s["verdict"] == "failed")
    assert (failed["instable"], failed["rejoue"]) == (False, "a échoué de nouveau : la cible est en faute, pas instable")
    rerun = failed["rerun"]
    assert all(option in rerun for option in ("--scenario", "--espro-seed 4242", "--serve-reference",
                                                "--reference-source", "--browser-ws"))


def test_allure_shows_each_scenario_and_the_known_deviation_with_its_evidence(run, tmp_path):
    _, report_dir = run
    report = json.loads((report_dir / "conformance.json").read_text(encoding="utf-8"))
    tests = allure_report(report_dir / "allure-results", tmp_path / "allure")
    assert len(tests) == selected_scenarios()
    failed = next(s for s in report["scenarios"] if s["verdict"] == "failed")
    shown = next(test for test in tests.values() if test["name"] == failed["name"])
    assert shown["status"] == "skipped"
    assert shown["error"]["message"] == "écart connu : Ticket ESP-7 : le PDF garde l'ancien numéro"
    assert any(label == {"name": "tag", "value": "PDF-06"} for label in shown["labels"])
    kinds = {attachment["link"]["contentType"] for attachment in shown["steps"] if attachment.get("type") == "attachment"}
    assert kinds == {"image/png", "application/vnd.allure.playwright-trace", "text/plain", "application/pdf"}


def test_no_secret_in_any_report_or_evidence(run):
    _, report_dir = run
    report = json.loads((report_dir / "conformance.json").read_text(encoding="utf-8"))
    # A failed scenario is played again by another person (plugin.pytest_runtest_protocol).
    passwords = [new_applicant(scenario_seed(SEED, s["nodeid"] + again)).password
                 for s in report["scenarios"] for again in ("", "#2")]
    secrets = [TOKEN.encode()] + [password.encode() for password in passwords]
    for path in (p for p in report_dir.rglob("*") if p.is_file()):
        contents = [path.read_bytes()]
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                contents += [archive.read(name) for name in archive.namelist()]
        for content in contents:
            assert not any(secret in content for secret in secrets), path


def test_the_html_report_draws_coverage_and_evidence(run, tmp_path):
    from espro.drivers.browser import Browser
    from espro.drivers.locators import Locators

    _, report_dir = run
    browser = Browser()
    try:
        page = browser.new_page((report_dir / "rapport.html").as_uri(), Locators(), 30)
        page.open((report_dir / "rapport.html").as_uri())
        text = page.text()
        assert "Non conforme" in text and "Écarts connus annoncés par le profil" in text
        assert "PDF-06" in text and "échoue comme annoncé" in text
        assert "Trace du navigateur" in text and "recapitulatif.pdf" in text
        images = page.page.locator("figure img")
        assert images.count() >= 1 and images.first.evaluate("img => img.naturalWidth") > 100
        page.screenshot(tmp_path / "rapport.png")
        assert Path(tmp_path / "rapport.png").stat().st_size > 50_000
        page.close()
    finally:
        browser.close()
