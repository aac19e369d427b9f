"""Mail drivers: the suite's own SMTP sink and the reader that waits for one recipient's mail."""

import time
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox as MaildirHandler

from espro.errors import RunError


class SmtpSink:
    """An SMTP server that keeps every message it receives in a Maildir.

    The Maildir is shared on disk so that every pytest-xdist worker can read it.
    """

    def __init__(self, host: str, port: int, maildir: Path):
        self.maildir = Path(maildir)
        for folder in ("tmp", "new", "cur"):
            (self.maildir / folder).mkdir(parents=True, exist_ok=True)
        self._controller = Controller(MaildirHandler(str(self.maildir)), hostname=host, port=port)

    def start(self) -> None:
        try:
            self._controller.start()
        except (OSError, RuntimeError) as error:
            raise RunError(
                f"le puits SMTP ne peut pas écouter sur {self._controller.hostname}:{self._controller.port} : {error}"
            ) from None

    def stop(self) -> None:
        self._controller.stop()


def recipients(raw: bytes) -> set[str]:
    """Envelope and header recipients of a message, lower-cased."""
    message = message_from_bytes(raw, policy=default_policy)
    found = set()
    for header in ("X-RcptTo", "To", "Cc"):
        for value in message.get_all(header, []):
            found.update(address.strip().lower() for address in str(value).replace(";", ",").split(",") if address.strip())
    return {address.split("<")[-1].rstrip(">").strip() for address in found}


class MaildirReader:
    """Reads the sink's Maildir: the messages sent to one address, in arrival order."""

    def __init__(self, maildir: Path):
        self.maildir = Path(maildir)

    def _files_for(self, address: str) -> list[tuple[Path, bytes]]:
        found = []
        for path in (path for folder in ("new", "cur") for path in (self.maildir / folder).glob("*")):
            try:
                found.append((path.stat().st_mtime_ns, path.name, path, path.read_bytes()))
            except FileNotFoundError:
                continue  # another xdist worker's scenario has just deleted its own message
        return [(path, raw) for _, _, path, raw in sorted(found) if address.lower() in recipients(raw)]

    def messages_for(self, address: str) -> list[bytes]:
        return [raw for _, raw in self._files_for(address)]

    def delete_for(self, address: str) -> None:
        """Forget that recipient's messages once its scenario is over, as the HTTP readers do."""
        for path, _ in self._files_for(address):
            path.unlink(missing_ok=True)


def wait_for(reader, address: str, count: int, timeout_s: float) -> list[bytes]:
    """At least `count` messages for `address`, or a clear failure after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        messages = reader.messages_for(address)
        if len(messages) >= count:
            return messages
        if time.monotonic() >= deadline:
            raise AssertionError(
                f"aucun courriel n°{count} reçu pour {address} en {timeout_s:g} s ({len(messages)} reçu(s))"
            )
        time.sleep(0.1)
