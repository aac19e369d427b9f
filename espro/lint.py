"""Lint of the specification: the Gherkin traps that make a scenario vanish or lie silently.

Measured with pytest-bdd 9: two scenarios of one feature with the same name run as one;
an English keyword in a French file is swallowed as text; `Exemple:` is a scenario while
`Exemples:` is a table; a typographic apostrophe never matches a step written with `'`.
"""

import re
from pathlib import Path

from gherkin.errors import CompositeParserException
from gherkin.parser import Parser

from espro import catalogue, gherkin_view
from espro.catalogue import RULE_TAG

LANGUAGE_LINE = "# language: fr"
ENGLISH_KEYWORD = re.compile(
    r"^\s*(Feature|Background|Scenario Outline|Scenario Template|Scenario|Examples|Example|Rule"
    r"|Given|When|Then|And|But)\b"
)
SINGULAR_EXEMPLE = re.compile(r"^\s*Exemple\s*:")
EXTRA_TAGS = {"parcours"}
# `# vérifie : PDF-04, PDF-05` right above a step: the rules that step checks (gherkin_view.CHECKS).
ANNOTATION = re.compile(r"^\s*#\s*vérifie\s*:\s*[A-Z]+-[0-9]{2}(\s*,\s*[A-Z]+-[0-9]{2})*\s*$")
# Anything that looks like one, so that a misspelt annotation is refused, not ignored.
LIKE_ANNOTATION = re.compile(r"^\s*#\s*v[ée]rifi", re.IGNORECASE)


def scenarios_of(path: Path) -> list[dict]:
    """Every scenario of a feature file, duplicates included, with its tags."""
    return [{"name": scenario.name, "line": scenario.line, "tags": list(scenario.tags)}
            for scenario in gherkin_view.feature(path).scenarios]


def problems_in(path: Path, known_rules: set[str], forces: dict[str, str | None] | None = None) -> list[str]:
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
            elif catalogue.FINDING_TAG.match(tag) and tag not in catalogue.criteria():
                found.append(f"{path.name}:{scenario['line']}: l'étiquette @{tag} ne nomme aucun critère de "
                             f"features/constats.yaml")
            elif not RULE_TAG.match(tag) and not catalogue.FINDING_TAG.match(tag) and tag not in EXTRA_TAGS:
                found.append(f"{path.name}:{scenario['line']}: étiquette inconnue @{tag}")
        if catalogue.rule_ids(scenario["tags"]) and catalogue.finding_tags(scenario["tags"]):
            found.append(f"{path.name}:{scenario['line']}: scénario « {scenario['name']} » : une règle du guide et "
                         f"un critère d'un autre référentiel ; un scénario vérifie l'un ou l'autre")
    if forces is None:
        forces = {rule_id: rule.get("force") for rule_id, rule in catalogue.rules().items()}
    return found + annotation_problems(path, forces)


def _tags(node) -> tuple[str, ...]:
    return tuple(tag["name"].lstrip("@") for tag in node.get("tags", []))


def _instances(node, tags: tuple[str, ...]):
    """Each scenario node with the tags of each of its instances: one per `Exemples:` block
    (feature, rule and scenario tags plus the block's own), or one for a plain scenario."""
    for child in node.get("children", []):
        if "rule" in child:
            yield from _instances(child["rule"], tags + _tags(child["rule"]))
        elif "scenario" in child:
            scenario = child["scenario"]
            own = tags + _tags(scenario)
            yield scenario, [own + _tags(block) for block in scenario.get("examples", [])] or [own]


def annotation_problems(path: Path, forces: dict[str, str | None]) -> list[str]:
    """The `# vérifie :` annotations, which say which step checks which rule (gherkin_view.attribution).

    A scenario instance with two rule tags or more needs them; an annotation sits right above
    a step of a scenario, names only rules the scenario (its feature, its `Exemples:` blocks)
    is tagged with, does not mix forces (exigence, recommandation), and together the
    annotations of a scenario name every rule it is tagged with."""
    document = Parser().parse(path.read_text(encoding="utf-8"))
    node = document.get("feature") or {}
    scenarios = list(_instances(node, _tags(node)))
    step_lines = {step["location"]["line"] for scenario, _ in scenarios for step in scenario["steps"]}
    found, annotations = [], {}
    for comment in document.get("comments", []):
        line, text = comment["location"]["line"], comment["text"].strip()
        if not LIKE_ANNOTATION.match(text):
            continue
        if not ANNOTATION.match(text):
            found.append(f"{path.name}:{line}: annotation mal écrite « {text} » : écrivez « # vérifie : PDF-04, PDF-05 »")
        elif line + 1 not in step_lines:
            found.append(f"{path.name}:{line}: « {text} » doit être juste au-dessus d'une étape de scénario")
        else:
            rules = tuple(re.findall(r"[A-Z]+-[0-9]{2}", text))
            annotations[line + 1] = (line, rules)
            by_force = {}
            for rule in rules:
                if forces.get(rule):
                    by_force.setdefault(forces[rule], []).append(rule)
            if len(by_force) > 1:
                mixed = " ; ".join(f"{force} : {', '.join(ids)}" for force, ids in sorted(by_force.items()))
                found.append(f"{path.name}:{line}: « {text} » mêle des règles de forces différentes ({mixed}) : "
                             "une annotation par force, sur des étapes distinctes")
    for scenario, instances in scenarios:
        where, name = f"{path.name}:{scenario['location']['line']}", scenario["name"]
        tagged = sorted({tag for tags in instances for tag in tags if RULE_TAG.match(tag)})
        named = [annotations[step["location"]["line"]] for step in scenario["steps"]
                 if step["location"]["line"] in annotations]
        if not named:
            crowded = max((sorted({tag for tag in tags if RULE_TAG.match(tag)}) for tags in instances), key=len)
            if len(crowded) >= 2:
                found.append(f"{where}: scénario « {name} » : {len(crowded)} règles ({', '.join(crowded)}) sans "
                             "« # vérifie : » ; dites au-dessus de quelle étape chacune est vérifiée")
            continue
        for line, rules in named:
            found += [f"{path.name}:{line}: « # vérifie » nomme {rule}, dont le scénario « {name} » "
                      f"ne porte pas l'étiquette" for rule in rules if rule not in tagged]
        every = {rule for _, rules in named for rule in rules}
        found += [f"{where}: scénario « {name} » : la règle @{rule} n'est nommée par aucun « # vérifie : »"
                  for rule in tagged if rule not in every]
    return found


def uncovered_rules(features: list[Path], rules: dict[str, dict], parts: set[str]) -> list[str]:
    """Rules of `parts` checked by scenario (not out of scope) that no scenario carries."""
    tagged = {tag for path in features for scenario in scenarios_of(path) for tag in scenario["tags"]}
    return [rule_id for rule_id, rule in rules.items()
            if rule["partie"] in parts and rule["verification"] == "scenario" and rule_id not in tagged]
