"""The reference implementation as users run it (`espro serve`: gunicorn, several workers), reached
over real HTTP, on SQLite or on the PostgreSQL server that ESPRO_POSTGRES_URL names (`make test`
starts one: tools/postgres.sh)."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from espro import PROJECT_ROOT
from tests.support import free_port

POSTGRES = os.environ.get("ESPRO_POSTGRES_URL")


@contextmanager
def new_database(kind: str, folder: Path):
    """The URL of a new, empty database of this kind, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'served.sqlite'}"
        return
    if not POSTGRES:
        pytest.skip("ESPRO_POSTGRES_URL n'est pas défini : `make test` démarre PostgreSQL (tools/postgres.sh)")
    name = f"espro_{secrets.token_hex(6)}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield POSTGRES.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


class Answer:
    """An httpx response read as the Flask test client's, so that `Visitor` drives both."""

    def __init__(self, response: httpx.Response):
        self.response = response
        self.status_code = response.status_code

    def get_data(self, as_text=False):
        return self.response.text if as_text else self.response.content

    def get_json(self):
        return self.response.json()


class HttpClient:
    """One browser over real HTTP: its own cookies, the Flask test client's calls."""

    def __init__(self, base_url: str):
        self.http = httpx.Client(base_url=base_url, timeout=30)

    def get(self, url, follow_redirects=False, headers=None):
        return Answer(self.http.get(url, follow_redirects=follow_redirects, headers=headers))

    def post(self, url, data=None, json=None, headers=None, follow_redirects=False):
        return Answer(self.http.post(url, data=data, json=json, headers=headers, follow_redirects=follow_redirects))


class Served:
    """A running `espro serve`: its base URL, and the crash a test may cause it."""

    def __init__(self, url: str, process: subprocess.Popen):
        self.url, self.process = url, process

    def kill_hard(self) -> None:
        """SIGKILL to the master and its workers at once, as a crash of the machine would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@contextmanager
def serving(database_url: str, mail_port: int, token: str, folder: Path, port: int | None = None):
    """`espro serve --test-mode` on a free port (or `port`), as users run it, in a process group of its
    own (`Served`). It must end without having written a traceback."""
    port = port or free_port()
    log = open(folder / f"serve-{port}-{time.monotonic_ns()}.log", "w+b")
    server = subprocess.Popen(
        [sys.executable, "-m", "espro", "serve", "--port", str(port), "--test-mode", "--database-url", database_url,
         "--mail-port", str(mail_port)],
        cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "CONFORMANCE_TOKEN": token},
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                httpx.get(base + "/", timeout=1)
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise AssertionError(f"espro serve n'a pas démarré : {log.read().decode()[-2000:]}") from None
                time.sleep(0.2)
        yield Served(base, server)
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=15)
        log.seek(0)
        written = log.read().decode(errors="replace")
        log.close()
    assert "Traceback" not in written, f"le serveur a écrit une trace d'erreur : {written[-3000:]}"
