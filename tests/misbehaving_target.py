"""A target that misbehaves on one route: the reference implementation, except that « Valider »
(`POST /creation/recapitulatif`) answers 500, hangs, closes the connection without a word, or
succeeds while its activation e-mail goes nowhere. Everything else is the reference's.

Served in a thread of the test's own process by `MisbehavingTarget`, which also writes the
profile that describes it; the suite runs against it as against any target.
"""

import secrets
import threading
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink
from werkzeug.serving import WSGIRequestHandler, make_server

from reference_impl import create_app
from tests.support import free_port

ROUTE = ("POST", "/creation/recapitulatif")
MODES = ("500", "hang", "close", "no-mail")


class MisbehavingTarget:
    """The reference on `port`, misbehaving in `mode` on ROUTE; its mail is meant for the suite's
    sink on `mail_port` (in mode « no-mail », it is handed to an SMTP server that drops it)."""

    def __init__(self, mode: str, folder: Path, token: str, hang_s: float = 120):
        if mode not in MODES:
            raise ValueError(f"mode inconnu : {mode} ({', '.join(MODES)})")
        self.port, self.mail_port = free_port(), free_port()
        self._released = threading.Event()  # a hung request ends when the target stops
        self._black_hole = Controller(Sink(), hostname="127.0.0.1", port=free_port()) if mode == "no-mail" else None
        app = create_app({"ESPRO_TEST_MODE": "1", "CONFORMANCE_TOKEN": token, "SECRET_KEY": secrets.token_hex(32),
                          "DATABASE_URL": f"sqlite:///{Path(folder) / 'target.sqlite'}",
                          "ESPRO_MAIL_HOST": "127.0.0.1",
                          "ESPRO_MAIL_PORT": self._black_hole.port if self._black_hole else self.mail_port})
        self._server = make_server("127.0.0.1", self.port, app, threaded=True,
                                   request_handler=self._handler(mode, hang_s))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _handler(self, mode: str, hang_s: float):
        released = self._released

        class Handler(WSGIRequestHandler):
            """Below WSGI, where a server can also say nothing at all."""

            def run_wsgi(self):
                if (self.command, self.path.split("?")[0]) != ROUTE or mode == "no-mail":
                    return super().run_wsgi()
                self.rfile.read(int(self.headers.get("Content-Length") or 0))  # a clean close, not a reset
                self.close_connection = True
                if mode == "500":
                    self.send_error(500)
                elif mode == "hang":
                    released.wait(hang_s)
                # "close", or a hang that ends: the connection closes, not a byte sent

            def log(self, *args):
                pass

        return Handler

    def profile(self, path: Path, timeouts: dict) -> Path:
        """The profile of this target, with `timeouts` (page, mail, hooks), written at `path`."""
        base = f"http://127.0.0.1:{self.port}"
        path.write_text(
            f"target_url: {base}/\n"
            f"hooks: {{url: '{base}/__conformance__', token: '${{CONFORMANCE_TOKEN}}'}}\n"
            f"captcha: {{mode: hook}}\n"
            f"mail: {{kind: smtp, host: 127.0.0.1, port: {self.mail_port}}}\n"
            f"timeouts: {{{', '.join(f'{kind}: {seconds}' for kind, seconds in timeouts.items())}}}\n",
            encoding="utf-8")
        return path

    def __enter__(self) -> "MisbehavingTarget":
        if self._black_hole:
            self._black_hole.start()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
        if self._black_hole:
            self._black_hole.stop()
