"""Allure results that tell the suite's verdicts.

allure-pytest-bdd writes one test result per scenario, with its steps. Before it writes one, this
plugin gives it what a QA team reads in Allure: the guide's part (epic), the feature, each rule
(story, with the guide's section), the scenario's verdict (a warning is a passed test with the tag
« avertissement », not verified is skipped with its reason, an unstable target is flaky) and the
failure's evidence. Its hooks run inside allure's own (registered before them), so at teardown
the result is still open.
"""

import functools
from pathlib import Path

import pytest
from allure_commons.model2 import Label, Status, StatusDetails
from allure_commons.types import AttachmentType, LabelType
from allure_commons.utils import uuid4
from allure_pytest_bdd.pytest_bdd_listener import PytestBDDListener
from allure_pytest_bdd.steps import get_step_uuid

from espro import catalogue
from espro import report as conformance

FOLDER = "allure-results"
PLUGIN = "allure_pytest_bdd"  # its entry point's name: `-p no:allure_pytest_bdd` turns it off
PARTS = {"pre-inscription": "1re partie du guide : la pré-inscription",
         "activation": "2e partie du guide : l'activation"}
BEYOND_THE_GUIDE = "Au-delà du guide : accessibilité et sécurité"
SECTION_LABEL = "section du guide"
WARNING_TAG = "avertissement"
UNSTABLE_TAG = "instable"
STATUS = {conformance.PASSED: Status.PASSED, conformance.WARNING: Status.PASSED,
          conformance.FAILED: Status.FAILED, conformance.NOT_VERIFIED: Status.SKIPPED}
# How Allure shows each kind of evidence: a Playwright trace opens in its trace viewer.
KINDS = {".png": (AttachmentType.PNG.mime_type, "png"), ".pdf": (AttachmentType.PDF.mime_type, "pdf"),
         ".zip": ("application/vnd.allure.playwright-trace", "zip"), ".eml": (AttachmentType.TEXT.mime_type, "eml")}
EVIDENCE_NAMES = {"screenshot": "capture d'écran", "trace": "trace Playwright"}


def labels(entry: dict) -> list[Label]:
    """Part of the guide, feature, and for each rule its story and section; a criterion's title."""
    rules = [catalogue.rules()[rule_id] for rule_id in entry["rules"] if rule_id in catalogue.rules()]
    epics = dict.fromkeys(PARTS.get(rule["partie"], rule["partie"]) for rule in rules) or {BEYOND_THE_GUIDE: None}
    found = [Label(LabelType.EPIC, epic) for epic in epics] + [Label(LabelType.FEATURE, entry["feature"])]
    for rule in rules:
        found += [Label(LabelType.STORY, f"{rule['id']} — {rule['titre']}"), Label(SECTION_LABEL, rule["section"])]
    for tag in entry.get("criteria", ()):
        criterion = catalogue.criteria()[tag]
        found.append(Label(LabelType.STORY, f"{criterion['referentiel']} {criterion['critere']} — {criterion['titre']}"))
    if entry["verdict"] == conformance.WARNING:
        found.append(Label(LabelType.TAG, WARNING_TAG))
    if entry.get("instable"):
        found.append(Label(LabelType.TAG, UNSTABLE_TAG))
    return found


def status_details(entry: dict, details: StatusDetails | None) -> StatusDetails | None:
    """The suite's reason in the words of its reports, above allure's trace."""
    trace = details.trace if details else None
    if "expected" in entry:
        return StatusDetails(message=f"écart connu : {entry['expected'].get('reason', '')}", trace=trace)
    if entry["verdict"] == conformance.NOT_VERIFIED:
        return StatusDetails(message=f"non vérifié : {entry.get('reason', '')}", trace=trace)
    if entry["verdict"] == conformance.WARNING:
        warned = [f"{rule} : {outcome.get('reason', '')}" for rule, outcome in entry["rule_verdicts"].items()
                  if outcome["verdict"] == conformance.WARNING]
        return StatusDetails(message="avertissement (recommandation non suivie) : " + " ; ".join(warned))
    if entry["verdict"] == conformance.FAILED:
        return StatusDetails(message=entry.get("reason") or (details.message if details else None), trace=trace,
                             flaky=bool(entry.get("instable")))
    return details


def _scrub(result, secrets: list[str]) -> None:
    """No secret in a test result: its name, messages, traces and parameters, and its steps' (the
    captured output allure attaches is scrubbed in the report it reads)."""
    result.name = conformance.scrub(result.name, secrets)
    if result.statusDetails:
        result.statusDetails.message = conformance.scrub(result.statusDetails.message, secrets)
        result.statusDetails.trace = conformance.scrub(result.statusDetails.trace, secrets)
    for parameter in result.parameters:
        parameter.value = conformance.scrub(parameter.value, secrets)
    for step in result.steps:
        _scrub(step, secrets)


class AllureVerdicts:
    """Registered by the suite's plugin on a run with `--report` (its allure-results, or `--alluredir`'s)."""

    def __init__(self, config, report_dir: Path, shown, secrets_of):
        self.config = config
        self.report_dir = report_dir
        self.shown = shown  # item -> the scenario's record as the suite's report tells it, or None
        self.secrets_of = secrets_of

    @functools.cached_property
    def _listener(self) -> PytestBDDListener:
        """allure's listener, registered after this plugin: found at its first use, then kept."""
        return next(plugin for plugin in self.config.pluginmanager.get_plugins() if isinstance(plugin, PytestBDDListener))

    def pytest_bdd_before_step_call(self, request, feature, scenario, step, step_func, step_func_args):
        """A step's parameters are what its text says: the fixtures it uses (the person...) are not."""
        fixtures = {name for name in step_func_args
                    if name == "request" or request._fixturemanager.getfixturedefs(name, request.node)}
        with self._listener.lifecycle.update_step(uuid=get_step_uuid(step)) as shown:
            if shown is not None:
                shown.parameters = [parameter for parameter in shown.parameters if parameter.name not in fixtures]

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        entry = self.shown(item) if call.when == "teardown" else None
        if entry is None:
            return
        report = outcome.get_result()  # allure attaches its captured output (log, stdout, stderr) next
        report.sections = [(name, conformance.scrub(content, self.secrets_of(item))) for name, content in report.sections]
        listener = self._listener
        uuid = listener.nodeid_to_uuid.get(item.nodeid)
        with listener.lifecycle.update_test_case(uuid=uuid) as result:
            if result is None:
                return
            result.labels.extend(labels(entry))
            result.status = Status.SKIPPED if "expected" in entry else STATUS[entry["verdict"]]
            result.statusDetails = status_details(entry, result.statusDetails)
            _scrub(result, self.secrets_of(item))
        for kind, relative in entry.get("evidence", {}).items():
            path = self.report_dir / relative
            if not kind.endswith("_error") and path.suffix in KINDS:
                mime, extension = KINDS[path.suffix]
                listener.lifecycle.attach_file(uuid4(), str(path), name=EVIDENCE_NAMES.get(kind, kind),
                                               attachment_type=mime, extension=extension, parent_uuid=uuid)
