"""espro: conformance kit for « Créer un espace professionnel expert »."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FEATURES_DIR = PROJECT_ROOT / "features"
SCHEMAS_DIR = PROJECT_ROOT / "schemas"
FIXTURES_DIR = PROJECT_ROOT / "fixtures"
