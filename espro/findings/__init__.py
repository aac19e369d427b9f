"""Findings: what the suite notices beyond the guide (RGAA, OWASP ASVS, NIST), kept apart from the
conformance verdict. Each finding names its standard and criterion, a severity, the page it was
seen on and what was seen; a run fails on findings only when its profile asks (`findings.fail_on`).
"""

# axe-core's scale of impact, the mildest first; a finding of unknown impact counts as moderate.
SEVERITIES = ("minor", "moderate", "serious", "critical")
SEVERITY_FR = {"minor": "mineur", "moderate": "modéré", "serious": "sérieux", "critical": "critique"}


def rank(severity: str | None) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else SEVERITIES.index("moderate")


def page_label(kind: tuple[str, str]) -> str:
    """A page as findings name it: its path, and its title if it has one."""
    path, title = kind
    return f"{path} ({title})" if title else path


def merge(items: list[dict]) -> list[dict]:
    """One finding per check, criterion and page, however many scenarios and workers met it; the
    most severe impact wins, and the elements named are the first met."""
    kept: dict[tuple, dict] = {}
    for item in items:
        key = (item["check"], item["criterion"], item["page"])
        if key not in kept or rank(item["severity"]) > rank(kept[key]["severity"]):
            kept[key] = item
    return sorted(kept.values(), key=lambda f: (-rank(f["severity"]), f["standard"], f["criterion"], f["page"]))


def counts(items: list[dict]) -> dict[str, dict[str, int]]:
    """Per standard, how many findings of each severity."""
    table: dict[str, dict[str, int]] = {}
    for item in items:
        by_severity = table.setdefault(item["standard"], {})
        by_severity[item["severity"]] = by_severity.get(item["severity"], 0) + 1
    return table


def fails(item: dict, fail_on: str | None) -> bool:
    """Whether this finding fails the run: at least as severe as the profile's `fail_on`, if any."""
    return fail_on is not None and rank(item["severity"]) >= rank(fail_on)


def failing(items: list[dict], fail_on: str | None) -> list[dict]:
    """The findings that fail the run."""
    return [item for item in items if fails(item, fail_on)]


def checked(scenarios: list[dict], criteria: dict[str, dict]) -> dict[str, list[str]]:
    """Per standard, the criteria that scenarios of the run verified (`criteria`: the catalogue's, by tag)."""
    table: dict[str, set[str]] = {}
    for scenario in scenarios:
        if scenario["verdict"] != "not-verified":
            for tag in scenario.get("criteria", []):
                table.setdefault(criteria[tag]["referentiel"], set()).add(criteria[tag]["critere"])
    return {standard: sorted(found, key=lambda c: [int(part) for part in c.split(".")])
            for standard, found in sorted(table.items())}


def section(items: list[dict], fail_on: str | None, verified: dict[str, list[str]] | None = None) -> dict:
    """The reports' findings section: the findings, their counts, the criteria verified per standard
    (beside axe-core's audit of every page), and what they do to the gate."""
    merged = merge(items)
    return {"fail_on": fail_on, "counts": counts(merged), "checked": verified or {},
            "failing": len(failing(merged, fail_on)), "items": merged}


def by_standard(section_: dict) -> list[str]:
    """The terminal's lines, one per standard met or verified: its count by severity, or none."""
    lines = []
    for standard in sorted(set(section_["counts"]) | set(section_["checked"])):
        by_severity = section_["counts"].get(standard, {})
        detail = ", ".join(f"{by_severity[s]} {SEVERITY_FR[s]}" for s in reversed(SEVERITIES) if s in by_severity)
        found = f"{sum(by_severity.values())} ({detail})" if by_severity else "aucun constat"
        verified = section_["checked"].get(standard)
        lines.append(f"{standard} : {found}" + (f" ; critères vérifiés par scénario : {', '.join(verified)}"
                                                 if verified else ""))
    return lines or ["aucun constat"]
