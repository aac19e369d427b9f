"""Each mutant of the reference implementation breaks one rule; the scenarios tagged with
that rule must catch it (exit 1, the rule failed in conformance.json)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from espro import PROJECT_ROOT
from tests.support import free_port

MUTANTS = yaml.safe_load((Path(__file__).parent / "mutants.yaml").read_text(encoding="utf-8"))


def mutate(mutant: dict, folder: Path) -> Path:
    target = shutil.copytree(PROJECT_ROOT / "reference_impl", folder / "reference_impl",
                             ignore=shutil.ignore_patterns("__pycache__", "instance"))
    for edit in mutant["edits"]:
        path = target / edit["file"]
        source = path.read_text(encoding="utf-8")
        assert source.count(edit["find"]) == 1, f"{mutant['rule']} : le motif doit figurer une fois dans {edit['file']}"
        path.write_text(source.replace(edit["find"], edit["replace"]), encoding="utf-8")
    return folder


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m["rule"] for m in MUTANTS])
def test_mutant_is_caught_by_its_rule(mutant, tmp_path):
    source = mutate(mutant, tmp_path / "mutant")
    web, mail = free_port(), free_port()
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        f"target_url: http://127.0.0.1:{web}/\n"
        f"hooks: {{url: 'http://127.0.0.1:{web}/__conformance__', token: mutant-token}}\n"
        f"captcha: {{mode: hook}}\nmail: {{kind: smtp, host: 127.0.0.1, port: {mail}}}\n", encoding="utf-8")
    report = tmp_path / "report"
    result = subprocess.run(
        [sys.executable, "-m", "espro", "run", "--profile", str(profile), "--serve-reference",
         "--reference-source", str(source), "--report", str(report), "-m", mutant["rule"], "-q", "-p", "no:cacheprovider"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path, env=os.environ.copy())
    assert result.returncode == 1, f"{mutant['rule']} ({mutant['why']}) : code {result.returncode}\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
    verdicts = {rule["id"]: rule["verdict"] for rule in json.loads((report / "conformance.json").read_text())["rules"]}
    assert verdicts.get(mutant["rule"]) == "failed", verdicts
