"""The project's JSON Schemas, and one way to say where a document departs from one."""

import json
from functools import cache

import jsonschema
import yaml

from espro import SCHEMAS_DIR


@cache
def load(name: str) -> dict:
    """A schema by file name; `file#/a/b` is the part of the document at that JSON pointer
    (a schema of the OpenAPI description, say)."""
    file_name, _, pointer = name.partition("#")
    text = (SCHEMAS_DIR / file_name).read_text(encoding="utf-8")
    document = yaml.safe_load(text) if file_name.endswith((".yaml", ".yml")) else json.loads(text)
    for part in filter(None, pointer.split("/")):
        document = document[part]
    return document


def _describe(error: jsonschema.ValidationError, whole: str) -> str:
    where = "/".join(str(part) for part in error.absolute_path) or whole
    if error.validator == "contains" and isinstance(error.validator_value, dict) and "const" in error.validator_value:
        return f"{where} : il manque « {error.validator_value['const']} »"
    return f"{where} : {error.message}"


def problems(instance, name: str, whole: str = "le document") -> list[str]:
    """Where `instance` departs from the schema `name`, one line each (« where : what »)."""
    validator = jsonschema.Draft202012Validator(load(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
    return [_describe(error, whole) for error in errors]


def check(instance, name: str, what: str):
    """`instance` itself, or AssertionError saying where `what` departs from the schema."""
    found = problems(instance, name)
    if found:
        raise AssertionError(f"{what} ne suit pas {name} : {'; '.join(found)} "
                             f"(lu : {json.dumps(instance, ensure_ascii=False)[:2000]})")
    return instance
