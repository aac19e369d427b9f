"""The layers (README): the steps speak to `espro.user.User` only, never to the browser driver
behind `user.page`; what a step needs of the page is a method of User, in the person's words."""

import ast
from pathlib import Path

import pytest

from steps import STEP_MODULES

STEPS_DIR = Path(__file__).resolve().parent.parent / "steps"
STEP_FILES = sorted(STEPS_DIR.glob("*.py"))


def page_uses(source: str) -> list[int]:
    """The lines of `source` that reach an attribute named `page`: `user.page.text()`,
    `other_session.page`, `getattr(user, "page")`."""
    lines = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "page":
            lines.add(node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")
              and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and node.args[1].value == "page"):
            lines.add(node.lineno)
    return sorted(lines)


def test_every_step_module_is_checked():
    checked = {f"steps.{path.stem}" for path in STEP_FILES}
    assert set(STEP_MODULES) <= checked, f"modules d'étapes hors du contrôle : {set(STEP_MODULES) - checked}"


@pytest.mark.parametrize("path", STEP_FILES, ids=lambda path: path.name)
def test_steps_do_not_reach_the_browser_driver(path):
    uses = page_uses(path.read_text(encoding="utf-8"))
    assert not uses, (f"steps/{path.name} touche `.page` (lignes {uses}) : une étape parle à User seulement ; "
                      "ajouter à User (espro/tasks.py ou espro/questions.py) la méthode qui lui manque")


@pytest.mark.parametrize("source, lines", [
    ("def shows(user, text):\n    assert text in user.page.text()\n", [2]),
    ("def alert(other_session):\n    return other_session.page.alerts()\n", [2]),
    ("def driver(user):\n    page = user.page\n    return page.html()\n", [2]),
    ("def driver(user):\n    return getattr(user, 'page').html()\n", [2]),
    ("def shows(user, text):\n    assert text in user.page_text()\n", []),
    ("def opens(user):\n    user.open_login_page()\n    page = 'la page'\n", []),
], ids=["call", "other-session", "kept", "getattr", "page-text", "word"])
def test_the_check_sees_a_step_that_reaches_the_page(source, lines):
    assert page_uses(source) == lines
