"""Serve the reference implementation as it is meant to run: gunicorn, several workers.

The application is built once in the master (tables, clock row, secret key), then forked; every
state a request may need is in the database or the signed session cookie, so any worker can
answer any request.
"""

from __future__ import annotations

import socket

from gunicorn.app.base import BaseApplication

from . import create_app
from .extensions import db


class CannotListen(Exception):
    """The address is taken or not ours: one line for the person who started the server."""


class _Gunicorn(BaseApplication):
    def __init__(self, app, options: dict):
        self.application, self.options = app, options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def _check_free(host: str, port: int) -> None:
    """gunicorn retries a taken port for 5 s, then logs a traceback-like line: say it at once."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise CannotListen(f"impossible d'écouter sur {host}:{port} ({error.strerror or error})") from None


def serve(host: str, port: int, overrides: dict, workers: int = 3, threads: int = 4) -> None:
    _check_free(host, port)
    app = create_app(overrides)
    with app.app_context():
        db.engine.dispose()  # no connection crosses the fork
    _Gunicorn(app, {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": threads,  # gthread: keeps browsers' connections alive
        "worker_class": "gthread",
        "graceful_timeout": 5,
        "timeout": 60,
        "loglevel": "warning",
    }).run()
