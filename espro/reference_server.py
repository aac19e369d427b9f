"""Start the bundled reference implementation for a run (`--serve-reference`).

`source` names another folder holding a `reference_impl` package (a mutant, for instance)
to serve instead of the bundled one.

It is started as any operator would start it (`espro serve`), from what the profile says;
the suite still reaches it only through the profile.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from espro.errors import RunError


STOP_TIMEOUT_S = 10


class ReferenceServer:
    def __init__(self, profile, source: str | None = None, startup_timeout_s: float = 30):
        self.profile = profile
        self.source = source
        self.startup_timeout_s = startup_timeout_s
        self._workdir = tempfile.TemporaryDirectory(prefix="espro-reference-")
        self._process = None
        self._log = None

    def command(self) -> list[str]:
        url = urlsplit(self.profile.target_url)
        mail = self.profile.mail
        command = [sys.executable, "-m", "espro", "serve", "--host", url.hostname, "--port", str(url.port or 80),
                   "--database-url", f"sqlite:///{Path(self._workdir.name) / 'reference.sqlite'}"]
        if mail["kind"] == "smtp":
            command += ["--mail-host", mail["host"], "--mail-port", str(mail["port"])]
        if self.profile.hooks_token:
            command += ["--test-mode"]
        return command

    def start(self) -> None:
        environment = {"CONFORMANCE_TOKEN": self.profile.hooks_token or ""}
        if self.source:
            environment["PYTHONPATH"] = os.pathsep.join(filter(None, [self.source, os.environ.get("PYTHONPATH")]))
        self._log = log = open(Path(self._workdir.name) / "server.log", "w+b")
        self._process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                         env={**os.environ, **environment}, cwd=self.source or self._workdir.name)
        deadline = time.monotonic() + self.startup_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                log.seek(0)
                tail = log.read().decode(errors="replace").strip().splitlines()[-1:] or ["(rien)"]
                raise RunError(f"l'implémentation de référence s'est arrêtée au démarrage : {tail[0]}")
            try:
                httpx.get(self.profile.target_url, timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RunError(f"l'implémentation de référence ne répond pas sur {self.profile.target_url} après {self.startup_timeout_s:g} s")

    def stop(self) -> None:
        """Stop the server, gracefully if it does within STOP_TIMEOUT_S (gunicorn gives its workers
        5 s), else killed; either way waited for, so that no process outlives the run."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._log is not None:
            self._log.close()
        self._workdir.cleanup()
