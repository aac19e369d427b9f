"""The second target: the reference implementation's rules, mail, hooks and PDF, rendered by its
own templates and scripts, with its test hooks under another path."""

from pathlib import Path

from flask import Flask
from jinja2 import FileSystemLoader

from reference_impl import create_app as create_reference_app
from reference_impl.extensions import csrf
from reference_impl.hooks import bp as hooks

HERE = Path(__file__).parent
HOOKS_PREFIX = "/essais"


def create_app(overrides: dict) -> Flask:
    """The reference application with every template and static file replaced by this folder's.

    The reference's own loader is dropped, not merely shadowed, so that a page this target forgot
    fails loudly instead of showing the reference's markup. Test mode opens the reference's hooks
    under HOOKS_PREFIX instead of /__conformance__.
    """
    test_mode = str(overrides.get("ESPRO_TEST_MODE", "0")) == "1"
    app = create_reference_app({**overrides, "ESPRO_TEST_MODE": "0"})
    app.jinja_loader = FileSystemLoader(HERE / "templates")
    app.static_folder = str(HERE / "static")
    if test_mode:
        csrf.exempt(hooks)
        app.register_blueprint(hooks, url_prefix=HOOKS_PREFIX)
    return app
