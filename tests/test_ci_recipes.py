"""QA teams copy the CI recipes of docs/ci/ as they are: each must run espro with options espro
has, gate on its exit code, keep the reports and never expose the hooks' token."""

import contextlib
import io
import re
import shlex
from dataclasses import dataclass
from pathlib import PurePosixPath

import pytest
import yaml

from espro import PROJECT_ROOT, expectations
from espro import profile as profiles
from espro.cli import parser

CI_DIR = PROJECT_ROOT / "docs" / "ci"
RECIPES = {"gitlab": "gitlab-ci.yml", "github": "github-actions.yml"}
PROFILE_EXAMPLE = CI_DIR / "profil-recette.yaml"
TOKEN = "CONFORMANCE_TOKEN"
GITHUB_SECRET = "${{ secrets.CONFORMANCE_TOKEN }}"
REPORT_FILES = ("rapport.html", "junit.xml", "conformance.json", "evidence", "allure-results")
SEPARATORS = {"&&", "||", ";", "|", "&"}
SWALLOWING = {"||", "|", "&"}  # what follows a command and hides its exit code from the shell's -e
SAMPLE_ENV = {"STAGING_URL": "https://recette.exemple.fr",
              "STAGING_MAILPIT_URL": "https://mailpit.recette.exemple.fr", TOKEN: "jeton-de-test"}


def as_list(value) -> list:
    """GitLab takes one string where it takes a list of them."""
    return [value] if isinstance(value, str) else list(value or [])


def commands(script: str) -> list[tuple[list[str], str]]:
    """The simple commands of a shell script, each with the operator that follows it ("" at the
    end of a line): `\\` continuations joined, comments dropped."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        current = []
        for token in lexer:
            if token in SEPARATORS:
                found.append((current, token))
                current = []
            else:
                current.append(token)
        if current:
            found.append((current, ""))
    return found


def is_espro(argv: list[str]) -> bool:
    return bool(argv) and PurePosixPath(argv[0]).name == "espro"


@dataclass
class Script:
    where: str
    text: str
    allows_failure: object  # the CI service's own « let it fail » for this script (allow_failure, continue-on-error)


@dataclass
class EsproCommand:
    where: str
    argv: list[str]
    followed_by: str


class Recipe:
    """One recipe as its CI service reads it."""

    def __init__(self, kind: str, text: str):
        self.kind = kind
        self.document = yaml.safe_load(text)

    def gitlab_jobs(self) -> dict:
        return {name: job for name, job in self.document.items() if isinstance(job, dict) and "script" in job}

    def github_steps(self):
        for job_name, job in self.document["jobs"].items():
            for index, step in enumerate(job.get("steps", [])):
                yield f"jobs.{job_name}.steps[{step.get('name', index)}]", job, step

    def scripts(self) -> list[Script]:
        if self.kind == "github":
            return [Script(where, step["run"], step.get("continue-on-error") or job.get("continue-on-error"))
                    for where, job, step in self.github_steps() if "run" in step]
        found = []
        for name, job in self.gitlab_jobs().items():
            for key in ("before_script", "script", "after_script"):
                found += [Script(f"{name}.{key}", line, job.get("allow_failure")) for line in as_list(job.get(key))]
        return found

    def espro_commands(self) -> list[EsproCommand]:
        return [EsproCommand(script.where, argv[1:], operator)
                for script in self.scripts() for argv, operator in commands(script.text)
                if is_espro(argv)]

    def uploads(self) -> list[tuple[list[str], bool]]:
        """What the recipe keeps as artifacts, and whether it keeps it when the job fails."""
        if self.kind == "github":
            return [(step.get("with", {}).get("path", "").split(), "always()" in str(step.get("if", "")))
                    for _, _, step in self.github_steps()
                    if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
        return [(job["artifacts"].get("paths", []), job["artifacts"].get("when") == "always")
                for job in self.gitlab_jobs().values() if "artifacts" in job]


def parse(argv: list[str]):
    """espro's own parser on `argv`: (namespace, "") or (None, what espro would say)."""
    try:
        with contextlib.redirect_stderr(io.StringIO()) as said:
            namespace, rest = parser().parse_known_args(argv)
    except SystemExit:
        return None, said.getvalue().strip().splitlines()[-1]
    return (namespace, "") if not rest else (None, f"options inconnues d'espro : {shlex.join(rest)}")


def parsed(recipe: Recipe) -> list:
    return [namespace for namespace, _ in (parse(command.argv) for command in recipe.espro_commands()) if namespace]


def check_options(recipe: Recipe) -> list[str]:
    """Every espro command parses with espro's own parser, nothing left over: an option espro does
    not have stops the job with exit 2, or after `run` reaches pytest as if it were pytest's."""
    found = [f"{command.where} : espro {shlex.join(command.argv)} : {problem}"
             for command in recipe.espro_commands() for _, problem in [parse(command.argv)] if problem]
    return found or ([] if recipe.espro_commands() else ["aucune commande espro"])


def check_doctor_then_run(recipe: Recipe) -> list[str]:
    """`doctor` checks the target before `run`, on the same profile: its table says what a run
    would only show as exit 2."""
    namespaces = parsed(recipe)
    names = [namespace.command for namespace in namespaces]
    found = [] if "doctor" in names and "run" in names and names.index("doctor") < names.index("run") \
        else [f"il faut espro doctor puis espro run, la recette lance : {', '.join(names) or 'rien'}"]
    used = sorted({namespace.profile for namespace in namespaces if namespace.command in ("doctor", "run")})
    return found + ([f"doctor et run doivent lire le même profil, pas {' et '.join(used)}"] if len(used) > 1 else [])


def check_artifacts(recipe: Recipe) -> list[str]:
    """The job keeps the run's reports even when it fails, which is when they are read; GitLab
    also reads its JUnit file for the pipeline's « Tests » tab."""
    reports = [namespace.report for namespace in parsed(recipe) if namespace.command == "run"]
    kept = [PurePosixPath(path) for paths, always in recipe.uploads() if always for path in paths]
    found = [f"{wanted} n'est pas gardé quand le job échoue"
             for report in reports for wanted in (PurePosixPath(report, name) for name in REPORT_FILES)
             if not any(path == wanted or path in wanted.parents for path in kept)]
    if recipe.kind == "gitlab":
        read = [path for job in recipe.gitlab_jobs().values()
                for path in as_list(job.get("artifacts", {}).get("reports", {}).get("junit"))]
        found += [f"artifacts:reports:junit ne lit pas {report}/junit.xml" for report in reports
                  if str(PurePosixPath(report, "junit.xml")) not in read]
    return found + (["aucun espro run"] if not reports else [])


def check_token(recipe: Recipe) -> list[str]:
    """The hooks' token comes from the CI service's masked secret, never from the file, and no
    script touches it (espro reads it through the profile): in a log or a repository it opens
    the staging site's hooks to anyone."""
    found = [f"{script.where} se sert de {TOKEN}" for script in recipe.scripts() if TOKEN in script.text]
    if recipe.kind == "gitlab":
        holders = [("variables", recipe.document)]
        holders += [(f"{name}.variables", job) for name, job in recipe.gitlab_jobs().items()]
        return found + [f"{where} définit {TOKEN} : c'est une variable CI/CD masquée"
                        for where, holder in holders if TOKEN in (holder.get("variables") or {})]
    envs = [("env", recipe.document.get("env"))]
    envs += [(f"jobs.{name}.env", job.get("env")) for name, job in recipe.document["jobs"].items()]
    envs += [(f"{where}.env", step.get("env")) for where, _, step in recipe.github_steps()]
    given = [(where, env[TOKEN]) for where, env in envs if env and TOKEN in env]
    return found + [f"{where} : {TOKEN} doit valoir {GITHUB_SECRET}" for where, value in given if value != GITHUB_SECRET] \
        + ([] if given else [f"{TOKEN} n'est passé à aucune étape"])


def check_gate(recipe: Recipe) -> list[str]:
    """Nothing swallows espro's exit code (0 conformant, 1 a rule violated, 2 no run): it is the
    gate, and a job that passes anyway says a non-conformant target conforms."""
    found = [f"{command.where} : « {command.followed_by} » après espro {shlex.join(command.argv)} cache son code de sortie"
             for command in recipe.espro_commands() if command.followed_by in SWALLOWING]
    flag = "continue-on-error" if recipe.kind == "github" else "allow_failure"
    return found + [f"{script.where} : {flag} laisse passer un échec d'espro" for script in recipe.scripts()
                    if script.allows_failure and any(is_espro(argv) for argv, _ in commands(script.text))]


def check_pip_cache(recipe: Recipe) -> list[str]:
    """setup-python's pip cache hashes a dependency file; a QA team's repository holds only its
    profile, so without `cache-dependency-path` the step fails before espro is installed."""
    steps = recipe.github_steps() if recipe.kind == "github" else []
    return [f"{where} : cache sans cache-dependency-path" for where, _, step in steps
            if str(step.get("uses", "")).startswith("actions/setup-python") and "cache" in step.get("with", {})
            and "cache-dependency-path" not in step.get("with", {})]


CHECKS = [check_options, check_doctor_then_run, check_artifacts, check_token, check_gate, check_pip_cache]


def recipe(kind: str, mutation=None) -> Recipe:
    text = (CI_DIR / RECIPES[kind]).read_text(encoding="utf-8")
    if mutation:
        text, count = re.subn(*mutation, text)
        assert count, f"la mutation {mutation[0]!r} ne s'applique plus à {RECIPES[kind]}"
    return Recipe(kind, text)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
@pytest.mark.parametrize("kind", RECIPES)
def test_recipe(kind, check):
    assert check(recipe(kind)) == []


# Each mutant is a mistake a team could make in a recipe; the check must name it.
MUTANTS = [
    ("gitlab", check_options, (r"--report ", "--rapport "), "options inconnues d'espro : --rapport"),
    ("github", check_options, (r"--report ", "--rapport "), "options inconnues d'espro : --rapport"),
    ("github", check_options, (r"(espro doctor --profile \S+)", r"\1 --report r"), "options inconnues d'espro : --report r"),
    ("gitlab", check_options, (r"espro run --profile \S+ ", "espro run "), "--profile"),
    ("gitlab", check_doctor_then_run, (r"espro doctor --profile \S+", "espro doctor --profile conformite/autre.yaml"),
     "conformite/autre.yaml"),
    ("github", check_doctor_then_run, (r"espro doctor --profile \S+", "python --version"), "il faut espro doctor"),
    ("gitlab", check_artifacts, (r".*allure-results.*\n", ""), "rapport-conformite/allure-results n'est pas gardé"),
    ("github", check_artifacts, (r".*allure-results.*\n", ""), "rapport-conformite/allure-results n'est pas gardé"),
    ("gitlab", check_artifacts, (r"when: always", "when: on_success"), "rapport-conformite/rapport.html n'est pas gardé"),
    ("github", check_artifacts, (r"if: always\(\)", "if: success()"), "rapport-conformite/junit.xml n'est pas gardé"),
    ("gitlab", check_artifacts, (r"junit: \S+", "junit: autre/junit.xml"), "ne lit pas rapport-conformite/junit.xml"),
    ("gitlab", check_token, (r"(?m)^variables:\n", 'variables:\n  CONFORMANCE_TOKEN: "s3cret"\n'), "variables définit"),
    ("gitlab", check_token, (r"(?m)^(\s+)- espro doctor", r'\1- echo "$CONFORMANCE_TOKEN"\n\1- espro doctor'),
     "se sert de CONFORMANCE_TOKEN"),
    ("github", check_token, (re.escape(GITHUB_SECRET), "s3cret"), "doit valoir"),
    ("github", check_token, (r"run: espro doctor", "run: echo $CONFORMANCE_TOKEN && espro doctor"),
     "se sert de CONFORMANCE_TOKEN"),
    ("gitlab", check_gate, (r"--report rapport-conformite", "--report rapport-conformite || true"), "« || »"),
    ("github", check_gate, (r"--report rapport-conformite", "--report rapport-conformite | tee course.log"), "« | »"),
    ("gitlab", check_gate, (r"(?m)^(\s+)script:", r"\1allow_failure: true\n\1script:"), "allow_failure"),
    ("github", check_gate, (r"(?m)^(\s+)run: espro run", r"\1continue-on-error: true\n\1run: espro run"),
     "continue-on-error"),
    ("github", check_pip_cache, (r'(?m)^(\s+)python-version: "3.11"', r'\1python-version: "3.11"\n\1cache: pip'),
     "cache sans cache-dependency-path"),
]


@pytest.mark.parametrize("kind, check, mutation, expected", MUTANTS,
                         ids=[f"{kind}-{check.__name__}-{index}" for index, (kind, check, _, _) in enumerate(MUTANTS)])
def test_mistake_is_reported(kind, check, mutation, expected):
    found = check(recipe(kind, mutation))
    assert any(expected in problem for problem in found), found


def test_commands_join_continuations_and_stop_at_operators():
    """A `\\` continuation makes one command and an operator ends one: the checks see each espro
    command whole, with what follows it."""
    script = "pip install x && espro run \\\n  --profile p.yaml --report r || true  # note\necho fin\n"
    assert commands(script) == [(["pip", "install", "x"], "&&"),
                                (["espro", "run", "--profile", "p.yaml", "--report", "r"], "||"),
                                (["true"], ""), (["echo", "fin"], "")]


def test_profile_example_loads_as_espro_loads_it():
    """docs/ci/profil-recette.yaml goes through espro's own loading (${NAME} substituted, then
    schemas/profile.schema.json), its token comes from the environment, not the file, and its
    known deviations file (docs/ci/ecarts-connus.yaml) loads as the gate reads it."""
    loaded = profiles.load(PROFILE_EXAMPLE, environ=SAMPLE_ENV)
    assert loaded.hooks_token == SAMPLE_ENV[TOKEN]
    assert loaded.target_url.startswith(SAMPLE_ENV["STAGING_URL"])
    assert loaded.expectations == str(CI_DIR / "ecarts-connus.yaml")
    assert expectations.load(loaded.expectations) == []


def test_github_passes_every_variable_the_profile_reads():
    """A ${NAME} the job does not set stops the run with exit 2 (« variable non définie »)."""
    document = recipe("github").document
    given = {name for job in document["jobs"].values() for name in job.get("env", {})} | set(document.get("env", {}))
    values = yaml.safe_dump(yaml.safe_load(PROFILE_EXAMPLE.read_text(encoding="utf-8")))  # its values, not its comments
    needed = set(profiles.ENV_REFERENCE.findall(values))
    assert needed and needed <= given, needed - given
