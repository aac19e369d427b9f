"""The run and the specification as French HTML pages, for product owners.

Each page is one self-contained file (inline CSS, screenshots as data: URIs, no script) so it
opens anywhere, from a mail or an archive; other evidence files are linked, relative to the
report folder. Everything is escaped: reasons and step texts come from the target.
"""

import base64
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from espro import catalogue, findings, gherkin_view
from espro.report import FAILED, NOT_VERIFIED, PASSED, WARNING

TEMPLATES = Path(__file__).parent / "templates"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
NOT_RUN, OUT_OF_SCOPE = gherkin_view.NOT_RUN, "out-of-scope"

OVERALL = {"conformant": "Conforme", "non-conformant": "Non conforme", "incomplete": "Incomplet"}
STATUS = {"passed": "réussi", "failed": "échoué", "warning": "avertissement", "not-verified": "non vérifié",
          "undefined": "non défini",
          NOT_RUN: "non joué", OUT_OF_SCOPE: "hors champ"}
PARTS = {"pre-inscription": "Pré-inscription", "activation": "Activation"}
FORCE = {"exigence": "exigence du guide", "recommandation": "recommandation"}
ORIGIN = {"guide": "le guide", "decision": "notre décision", "contradiction": "contradiction du guide"}
EVIDENCE = {"screenshot": "Capture d'écran", "trace": "Trace du navigateur (playwright show-trace)"}
EXPECTATION = {"failed-as-expected": "échoue comme annoncé", "passed-unexpectedly": "réussit : l'écart est corrigé, retirez l'entrée",
               "not-run": "aucun scénario joué"}

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)
_env.globals.update(OVERALL=OVERALL, STATUS=STATUS, FORCE=FORCE, PARTS=PARTS, ORIGIN=ORIGIN, EXPECTATION=EXPECTATION,
                    SEVERITY=findings.SEVERITY_FR, BY_STANDARD=findings.by_standard)


def _anchor(rule_id: str) -> str:
    return f"regle-{rule_id}"


_env.filters["anchor"] = _anchor


def _evidence(items: dict, report_dir: Path | None) -> list[dict]:
    """Each piece of evidence as shown: a PNG inline, another file as a link, an `*_error` as text."""
    shown = []
    for name, value in items.items():
        label = EVIDENCE.get(name, name)
        if name.endswith("_error"):
            shown.append({"kind": "text", "label": EVIDENCE.get(name.removesuffix("_error"), name), "value": value})
            continue
        path = report_dir / value if report_dir else None
        data = path.read_bytes() if path and path.is_file() else b""
        if data.startswith(PNG_SIGNATURE):
            uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
            shown.append({"kind": "image", "label": label, "value": uri, "file": value})
        else:
            # quote() also turns a "scheme:" into a harmless relative path.
            shown.append({"kind": "link", "label": label, "value": quote(value), "file": value})
    return shown


def _rule_rows(report: dict) -> list[dict]:
    """Every rule of the catalogue, then any the report names that the catalogue lacks, each with
    its status, the indexes of its scenarios, and why (hors-champ, or a scenario's reason)."""
    known = catalogue.rules()
    verdicts = {rule["id"]: rule for rule in report.get("rules", [])}
    unknown = {rule_id: {"id": rule_id, "titre": entry.get("title", ""), "section": entry.get("section", ""),
                         "guide": [], "partie": "", "verification": "scenario"}
               for rule_id, entry in verdicts.items() if rule_id not in known}
    rows = []
    for rule_id, rule in {**known, **unknown}.items():
        entry = verdicts.get(rule_id)
        status = entry["verdict"] if entry else OUT_OF_SCOPE if rule["verification"] == "hors-champ" else NOT_RUN
        scenarios = [i for i, s in enumerate(report["scenarios"]) if rule_id in s.get("rules", [])]
        if status == OUT_OF_SCOPE:
            reason = rule.get("raison")
        else:
            reason = entry.get("reason") if entry else None
        rows.append({"rule": rule, "status": status, "reason": reason, "scenarios": scenarios})
    return rows


def _grouped(items: list, key) -> list[tuple]:
    """(key, items) in the order keys first appear."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())


def render_report(report: dict, report_dir: Path | None = None) -> str:
    """The run for product owners: verdict, rule coverage, and every scenario in Gherkin.

    `report_dir` is where conformance.json lies: screenshots are read from it to be embedded."""
    rows = _rule_rows(report)
    scenarios = [{"index": i, "record": record, "view": gherkin_view.run_scenario(record),
                  "evidence": _evidence(record.get("evidence", {}), report_dir)}
                 for i, record in enumerate(report["scenarios"])]
    features = [(name, gherkin_view.feature_of(items[0]["record"]), items)
                for name, items in _grouped(scenarios, lambda s: s["record"]["feature"])]
    return _env.get_template("rapport.html").render(
        report=report,
        rule_counts={status: sum(row["status"] == status for row in rows) for status in STATUS},
        scenario_counts={status: sum(s["verdict"] == status for s in report["scenarios"])
                         for status in (PASSED, FAILED, WARNING, NOT_VERIFIED)},
        attention=[row for row in rows if row["status"] in (FAILED, NOT_VERIFIED)],
        warnings=[row for row in rows if row["status"] == WARNING],
        parts=_grouped(rows, lambda row: row["rule"]["partie"]),
        features=features,
    )


def render_spec() -> str:
    """The specification alone, no run: rules by part and section, each with its scenarios."""
    features = gherkin_view.features()
    by_rule: dict[str, list] = {}
    untagged, beyond = [], []
    for feature in features:
        for scenario in feature.scenarios:
            rule_ids = catalogue.rule_ids(scenario.tags)
            for rule_id in rule_ids:
                by_rule.setdefault(rule_id, []).append((feature, scenario))
            if catalogue.finding_tags(scenario.tags):
                beyond.append((feature, scenario, [catalogue.criteria()[tag] for tag in catalogue.finding_tags(scenario.tags)]))
            elif not rule_ids:
                untagged.append((feature, scenario))
    rules = list(catalogue.rules().values())
    parts = [(part, _grouped(items, lambda rule: rule["section"]))
             for part, items in _grouped(rules, lambda rule: rule["partie"])]
    return _env.get_template("specification.html").render(
        parts=parts, by_rule=by_rule, untagged=untagged, beyond=beyond, rule_count=len(rules),
        scenario_count=sum(len(feature.scenarios) for feature in features),
        contradictions=[rule for rule in rules if rule["origine"] == "contradiction"],
        decisions=[rule for rule in rules if rule["origine"] == "decision"],
        requirements=sum(rule["force"] == catalogue.EXIGENCE for rule in rules),
    )
