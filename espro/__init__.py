"""espro: conformance kit for « Créer un espace professionnel expert ».

PYTEST_DONT_REWRITE: `espro run` imports this package before pytest starts, so pytest must not
try to rewrite it (it would warn, and fail a run made with `-W error`).
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
# Installed from a wheel, the specification lies inside the package (espro/data); in a checkout,
# it is the repository's own folders.
DATA_DIR = PACKAGE_DIR / "data" if (PACKAGE_DIR / "data").is_dir() else PROJECT_ROOT
FEATURES_DIR = DATA_DIR / "features"
SCHEMAS_DIR = DATA_DIR / "schemas"
FIXTURES_DIR = DATA_DIR / "fixtures"
