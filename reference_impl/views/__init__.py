"""Blueprints, one per part of the procedure."""
