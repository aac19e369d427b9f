"""The rule catalogue (features/regles.yaml): every rule of the guide, by stable id."""

import re
from functools import cache

import yaml

from espro import FEATURES_DIR

CATALOGUE = FEATURES_DIR / "regles.yaml"
RULE_TAG = re.compile(r"^[A-Z]+-[0-9]{2}$")
EXIGENCE, RECOMMANDATION = "exigence", "recommandation"


@cache
def rules() -> dict[str, dict]:
    """The rules by id, in the catalogue's order."""
    data = yaml.load(CATALOGUE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {rule["id"]: rule for rule in data["regles"]}


def rule_ids(tags) -> list[str]:
    """The tags that name a rule."""
    return sorted(tag for tag in tags if RULE_TAG.match(tag))


def force(rule_id: str) -> str:
    """How binding a rule is: EXIGENCE (the guide says it) or RECOMMANDATION (our reading);
    KeyError for an id the catalogue lacks."""
    return rules()[rule_id]["force"]


# The criteria of other standards (features/constats.yaml): scenarios tagged with one (@rgaa-8.4)
# report findings beside the verdict, never a rule's verdict.
FINDINGS_CATALOGUE = FEATURES_DIR / "constats.yaml"
FINDING_TAG = re.compile(r"^(rgaa|wcag|asvs|nist)-[0-9]+(\.[0-9]+)*$")


@cache
def criteria() -> dict[str, dict]:
    """The criteria by tag, in the catalogue's order."""
    return yaml.safe_load(FINDINGS_CATALOGUE.read_text(encoding="utf-8"))["criteres"]


def finding_tags(tags) -> list[str]:
    """The tags that name a criterion of another standard."""
    return sorted(tag for tag in tags if FINDING_TAG.match(tag))
