"""Collects every feature of the specification as pytest tests."""

from pytest_bdd import scenarios

from espro import FEATURES_DIR

scenarios(str(FEATURES_DIR))
