"""Load a target profile (contract §5): substitute ${ENV}, validate, expose typed values."""

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import httpx
import jsonschema
import yaml

from espro import schemas
from espro.errors import RunError

ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
ALL_HOOKS = ("captcha", "clock", "certificate-spaces")


@dataclass(frozen=True)
class Profile:
    """What the suite knows of a target, and nothing more."""

    target_url: str
    captcha: dict
    mail: dict
    hooks_url: str | None = None
    hooks_token: str | None = None
    hooks_available: tuple[str, ...] = ()
    timeouts: dict = field(default_factory=dict)
    locators: dict = field(default_factory=dict)
    expectations: str | None = None
    strict: bool = False
    preparation: str = "http"
    findings_fail_on: str | None = None  # the mildest severity of finding that fails the run, if any
    throttling_probe: bool = False  # whether the suite may send a hundred wrong passwords (findings)
    source: str = ""

    def has_hook(self, name: str) -> bool:
        return name in self.hooks_available

    def timeout(self, kind: str) -> float:
        return float(self.timeouts.get(kind, {"page": 10, "mail": 15, "hooks": 10}[kind]))

    def secrets(self) -> list[str]:
        """Values that must never appear in a report or in evidence."""
        return [s for s in (self.hooks_token,) if s]

    def url(self, path: str) -> str:
        return urljoin(self.target_url, path)


def _substitute(value, environ):
    """Replace each ${NAME} by the variable's text (a port may come as text: the schema allows it)."""
    if isinstance(value, str):
        def replace(match):
            name = match.group(1)
            if name not in environ:
                raise RunError(f"profil : la variable d'environnement {name} n'est pas définie")
            return environ[name]
        return ENV_REFERENCE.sub(replace, value)
    if isinstance(value, dict):
        return {key: _substitute(item, environ) for key, item in value.items()}
    if isinstance(value, list):
        return [_substitute(item, environ) for item in value]
    return value


def _describe(error: jsonschema.ValidationError) -> str:
    """One line naming the offending key, as a person would want it."""
    where = "/".join(str(part) for part in error.absolute_path) or "la racine du profil"
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - allowed)
        return f"clé inconnue {', '.join(repr(k) for k in unknown)} dans {where} (clés admises : {', '.join(sorted(allowed))})"
    if error.validator == "required":
        return f"{error.message.replace(' is a required property', '')} manque dans {where}"
    if error.validator == "oneOf":
        return f"valeur non reconnue pour {where} : {json.dumps(error.instance, ensure_ascii=False)}"
    return f"{where} : {error.message}"


def validate(data) -> None:
    """Raise RunError with one line for the most relevant schema violation."""
    validator = jsonschema.Draft202012Validator(schemas.load("profile.schema.json"))
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise RunError(f"profil invalide : {_describe(error)}")
    for where, url in (("target_url", data["target_url"]), ("hooks/url", (data.get("hooks") or {}).get("url")),
                       ("mail/url", data["mail"].get("url"))):
        check_address(url, f"profil invalide : {where}")


def check_address(url: str | None, where: str) -> None:
    """An address the schema's pattern lets through but no HTTP client can use (a host such as
    256.0.0.1) is one line too, not a traceback at the first request."""
    try:
        httpx.URL(url or "")
    except httpx.InvalidURL as error:
        raise RunError(f"{where} : adresse invalide « {url} » ({error})") from None


def load(path: str | os.PathLike, environ=None) -> Profile:
    """Read, substitute and validate the profile at `path`."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RunError(f"profil introuvable : {path}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (ligne {mark.line + 1})" if mark else ""
        raise RunError(f"profil illisible : {path}{line} n'est pas du YAML valide") from None
    if not isinstance(raw, dict):
        raise RunError(f"profil invalide : {path} doit décrire un objet (target_url, captcha, mail...)")
    data = _substitute(raw, os.environ if environ is None else environ)
    validate(data)
    hooks = data.get("hooks")
    return Profile(
        target_url=data["target_url"],
        captcha=data["captcha"],
        mail={**data["mail"], **({"port": int(data["mail"]["port"])} if "port" in data["mail"] else {})},
        hooks_url=hooks["url"].rstrip("/") if hooks else None,
        hooks_token=hooks["token"] if hooks else None,
        hooks_available=tuple(hooks.get("available", ALL_HOOKS)) if hooks else (),
        timeouts=data.get("timeouts", {}),
        locators=data.get("locators") or {},
        expectations=str(path.parent / data["expectations"]) if data.get("expectations") else None,
        strict=bool(data.get("strict", False)),
        preparation=data.get("preparation", "http"),
        findings_fail_on=(data.get("findings") or {}).get("fail_on"),
        throttling_probe=bool((data.get("findings") or {}).get("throttling_probe", False)),
        source=str(path),
    )
