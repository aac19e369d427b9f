"""Helpers shared by the tests."""

import socket


def free_port() -> int:
    """A TCP port nobody listens on right now, on the loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
