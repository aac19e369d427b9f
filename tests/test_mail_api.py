"""The HTTP mail readers against real servers: the Mailpit stand-in, and a real MailDev from `make tools`.

Each server is started once for the module and shared, as a real one is: every test writes to its
own domain, so that no test sees another's mail (contract §7).
"""

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import httpx
import pytest

from espro.drivers.mail import wait_for
from espro.drivers.mail_api import MailDevReader, MailpitReader, reader_for
from espro.errors import RunError
from tests.mailpit_standin import MailpitStandIn
from tests.support import free_port, send

MAILDEV = Path(__file__).resolve().parents[1] / "tools" / "node_modules" / ".bin" / "maildev"


def answers(check) -> bool:
    try:
        check()
    except (OSError, httpx.HTTPError):
        return False
    return True


@pytest.fixture(scope="module")
def mailpit():
    standin = MailpitStandIn("127.0.0.1", free_port(), free_port())
    standin.start()
    yield reader_for({"kind": "mailpit", "url": standin.url}, timeout_s=5), standin.smtp_port
    standin.stop()


@pytest.fixture(scope="module")
def maildev(tmp_path_factory):
    if not MAILDEV.exists():
        pytest.fail(f"MailDev absent ({MAILDEV}) : lancez « make tools »", pytrace=False)
    smtp_port, web_port = free_port(), free_port()
    folder = tmp_path_factory.mktemp("maildev")
    log = folder / "maildev.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(MAILDEV), "--smtp", str(smtp_port), "--web", str(web_port), "--ip", "127.0.0.1",
             "--mail-directory", str(folder / "mails"), "--silent"],
            stdout=output, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{web_port}"
    deadline = time.monotonic() + 60  # node starts slowly on a loaded 2-core machine
    while not (answers(lambda: httpx.get(f"{url}/healthz", timeout=1).raise_for_status())
               and answers(lambda: socket.create_connection(("127.0.0.1", smtp_port), timeout=1).close())):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"MailDev n'a pas démarré : {log.read_text()}", pytrace=False)
        time.sleep(0.1)
    yield reader_for({"kind": "maildev", "url": url}, timeout_s=5), smtp_port
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(params=["mailpit", "maildev"])
def server(request):
    return request.getfixturevalue(request.param)


@pytest.fixture
def domain():
    return f"{uuid.uuid4().hex[:12]}.example.com"


def subjects(raws: list[bytes]) -> list[str]:
    return [str(message_from_bytes(raw, policy=default_policy)["Subject"]) for raw in raws]


def test_reads_one_recipients_messages_in_order(server, domain):
    reader, port = server
    send(port, f"lila@{domain}", "premier")
    send(port, f"autre.lila@{domain}", "autre")
    send(port, f"Lila@{domain.upper()}", "second")
    assert subjects(wait_for(reader, f"lila@{domain}", 2, timeout_s=5)) == ["premier", "second"]
    assert subjects(reader.messages_for(f"autre.lila@{domain}")) == ["autre"]
    assert b"Bonjour," in reader.messages_for(f"LILA@{domain}")[0]


def test_mailpit_is_read_past_its_first_page_of_results(mailpit, domain):
    reader, port = mailpit
    for number in range(51):
        send(port, f"lila@{domain}", f"n°{number}")
    expected = [f"n°{number}" for number in range(51)]
    assert subjects(wait_for(reader, f"lila@{domain}", 51, timeout_s=10)) == expected


def test_deletes_only_that_recipients_messages(server, domain):
    reader, port = server
    send(port, f"lila@{domain}", "premier")
    send(port, f"autre.lila@{domain}", "autre")
    send(port, f"lila@{domain}", "second")
    wait_for(reader, f"lila@{domain}", 2, timeout_s=5)
    wait_for(reader, f"autre.lila@{domain}", 1, timeout_s=5)
    reader.delete_for(f"lila@{domain}")
    reader.delete_for(f"nobody@{domain}")
    assert reader.messages_for(f"lila@{domain}") == []
    assert subjects(reader.messages_for(f"autre.lila@{domain}")) == ["autre"]


def test_waiting_for_a_recipient_who_gets_nothing_ends_in_a_clear_failure(server, domain):
    reader, port = server
    send(port, f"lila@{domain}", "premier")
    with pytest.raises(AssertionError, match=f"aucun courriel n°1 reçu pour nobody@{domain} en 0.3 s"):
        wait_for(reader, f"nobody@{domain}", 1, timeout_s=0.3)


@pytest.mark.parametrize("reader_class, name", [(MailpitReader, "Mailpit"), (MailDevReader, "MailDev")])
def test_a_dead_server_is_one_clear_line(reader_class, name):
    url = f"http://127.0.0.1:{free_port()}"
    reader = reader_class(url, timeout_s=2)
    for call in (reader.check, lambda: reader.messages_for("lila@example.com")):
        with pytest.raises(RunError, match=f"^serveur {name} injoignable : {url} \\(ConnectError: [^\n]+\\)$"):
            call()


def test_another_server_is_not_taken_for_the_expected_api(mailpit, maildev):
    mailpit_reader, maildev_reader = mailpit[0], maildev[0]
    with pytest.raises(RunError, match=f"^{maildev_reader.url} ne répond pas comme l'API de Mailpit : GET /api/v1/messages → statut 404$"):
        MailpitReader(maildev_reader.url, timeout_s=2).check()
    with pytest.raises(RunError, match=f"^{mailpit_reader.url} ne répond pas comme l'API de MailDev : GET /email → statut 404$"):
        MailDevReader(mailpit_reader.url, timeout_s=2).check()
    mailpit_reader.check()
    maildev_reader.check()


def test_the_suite_reads_the_activation_mail_through_the_server(server, tmp_path):
    """End to end: the reference sends through the server's SMTP port, the suite reads its API."""
    reader, smtp_port = server
    web = free_port()
    env = {**os.environ, "CONFORMANCE_TOKEN": "mail-api-token"}
    target = subprocess.Popen(
        [sys.executable, "-m", "espro", "serve", "--test-mode", "--port", str(web), "--mail-port", str(smtp_port),
         "--database-url", f"sqlite:///{tmp_path / 'reference.sqlite'}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not answers(lambda: httpx.get(f"http://127.0.0.1:{web}/", timeout=1)):
            assert target.poll() is None and time.monotonic() < deadline, "la référence n'a pas démarré"
            time.sleep(0.1)
        kind = "mailpit" if isinstance(reader, MailpitReader) else "maildev"
        profile = tmp_path / "profile.yaml"
        profile.write_text(f"target_url: http://127.0.0.1:{web}/\n"
                           f"hooks: {{url: 'http://127.0.0.1:{web}/__conformance__', token: '${{CONFORMANCE_TOKEN}}'}}\n"
                           f"captcha: {{mode: hook}}\nmail: {{kind: {kind}, url: '{reader.url}'}}\n", encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "espro", "run", "--profile", str(profile),
                                 "--report", str(tmp_path / "report"), "-m", "MAIL-08"],
                                capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path)
    finally:
        target.terminate()
        target.wait(timeout=10)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    report = json.loads((tmp_path / "report" / "conformance.json").read_text(encoding="utf-8"))
    assert report["scenarios"] and {s["verdict"] for s in report["scenarios"]} == {"passed"}
