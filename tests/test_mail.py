"""The SMTP sink and the reader: a message sent by SMTP is found for its recipient only."""

import pytest

from espro.drivers.mail import MaildirReader, SmtpSink, wait_for
from tests.support import free_port, send


@pytest.fixture
def sink(tmp_path):
    port = free_port()
    running = SmtpSink("127.0.0.1", port, tmp_path / "maildir")
    running.start()
    yield running, port
    running.stop()


def test_sink_keeps_messages_per_recipient_in_order(sink):
    running, port = sink
    send(port, "lila@example.com", "premier")
    send(port, "paul@example.com", "autre")
    send(port, "Lila@Example.com", "second")
    reader = MaildirReader(running.maildir)
    found = wait_for(reader, "lila@example.com", 2, timeout_s=5)
    assert [b"premier" in raw for raw in found] == [True, False]
    assert b"second" in found[1]
    assert len(reader.messages_for("paul@example.com")) == 1


def test_waiting_ends_in_a_clear_failure(sink):
    running, _ = sink
    with pytest.raises(AssertionError, match="aucun courriel n°1 reçu pour nobody@example.com en 0.2 s"):
        wait_for(MaildirReader(running.maildir), "nobody@example.com", 1, timeout_s=0.2)


def test_busy_port_is_one_clear_line(sink, tmp_path):
    _, port = sink
    with pytest.raises(Exception, match=f"ne peut pas écouter sur 127.0.0.1:{port}"):
        SmtpSink("127.0.0.1", port, tmp_path / "other").start()


@pytest.fixture
def two_recipients(sink):
    """The sink's reader once a message each reached Lila and Paul."""
    running, port = sink
    send(port, "lila@example.com", "premier")
    send(port, "paul@example.com", "autre")
    reader = MaildirReader(running.maildir)
    wait_for(reader, "paul@example.com", 1, timeout_s=5)
    wait_for(reader, "lila@example.com", 1, timeout_s=5)
    return reader


def test_deleting_one_recipients_messages_keeps_the_others(two_recipients):
    reader = two_recipients
    reader.delete_for("lila@example.com")
    assert reader.messages_for("lila@example.com") == []
    assert len(reader.messages_for("paul@example.com")) == 1


def test_a_message_deleted_while_the_maildir_is_read_is_skipped(two_recipients, monkeypatch):
    """Under xdist one worker deletes its scenario's mail while another reads the folder."""
    reader = two_recipients
    read_bytes = type(reader.maildir).read_bytes

    def deleted_just_before(path):
        if b"lila@example.com" in read_bytes(path):
            path.unlink()
        return read_bytes(path)

    monkeypatch.setattr(type(reader.maildir), "read_bytes", deleted_just_before)
    assert reader.messages_for("lila@example.com") == []
    assert len(reader.messages_for("paul@example.com")) == 1
