"""Lint of the specification: the Gherkin traps that make a scenario vanish or lie silently.

Measured with pytest-bdd 9: two scenarios of one feature with the same name run as one;
an English keyword in a French file is swallowed as text; `Exemple:` is a scenario while
`Exemples:` is a table; a typographic apostrophe never matches a step written with `'`.
"""

import re
from pathlib import Path

from gherkin.errors import CompositeParserException

from espro import gherkin_view
from espro.catalogue import RULE_TAG

LANGUAGE_LINE = "# language: fr"
ENGLISH_KEYWORD = re.compile(
    r"^\s*(Feature|Background|Scenario Outline|Scenario Template|Scenario|Examples|Example|Rule"
    r"|Given|When|Then|And|But)\b"
)
SINGULAR_EXEMPLE = re.compile(r"^\s*Exemple\s*:")
EXTRA_TAGS = {"parcours"}


def scenarios_of(path: Path) -> list[dict]:
    """Every scenario of a feature file, duplicates included, with its tags."""
    return [{"name": scenario.name, "line": scenario.line, "tags": list(scenario.tags)}
            for scenario in gherkin_view.feature(path).scenarios]


def problems_in(path: Path, known_rules: set[str]) -> list[str]:
    """What is wrong with one feature file, one line each, with its place."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    if not lines or lines[0].strip() != LANGUAGE_LINE:
        found.append(f"{path.name}:1: la première ligne doit être « {LANGUAGE_LINE} »")
    for number, line in enumerate(lines, start=1):
        if ENGLISH_KEYWORD.match(line):
            found.append(f"{path.name}:{number}: mot-clé anglais dans un fichier français : {line.strip()}")
        if SINGULAR_EXEMPLE.match(line):
            found.append(f"{path.name}:{number}: « Exemple: » ouvre un scénario ; un tableau s'écrit « Exemples: »")
        if "’" in line:
            found.append(f"{path.name}:{number}: apostrophe typographique ’ : écrivez '")
    try:
        scenarios = scenarios_of(path)
    except CompositeParserException as error:
        return found + [f"{path.name}: Gherkin illisible : {error}"]
    seen = {}
    for scenario in scenarios:
        if scenario["name"] in seen:
            found.append(f"{path.name}:{scenario['line']}: scénario « {scenario['name']} » déjà nommé ainsi "
                         f"ligne {seen[scenario['name']]} : un seul des deux serait joué")
        seen.setdefault(scenario["name"], scenario["line"])
        for tag in scenario["tags"]:
            if RULE_TAG.match(tag) and tag not in known_rules:
                found.append(f"{path.name}:{scenario['line']}: l'étiquette @{tag} ne nomme aucune règle du catalogue")
            elif not RULE_TAG.match(tag) and tag not in EXTRA_TAGS:
                found.append(f"{path.name}:{scenario['line']}: étiquette inconnue @{tag}")
    return found


def uncovered_rules(features: list[Path], rules: dict[str, dict], parts: set[str]) -> list[str]:
    """Rules of `parts` checked by scenario (not out of scope) that no scenario carries."""
    tagged = {tag for path in features for scenario in scenarios_of(path) for tag in scenario["tags"]}
    return [rule_id for rule_id, rule in rules.items()
            if rule["partie"] in parts and rule["verification"] == "scenario" and rule_id not in tagged]
