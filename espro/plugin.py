"""pytest plugin: runs the features against the target a profile describes.

`pytest --profile FILE` and `espro run --profile FILE` make the same run. Checks that can
stop a run happen here once, on the controlling process, and end in one line.
"""

import random
import shlex
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from _pytest.runner import runtestprotocol
from playwright.sync_api import Error as PlaywrightError

from espro import (allure_results, attribution, catalogue, cucumber, evidence, expectations, findings,
                   html_report, junit, late_mail, preflight, progress)
from espro.clock_lock import ClockLock
from espro import profile as profiles
from espro import report as conformance

from espro.drivers.browser import Browser
from espro.drivers.hooks import HooksClient
from espro.drivers.locators import Locators
from espro.drivers.mail import MaildirReader, SmtpSink
from espro.drivers.mail_api import reader_for
from espro.drivers.preparation import Preparation, Tab
from espro.errors import RunError
from espro.findings.accessibility import AccessibilityAudit
from espro.reference_server import ReferenceServer
from espro.testdata import new_applicant, scenario_seed
from espro.user import User
from steps import STEP_MODULES

PROFILE_KEY = pytest.StashKey[profiles.Profile]()
STATE_KEY = pytest.StashKey[dict]()
SCENARIO_KEY = pytest.StashKey[dict]()
STEP_START_KEY = pytest.StashKey[float]()
LINES_KEY = pytest.StashKey[dict]()
EXPECTATIONS_KEY = pytest.StashKey[list]()
USER_KEY = pytest.StashKey[User]()
PREPARATION_KEY = pytest.StashKey[Preparation]()
ATTEMPT_KEY = pytest.StashKey[int]()  # 2 while a failed scenario is played again, traced
ENTRY_KEY = pytest.StashKey[dict]()  # the scenario's record, as its report carries it
FIRST_FAILURE_KEY = pytest.StashKey[dict]()  # the record of a failed scenario's first play
AUDIT_KEY = pytest.StashKey[AccessibilityAudit]()  # this process's: each kind of page its browser shows, once


def pytest_addoption(parser):
    group = parser.getgroup("espro", "espro conformance suite")
    group.addoption("--profile", help="profil YAML de la cible (contrat §5)")
    group.addoption("--report", help="dossier où écrire rapport.html, conformance.json, junit.xml, "
                                                  "cucumber.json, allure-results et les preuves")
    group.addoption("--espro-seed", type=int, help="graine des données de test (rejouer une exécution)")
    group.addoption("--serve-reference", action="store_true",
                    help="démarrer l'implémentation de référence selon le profil pendant l'exécution")
    group.addoption("--reference-source", help="avec --serve-reference : dossier d'un autre paquet reference_impl")
    group.addoption("--espro-strict", action="store_true",
                    help="un avertissement (recommandation non suivie) fait échouer la course comme une exigence")
    group.addoption("--headed", action="store_true", help="montrer le navigateur")
    group.addoption("--browser-ws", metavar="URL", help="navigateur d'un serveur Playwright (ws://...), au lieu du Chromium local")
    group.addoption("--cdp", metavar="URL", help="Chromium déjà lancé, joint par CDP (http://hôte:port), au lieu du Chromium local")


def _is_worker(config) -> bool:
    return hasattr(config, "workerinput")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    for module in STEP_MODULES:
        config.pluginmanager.import_plugin(module)
    config.addinivalue_line("markers", "parcours: le parcours complet, de bout en bout")
    for rule_id, rule in catalogue.rules().items():
        config.addinivalue_line("markers", f"{rule_id}: {rule['titre']}")
    for tag, criterion in catalogue.criteria().items():
        config.addinivalue_line("markers", f"{tag}: {criterion['referentiel']} {criterion['critere']}, {criterion['titre']}")
    path = config.getoption("profile")
    if not path:
        return
    try:
        profile = profiles.load(path)
        known = expectations.load(profile.expectations) if profile.expectations else []
    except RunError as error:
        raise pytest.UsageError(str(error)) from None
    config.stash[PROFILE_KEY] = profile
    config.stash[EXPECTATIONS_KEY] = known
    config.stash[attribution.STRICT_KEY] = bool(config.getoption("espro_strict") or profile.strict)
    config.stash[AUDIT_KEY] = AccessibilityAudit()
    if _is_worker(config):
        config.stash[STATE_KEY] = dict(config.workerinput["espro"])
        _write_allure_results(config, profile)
        return
    state = {"seed": config.getoption("espro_seed") or random.randrange(10**9), "scenarios": []}
    config.stash[STATE_KEY] = state
    report_dir = config.getoption("report")
    if report_dir:
        state["report_dir"] = str(Path(report_dir).resolve())
        if not config.option.xmlpath:
            config.option.xmlpath = str(Path(report_dir) / "junit.xml")
        # A report folder used again holds this run's results only (workers write them: cleaned here, once).
        shutil.rmtree(Path(report_dir) / allure_results.FOLDER, ignore_errors=True)
    _write_allure_results(config, profile)
    try:
        _start_services(config, profile, state)
    except RunError as error:
        _stop_services(config)
        raise pytest.UsageError(str(error)) from None
    config.pluginmanager.register(Recorder(config, profile, state), "espro-recorder")


def _write_allure_results(config, profile) -> None:
    """`--report DIR` also writes DIR/allure-results (allure-pytest-bdd), unless --alluredir says where;
    this process's scenarios get the suite's labels, verdicts and evidence there."""
    state = config.stash[STATE_KEY]
    if "report_dir" not in state or not config.pluginmanager.has_plugin(allure_results.PLUGIN):
        return
    if not config.option.allure_report_dir:
        config.option.allure_report_dir = str(Path(state["report_dir"]) / allure_results.FOLDER)

    config.pluginmanager.register(allure_results.AllureVerdicts(config, Path(state["report_dir"]), _shown,
                                                                lambda item: _secrets(item, profile)), "espro-allure")


def _secrets(item, profile) -> list[str]:
    """What no report of this scenario may show: the profile's token, the person's password."""
    person = item.stash.get(USER_KEY, None)
    return profile.secrets() + ([person.applicant.password] if person else [])


def _shown(item) -> dict | None:
    """The record a scenario's report shows: a failure played again and passed shows its first failure."""
    entry = item.stash.get(ENTRY_KEY, None)
    first = item.stash.get(FIRST_FAILURE_KEY, None)
    if entry is not None and first is not None and entry["verdict"] != conformance.FAILED:
        return {**first, "instable": True}
    return entry


def _start_services(config, profile, state):
    state["_lock_tmp"] = tempfile.TemporaryDirectory(prefix="espro-locks-")
    state["lockdir"] = state["_lock_tmp"].name
    if config.getoption("serve_reference"):
        server = ReferenceServer(profile, config.getoption("reference_source"))
        state["_server"] = server
        server.start()
    preflight.ensure_ready(profile)
    if config.getoption("browser_ws") or config.getoption("cdp"):
        Browser(ws_endpoint=config.getoption("browser_ws"), cdp_url=config.getoption("cdp")).close()
    if profile.mail["kind"] == "smtp":
        state["_maildir_tmp"] = tempfile.TemporaryDirectory(prefix="espro-mail-")
        state["maildir"] = state["_maildir_tmp"].name
        sink = SmtpSink(profile.mail["host"], profile.mail["port"], Path(state["maildir"]))
        sink.start()
        state["_sink"] = sink
    else:
        reader_for(profile.mail, profile.timeout("mail")).check()


def _mail_reader(profile, state):
    """The built-in sink's Maildir, or the mail server's HTTP API the profile names."""
    if profile.mail["kind"] == "smtp":
        return MaildirReader(Path(state["maildir"]))
    return reader_for(profile.mail, profile.timeout("mail"))


def _stop_services(config):
    state = config.stash.get(STATE_KEY, {})
    for key in ("_sink", "_server"):
        if key in state:
            state.pop(key).stop()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """Hand each xdist worker what the controller started: seed, mail folder, report folder."""
    state = node.config.stash.get(STATE_KEY, None)
    if state is not None:
        node.workerinput["espro"] = {key: value for key, value in state.items()
                                     if not key.startswith("_") and key != "scenarios"}


def pytest_report_header(config):
    state = config.stash.get(STATE_KEY, None)
    if state and not _is_worker(config):
        profile = config.stash[PROFILE_KEY]
        return [f"espro: cible {profile.target_url}, profil {profile.source}, graine {state['seed']}"]
    return None


@pytest.fixture(scope="session")
def espro_profile(pytestconfig):
    if PROFILE_KEY not in pytestconfig.stash:
        pytest.skip("aucun profil : lancez avec --profile FICHIER pour éprouver une cible")
    return pytestconfig.stash[PROFILE_KEY]


@pytest.fixture(scope="session")
def espro_browser(espro_profile, pytestconfig):
    try:
        browser = Browser(headless=not pytestconfig.getoption("headed"), ws_endpoint=pytestconfig.getoption("browser_ws"),
                          cdp_url=pytestconfig.getoption("cdp"))
    except RunError as error:
        pytest.exit(str(error), returncode=pytest.ExitCode.USAGE_ERROR)
    yield browser
    browser.close()


@pytest.fixture
def applicant(request, pytestconfig, espro_profile):
    """The scenario's person; played again, another person (the first may have taken the address)."""
    attempt = request.node.stash.get(ATTEMPT_KEY, 1)
    seed = scenario_seed(pytestconfig.stash[STATE_KEY]["seed"], request.node.nodeid + "#2" * (attempt - 1))
    return new_applicant(seed)


@pytest.fixture
def user(request, espro_profile, espro_browser, applicant, pytestconfig):
    state = pytestconfig.stash[STATE_KEY]
    locators = Locators(espro_profile.locators)

    preparation = Preparation(espro_profile.preparation)
    request.node.stash[PREPARATION_KEY] = preparation

    def open_page():
        return Tab(espro_browser.new_page(espro_profile.target_url, locators, espro_profile.timeout("page"),
                                          trace=request.node.stash.get(ATTEMPT_KEY, 1) > 1,
                                          on_load=pytestconfig.stash[AUDIT_KEY].visit), preparation)

    hooks = HooksClient.of(espro_profile)
    reader = _mail_reader(espro_profile, state)
    person = User(open_page, hooks, reader, espro_profile, applicant)
    # Steps ask for `user` by name, so pytest does not list it in item.funcargs: the report finds it here.
    request.node.stash[USER_KEY] = person
    yield person
    person.close()
    # A watched address keeps its messages until the end of the run counts them again (late_mail).
    for address in {applicant.email, person.applicant.email} - {watch["address"] for watch in person.mail_watch}:
        reader.delete_for(address)


def _moves_the_clock(item) -> bool:
    needs = {**catalogue.rules(), **catalogue.criteria()}
    return any("horloge" in needs.get(marker.name, {}).get("besoin", []) for marker in item.iter_markers())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """A scenario that moves the target's clock runs while no other does (see espro/clock_lock.py)."""
    state = item.config.stash.get(STATE_KEY, None)
    if state is None or "lockdir" not in state:
        yield
        return
    with ClockLock(Path(state["lockdir"])).held(alone=_moves_the_clock(item)):
        yield


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """A scenario that fails is played once more, with a Playwright trace: a passing scenario pays
    for no trace, a failed one keeps one. Failing twice, the target is broken; passing the second
    time, it is unstable: the scenario stays failed (it failed once), its record says so, and the
    evidence is the first failure's."""
    state = item.config.stash.get(STATE_KEY, None)
    if state is None or "report_dir" not in state or not hasattr(item, "_request"):
        return None
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    reports = runtestprotocol(item, nextitem=nextitem, log=False)
    first = _failure(reports)
    if first is not None:
        item.stash[ATTEMPT_KEY] = 2
        item.stash[FIRST_FAILURE_KEY] = first.espro_scenario
        again = runtestprotocol(item, nextitem=nextitem, log=False)
        second = _failure(again)
        if second is None:
            first.espro_scenario.update(instable=True, rejoue="a réussi quand il a été rejoué : la cible est instable")
            reports = [first if report.when == "call" else report for report in again]
        else:
            second.espro_scenario.update(instable=False, rejoue="a échoué de nouveau : la cible est en faute, pas instable")
            reports = again
    for report in reports:
        item.ihook.pytest_runtest_logreport(report=report)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return True


def _failure(reports):
    """The report of a scenario that failed (announced or not), else None."""
    return next((report for report in reports
                 if getattr(report, "espro_scenario", {}).get("verdict") == conformance.FAILED), None)


def pytest_bdd_before_scenario(request, feature, scenario):
    # An outline's row also carries the tags of its `Exemples:` block, which pytest-bdd gives as marks only.
    examples = {marker.name for marker in request.node.iter_markers()} & set(catalogue.rules())
    tags = sorted(scenario.tags | feature.tags | examples)
    request.node.stash[SCENARIO_KEY] = {
        "name": scenario.name,
        "feature": feature.name,
        "feature_file": feature.rel_filename,
        "line": scenario.line_number,
        "tags": tags,
        **({"criteria": catalogue.finding_tags(tags)} if catalogue.finding_tags(tags) else {}),
        "steps": [],
    }
    request.node.stash[LINES_KEY] = attribution.step_lines(feature, scenario, catalogue.rule_ids(tags))


def pytest_bdd_before_step(request, feature, scenario, step, step_func):
    request.node.stash[STEP_START_KEY] = time.monotonic()
    criteria = request.node.stash.get(SCENARIO_KEY, {}).get("criteria", ())
    attribution.begin_step(request.node, request.node.stash.get(LINES_KEY, {}).get(step.line_number, ()),
                           tuple(criteria))
    person = request.node.stash.get(USER_KEY, None)
    if person is not None and step.type == "when":
        late_mail.close(person.mail_watch, person.emails_to)
    if step.type == "given":
        request.getfixturevalue("user")  # the step asks for it only after this hook: the tabs must exist
        request.node.stash[PREPARATION_KEY].begin()


def _end_preparation(request) -> None:
    """After a `Soit` step, passed or not, the browser shows where its preparation stopped."""
    preparation = request.node.stash.get(PREPARATION_KEY, None)
    if preparation is not None and preparation.active:
        preparation.end()


def _record_step(request, step, status, error=None):
    record = request.node.stash.get(SCENARIO_KEY, None)
    if record is not None:
        started = request.node.stash.get(STEP_START_KEY, time.monotonic())
        done = attribution.step_record(request.node, step, status, error)
        record["steps"].append({**done, "duration_s": round(time.monotonic() - started, 3)})
        person = request.node.stash.get(USER_KEY, None)
        for watch in person.mail_watch if person else ():
            watch.setdefault("rules", done["rules"])
            watch.setdefault("step", step.name)


def pytest_bdd_after_step(request, feature, scenario, step, step_func, step_func_args):
    _end_preparation(request)
    _record_step(request, step, attribution.PASSED)


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    try:
        _end_preparation(request)
    except PlaywrightError:  # the page could not be shown: the step's own error is the one to report
        pass
    _record_step(request, step, attribution.status_of(exception), exception)


def pytest_bdd_step_func_lookup_error(request, feature, scenario, step, exception):
    _record_step(request, step, attribution.UNDEFINED)


def _reason(call) -> str:
    return str(call.excinfo.value).strip().splitlines()[0] if call.excinfo and str(call.excinfo.value).strip() \
        else (call.excinfo.typename if call.excinfo else "")


def _checked_findings(record: dict, person) -> list[dict]:
    """What the failed checks of a scenario of another standard found, one finding per criterion."""
    found = []
    for step in record["steps"]:
        if step.get("finding"):
            for tag in record["criteria"]:
                criterion = catalogue.criteria()[tag]
                found.append({"standard": criterion["referentiel"], "criterion": criterion["critere"], "tag": tag,
                              "severity": criterion["gravite"], "check": f"scénario « {record['name']} »",
                              "title": criterion["titre"], "message": step["message"],
                              "page": findings.page_label(person.page_shown())})
    return found


def _rerun_command(item, state, profile) -> str:
    """The same target, the same data, this scenario alone (and the same browser and served reference)."""
    command = ["espro", "run", "--profile", profile.source, "--espro-seed", str(state["seed"]), "--scenario", item.nodeid]
    config = item.config
    if config.getoption("serve_reference"):
        command.append("--serve-reference")
    for option in ("reference_source", "browser_ws", "cdp"):
        if config.getoption(option):
            command += ["--" + option.replace("_", "-"), config.getoption(option)]
    return shlex.join(command)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    record = item.stash.get(SCENARIO_KEY, None)
    if record is None or STATE_KEY not in item.config.stash or (call.when == "setup" and rep.passed) \
            or call.when == "teardown":
        return
    rules = catalogue.rule_ids(record["tags"])
    judged = attribution.judge(record["steps"], rules, item.stash.get(LINES_KEY, {}),
                               item.config.stash.get(attribution.STRICT_KEY, False))
    verdict = judged["verdict"] if rep.outcome != "failed" or record["steps"] else conformance.FAILED
    reason = judged["reason"] or (_reason(call) if call.excinfo else "")
    if verdict == conformance.NOT_VERIFIED:
        rep.outcome, rep.longrepr = "skipped", (str(item.path), item.location[1], f"non vérifié : {reason}")
    elif verdict in (conformance.PASSED, conformance.WARNING):
        rep.outcome, rep.longrepr = "passed", None
    for rule, outcome in judged["rule_verdicts"].items():
        if outcome["verdict"] == conformance.WARNING:
            item.user_properties.append(("avertissement", f"{rule} : {outcome.get('reason', '')}"))
    state = item.config.stash[STATE_KEY]
    profile = item.config.stash[PROFILE_KEY]
    person = item.stash.get(USER_KEY, None)
    entry = {**record, "rules": rules, "verdict": verdict, "rule_verdicts": judged["rule_verdicts"],
             "nodeid": item.nodeid, "duration_s": round(rep.duration, 3)}
    if person is not None and person.mail_watch:
        entry["mail_watch"] = list(person.mail_watch)
    if person is not None and call.when == "call":
        entry["findings"] = [{**found, "scenario": record["name"]}
                             for found in item.config.stash[AUDIT_KEY].take() + _checked_findings(record, person)]
    if verdict != conformance.PASSED:
        entry["reason"] = reason
        entry["rerun"] = _rerun_command(item, state, profile)
    secrets = _secrets(item, profile)
    if verdict == conformance.FAILED:
        entry["evidence"] = evidence.collect(person, Path(state["report_dir"]), item.name, secrets) \
            if person is not None and "report_dir" in state else {}
        expected = expectations.matching(item.config.stash.get(EXPECTATIONS_KEY, []), entry)
        if expected is not None:
            entry["expected"] = expected.as_dict()
            rep.outcome, rep.wasxfail = "skipped", f"écart connu : {expected.reason}"
    rep.espro_scenario = item.stash[ENTRY_KEY] = conformance.scrub(entry, secrets)


class Recorder:
    """On the controlling process: gathers the scenario records, writes the report, stops services."""

    def __init__(self, config, profile, state):
        self.config = config
        self.profile = profile
        self.state = state
        self.result = None
        self.progress = progress.Progress() if config.get_verbosity() >= 0 else None  # -q: quiet

    def pytest_collection_finish(self, session):
        if self.progress is not None:
            self.progress.expect(item.nodeid for item in session.items)

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node, ids):
        if self.progress is not None:
            self.progress.expect(ids)

    def pytest_runtest_logreport(self, report):
        record = getattr(report, "espro_scenario", None)
        if record is not None:
            self.state["scenarios"].append(record)
            line = self.progress and self.progress.played(
                report.nodeid, record["verdict"] == conformance.FAILED and "expected" not in record)
            if line:
                terminal = self.config.pluginmanager.get_plugin("terminalreporter")
                if terminal._tw.width_of_current_line:  # after pytest's dots, which ensure_newline() misses under xdist
                    terminal.write("\n")
                terminal.write_line(line)

    def _count_late_mail(self, session):
        """Count again what each « no (other) e-mail » check saw, once the mail timeout has passed."""
        pending = late_mail.watches(self.state["scenarios"])
        if not pending:
            return
        reader = _mail_reader(self.profile, self.state)
        late_mail.wait_out(pending, self.profile.timeout("mail"))
        strict = self.config.stash.get(attribution.STRICT_KEY, False)
        failed = late_mail.late(pending, lambda address: len(reader.messages_for(address)), strict)
        for address in {watch["address"] for _, watch in pending}:
            reader.delete_for(address)
        if any("expected" not in scenario for scenario in failed):
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_sessionfinish(self, session):
        self._count_late_mail(session)
        meta = {"target_url": self.profile.target_url, "profile": self.profile.source, "seed": self.state["seed"],
                "strict": self.config.stash.get(attribution.STRICT_KEY, False)}
        outcomes = expectations.outcomes(self.config.stash[EXPECTATIONS_KEY], self.state["scenarios"])
        self.result = conformance.scrub(conformance.build(self.state["scenarios"], meta, outcomes),
                                        self.profile.secrets())
        seen = [found for scenario in self.result["scenarios"] for found in scenario.get("findings", [])]
        self.result["findings"] = findings.section(seen, self.profile.findings_fail_on,
                                                   findings.checked(self.result["scenarios"], catalogue.criteria()))
        if self.result["findings"]["failing"]:
            self.result["gate"] = conformance.FAILED
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if "report_dir" in self.state:
            folder = Path(self.state["report_dir"])
            conformance.write(folder, self.result)
            conformance.write(folder, cucumber.report(self.result), "cucumber.json")
            (folder / "rapport.html").write_text(html_report.render_report(self.result, folder), encoding="utf-8")

    def pytest_terminal_summary(self, terminalreporter):
        if self.result is None:
            return
        counts = {}
        for scenario in self.result["scenarios"]:
            counts[scenario["verdict"]] = counts.get(scenario["verdict"], 0) + 1
        summary = ", ".join(f"{number} {verdict}" for verdict, number in sorted(counts.items())) or "aucun scénario"
        terminalreporter.write_sep("=", f"espro : {self.result['verdict']} ({summary})")
        found = self.result["findings"]
        terminalreporter.write_line("constats au-delà du guide, par référentiel (hors verdict du guide ; axe-core "
                                    "sur chaque page vue)" + (f" ; {found['failing']} au moins "
                                    f"{findings.SEVERITY_FR[found['fail_on']]} : la course échoue (findings.fail_on)"
                                                              if found["failing"] else "") + " :")
        for line in findings.by_standard(found):
            terminalreporter.write_line(f"  {line}")
        advice = {expectations.UNEXPECTED_PASS: "l'écart est corrigé, retirez l'entrée",
                  expectations.NOT_RUN: "aucun de ses scénarios n'a été joué"}
        for outcome in self.result["expectations"]:
            if outcome["outcome"] in advice:
                subject = outcome.get("rule") or outcome.get("scenario")
                terminalreporter.write_line(f"attente sur {subject} : {outcome['outcome']} ({advice[outcome['outcome']]})")
        if "report_dir" in self.state:
            folder = Path(self.state["report_dir"])
            written = ["conformance.json", "cucumber.json", "junit.xml"]
            allure_dir = getattr(self.config.option, "allure_report_dir", None)
            if allure_dir:
                written.append(Path(allure_dir).name if Path(allure_dir).parent == folder else allure_dir)
            terminalreporter.write_line(f"rapport : {folder / 'rapport.html'} (et {', '.join(written)})")

    def pytest_unconfigure(self, config):
        """pytest has written junit.xml by now: the findings join it as a suite of their own."""
        _stop_services(config)
        xml = Path(config.option.xmlpath) if config.option.xmlpath else None
        if self.result is not None and xml is not None and xml.is_file() and self.result["findings"]["items"]:
            junit.add_findings(xml, self.result["findings"])
