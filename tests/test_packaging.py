"""`pip install` puts the specification inside the package: `espro` works from any folder."""

import os
import subprocess
import sys
import zipfile

import pytest

from espro import PROJECT_ROOT
from tests.support import free_port


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The project built as a wheel and installed alone into a folder outside the repository."""
    folder = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(folder / "dist"), str(PROJECT_ROOT)], check=True, timeout=300)
    (wheel,) = (folder / "dist").glob("espro-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(folder / "site"), str(wheel)], check=True, timeout=300)
    return wheel, folder


def run_installed(folder, *args, environ=None, timeout=120):
    env = {**os.environ, "PYTHONPATH": str(folder / "site"), **(environ or {})}
    return subprocess.run([sys.executable, "-m", "espro", *args], capture_output=True, text=True,
                          cwd=folder, env=env, timeout=timeout)


def test_the_wheel_holds_features_schemas_and_fixtures(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("espro/data/features/regles.yaml", "espro/data/features/connexion.feature",
                     "espro/data/schemas/profile.schema.json", "espro/data/schemas/report.schema.json",
                     "espro/data/fixtures/profiles/reference.yaml", "espro/run.ini",
                     "espro/templates/rapport.html", "espro/findings/axe_rgaa.yaml", "reference_impl/templates/login.html",
                     "reference_impl/static/app.js", "steps/test_conformance.py"):
        assert expected in names, expected
    assert not any(name.startswith(("tests/", ".venv/")) or "__pycache__" in name for name in names)


def test_spec_renders_outside_the_repository(installed):
    _, folder = installed
    where = subprocess.run([sys.executable, "-c", "import espro; print(espro.FEATURES_DIR)"], capture_output=True,
                           text=True, cwd=folder, env={**os.environ, "PYTHONPATH": str(folder / "site")})
    assert where.stdout.strip() == str(folder / "site" / "espro" / "data" / "features")
    result = run_installed(folder, "spec", "--output", "spec.html")
    assert result.returncode == 0, result.stderr
    assert "IDENT-05" in (folder / "spec.html").read_text(encoding="utf-8")


def test_run_one_scenario_outside_the_repository(installed):
    _, folder = installed
    packaged = folder / "site" / "espro" / "data" / "fixtures" / "profiles" / "reference.yaml"
    web, mail = free_port(), free_port()
    profile = folder / "profile.yaml"
    profile.write_text(packaged.read_text(encoding="utf-8").replace("8000", str(web)).replace("2525", str(mail)),
                       encoding="utf-8")
    node = "steps/test_conformance.py::test_létape_invite_à_accepter_les_conditions_générales"
    result = run_installed(folder, "run", "--profile", str(profile), "--serve-reference", "--report", "rapport",
                           "--scenario", node, environ={"CONFORMANCE_TOKEN": "packaged-token"}, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert str(folder / "site") in result.stdout
    assert (folder / "rapport" / "conformance.json").is_file()
    assert (folder / "rapport" / "cucumber.json").is_file()
