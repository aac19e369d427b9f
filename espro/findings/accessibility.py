"""Accessibility findings: axe-core on each kind of page the run meets, its rules mapped to the
RGAA criteria (espro/findings/axe_rgaa.yaml); a rule with no RGAA criterion is reported under its
WCAG success criterion."""

from functools import cache
from pathlib import Path

import yaml
from playwright.sync_api import Error as PlaywrightError

from espro.findings import page_label

MAPPING = Path(__file__).with_name("axe_rgaa.yaml")
ELEMENTS_NAMED = 3  # enough to find the problem, few enough to read


@cache
def mapping() -> dict:
    return yaml.safe_load(MAPPING.read_text(encoding="utf-8"))


def findings_of(violation: dict, page: str) -> list[dict]:
    """One finding per RGAA criterion the axe rule relates to (or per WCAG criterion when none)."""
    known = mapping()
    rule = known["rules"].get(violation["id"]) or {}
    elements = [" ".join(map(str, node["target"])) for node in violation["nodes"][:ELEMENTS_NAMED]]
    common = {"check": f"axe:{violation['id']}", "severity": violation.get("impact") or "moderate", "page": page,
              "message": violation["help"], "elements": elements, "help_url": violation.get("helpUrl", "")}
    if rule.get("rgaa"):
        return [{**common, "standard": f"RGAA {known['rgaa']}", "criterion": criterion, "tag": f"rgaa-{criterion}",
                 "title": known["criteres"].get(criterion, rule.get("titre") or "")} for criterion in rule["rgaa"]]
    wcag = rule.get("wcag") or [tag[4:] for tag in violation.get("tags", []) if tag[4:].replace(".", "").isdigit()]
    return [{**common, "standard": "WCAG 2.2", "criterion": criterion, "tag": f"wcag-{criterion}",
             "title": violation["description"]} for criterion in wcag or ["?"]]


class AccessibilityAudit:
    """One per browser process: audits each kind of page (path and title) once, and keeps what it
    found until the runner takes it for the scenario that met the page."""

    def __init__(self):
        self._seen: set[tuple[str, str]] = set()
        self._found: list[dict] = []

    def visit(self, web_page) -> None:
        """Called by the browser driver after each page load. A page that changes under the audit
        (a redirection, a script) is left for another visit: an audit never fails a step."""
        try:
            kind = web_page.kind()
            if kind in self._seen:
                return
            violations = web_page.accessibility_violations(mapping()["etiquettes_axe"])
        except PlaywrightError:
            return
        self._seen.add(kind)
        page = page_label(kind)
        self._found += [finding for violation in violations for finding in findings_of(violation, page)]

    def take(self) -> list[dict]:
        found, self._found = self._found, []
        return found
