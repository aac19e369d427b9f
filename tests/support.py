"""Helpers shared by the tests."""

import smtplib
import socket
from email.message import EmailMessage


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
