"""Each mutant of the reference implementation breaks one rule; the scenarios tagged with
that rule must catch it: an exigence fails (exit 1, the rule failed in conformance.json); a
recommendation warns (exit 0, the rule a warning) and fails a strict run. A mutant caught because the
target crashed (a 5xx, no answer) proves nothing of the rule: every run must be free of those,
but for a mutant whose broken rule is the crash (`crash: true`)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from espro import PROJECT_ROOT, catalogue
from tests.support import free_port, serve_module

MUTANTS = yaml.safe_load((Path(__file__).parent / "mutants.yaml").read_text(encoding="utf-8"))
VARIANCE_TARGET = Path(__file__).parent / "variance_target"
VARIANCE_MUTANTS = yaml.safe_load((Path(__file__).parent / "variance_mutants.yaml").read_text(encoding="utf-8"))


def mutate(mutant: dict, folder: Path, package: Path = PROJECT_ROOT / "reference_impl") -> Path:
    """A copy of `package` (the reference implementation by default) under `folder`, with the mutant's edits."""
    target = shutil.copytree(package, folder / package.name,
                             ignore=shutil.ignore_patterns("__pycache__", "instance", "*.sqlite"))
    for edit in mutant["edits"]:
        path = target / edit["file"]
        source = path.read_text(encoding="utf-8")
        assert source.count(edit["find"]) == 1, f"{mutant['rule']} : le motif doit figurer une fois dans {edit['file']}"
        path.write_text(source.replace(edit["find"], edit["replace"]), encoding="utf-8")
    return folder


def crashes(report: Path) -> list[str]:
    """The scenarios of a run that failed because the target did not answer as a web server must."""
    scenarios = json.loads((report / "conformance.json").read_text(encoding="utf-8"))["scenarios"]
    return [f"{s['name']} : {s['reason']}" for s in scenarios
            if s.get("reason", "").startswith(("la cible a répondu 5", "la cible n'a pas répondu"))]


def run_against(source: Path, rule: str, folder: Path, strict: bool = False,
                crash: bool = False) -> tuple[int, dict, str]:
    """`espro run -m RULE` against the reference served from `source`: exit code, rule verdicts, output
    (and no scenario failed by a crash of the target, unless `crash` is the broken rule)."""
    folder.mkdir(parents=True, exist_ok=True)
    web, mail = free_port(), free_port()
    profile = folder / "profile.yaml"
    profile.write_text(
        f"target_url: http://127.0.0.1:{web}/\n"
        f"hooks: {{url: 'http://127.0.0.1:{web}/__conformance__', token: mutant-token}}\n"
        f"captcha: {{mode: hook}}\nmail: {{kind: smtp, host: 127.0.0.1, port: {mail}}}\n"
        f"strict: {'true' if strict else 'false'}\n", encoding="utf-8")
    report = folder / "report"
    result = subprocess.run(
        [sys.executable, "-m", "espro", "run", "--profile", str(profile), "--serve-reference",
         "--reference-source", str(source), "--report", str(report), "-m", rule, "-q", "-p", "no:cacheprovider"],
        capture_output=True, text=True, timeout=600, cwd=folder, env=os.environ.copy())
    verdicts = {r["id"]: r["verdict"] for r in json.loads((report / "conformance.json").read_text())["rules"]} \
        if (report / "conformance.json").is_file() else {}
    assert not verdicts or crash or not crashes(report), f"{rule} : la cible a planté\n{crashes(report)}"
    return result.returncode, verdicts, result.stdout[-2000:] + result.stderr[-2000:]


@pytest.mark.parametrize("mutant, package", [(m, PROJECT_ROOT / "reference_impl") for m in MUTANTS]
                         + [(m, VARIANCE_TARGET) for m in VARIANCE_MUTANTS],
                         ids=[f"reference-{m['rule']}" for m in MUTANTS] + [f"variance-{m['rule']}" for m in VARIANCE_MUTANTS])
def test_every_edit_of_a_mutant_still_applies(mutant, package, tmp_path):
    """Checked in a second, not after the whole mutant run: a source change must not silently orphan a mutant."""
    target = mutate(mutant, tmp_path, package) / package.name
    for edit in mutant["edits"]:
        assert edit["replace"] in (target / edit["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m["rule"] for m in MUTANTS])
def test_mutant_is_caught_by_its_rule(mutant, tmp_path):
    source = mutate(mutant, tmp_path / "mutant")
    rule, crash = mutant["rule"], mutant.get("crash", False)
    code, verdicts, output = run_against(source, rule, tmp_path / "run", crash=crash)
    if catalogue.force(rule) == catalogue.EXIGENCE:
        assert (code, verdicts.get(rule)) == (1, "failed"), f"{rule} ({mutant['why']}) : code {code}\n{output}"
        return
    assert (code, verdicts.get(rule)) == (0, "warning"), f"{rule} ({mutant['why']}) : code {code}\n{output}"
    code, verdicts, output = run_against(source, rule, tmp_path / "strict", strict=True, crash=crash)
    assert (code, verdicts.get(rule)) == (1, "failed"), f"{rule} strict ({mutant['why']}) : code {code}\n{output}"


# The variance target's mutants (tests/variance_mutants.yaml): the same rules broken the same way,
# in a target that shares none of the reference's decisions nor pages.

VARIANCE_TOKEN = "variance-mutant-token"


@pytest.mark.parametrize("mutant", VARIANCE_MUTANTS, ids=[m["rule"] for m in VARIANCE_MUTANTS])
def test_variance_mutant_is_caught_by_its_rule(mutant, tmp_path):
    source = mutate(mutant, tmp_path / "mutant", VARIANCE_TARGET)
    web, mail = free_port(), free_port()
    report = tmp_path / "report"
    with open(tmp_path / "server.log", "w") as log:
        server = serve_module("variance_target", web, mail, log, VARIANCE_TOKEN, "/connexion-pro", cwd=source)
        try:
            result = subprocess.run(
                [sys.executable, "-m", "espro", "run", "--profile", str(VARIANCE_TARGET / "profile.yaml"),
                 "--report", str(report), "-m", mutant["rule"], "-q", "-p", "no:cacheprovider"],
                capture_output=True, text=True, timeout=600, cwd=tmp_path,
                env={**os.environ, "CONFORMANCE_TOKEN": VARIANCE_TOKEN, "VARIANCE_TARGET_PORT": str(web),
                     "VARIANCE_TARGET_MAIL_PORT": str(mail)})
        finally:
            server.terminate()
            server.wait(timeout=10)
    assert result.returncode == 1, f"{mutant['rule']} ({mutant['why']}) : code {result.returncode}\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
    verdicts = {rule["id"]: rule["verdict"] for rule in json.loads((report / "conformance.json").read_text())["rules"]}
    assert verdicts.get(mutant["rule"]) == "failed", verdicts
    assert mutant.get("crash") or not crashes(report), f"{mutant['rule']} : la cible a planté\n{crashes(report)}"
