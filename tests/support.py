"""Helpers shared by the tests."""

import argparse
import functools
import json
import http.server
import os
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from werkzeug.serving import run_simple

from espro import PROJECT_ROOT


def free_port() -> int:
    """A TCP port nobody listens on right now, on the loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def send(port, to, subject):
    """Send a short message by SMTP to the server on the loopback at `port`."""
    message = EmailMessage()
    message["From"] = "ne-pas-repondre@dgfip.finances.gouv.fr"
    message["To"] = to
    message["Subject"] = subject
    message.set_content("Bonjour,")
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.send_message(message)


def serve_module(module: str, web_port: int, mail_port: int, log, token: str, ready_path: str = "/",
                 cwd: Path = PROJECT_ROOT) -> subprocess.Popen:
    """Start a test target, `python -m <module> --port … --mail-port …` run from `cwd` with the hooks'
    token `token`, and wait until `ready_path` answers (the project stays importable from a copy)."""
    env = {**os.environ, "CONFORMANCE_TOKEN": token,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
    server = subprocess.Popen([sys.executable, "-m", module, "--port", str(web_port), "--mail-port", str(mail_port)],
                              cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(f"http://127.0.0.1:{web_port}{ready_path}", timeout=1)
            return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise AssertionError(f"{module} (depuis {cwd}) n'a pas démarré")


def serve_test_target(create_app, description: str, port: int, mail_port: int, argv=None) -> int:
    """The `__main__` of a test target: `create_app` in test mode until interrupted, its hooks' token
    from CONFORMANCE_TOKEN, its data in a temporary SQLite file that goes with the server."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--mail-host", default="127.0.0.1")
    parser.add_argument("--mail-port", type=int, default=mail_port)
    args = parser.parse_args(argv)
    token = os.environ.get("CONFORMANCE_TOKEN")
    if not token:
        print(f"{parser.prog} : définissez CONFORMANCE_TOKEN (le jeton des crochets)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="espro-target-") as folder:
        app = create_app({"ESPRO_TEST_MODE": "1", "CONFORMANCE_TOKEN": token,
                          "DATABASE_URL": f"sqlite:///{Path(folder) / 'target.sqlite'}",
                          "ESPRO_MAIL_HOST": args.mail_host, "ESPRO_MAIL_PORT": args.mail_port})
        run_simple(args.host, args.port, app, threaded=True)
    return 0


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, *args):
        pass


@contextmanager
def serving_pages(folder: Path, pages: dict[str, str], handler=QuietHandler):
    """`pages` (file name → text) written to `folder` and served on the loopback: the base URL."""
    for name, body in pages.items():
        (folder / name).write_text(body, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


ALLURE = PROJECT_ROOT / "tools" / "node_modules" / ".bin" / "allure"


def allure_report(results: Path, output: Path) -> dict:
    """Allure Report 3 generates its report from the results: its tests by id, retries aside."""
    if not ALLURE.exists():
        pytest.fail("Allure Report absent : lancez « make tools »", pytrace=False)
    done = subprocess.run([str(ALLURE), "generate", str(results), "-o", str(output)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    tests = {path.stem: json.loads(path.read_text(encoding="utf-8"))
             for path in (output / "data" / "test-results").glob("*.json")}
    return {key: test for key, test in tests.items() if not test["isRetry"]}
