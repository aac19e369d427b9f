"""The rule catalogue (features/regles.yaml): every rule of the guide, by stable id."""

import re
from functools import cache

import yaml

from espro import FEATURES_DIR

CATALOGUE = FEATURES_DIR / "regles.yaml"
RULE_TAG = re.compile(r"^[A-Z]+-[0-9]{2}$")


@cache
def rules() -> dict[str, dict]:
    """The rules by id, in the catalogue's order."""
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {rule["id"]: rule for rule in data["regles"]}


def rule_ids(tags) -> list[str]:
    """The tags that name a rule."""
    return sorted(tag for tag in tags if RULE_TAG.match(tag))
