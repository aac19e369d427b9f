"""The hooks client (contract §3): answers checked against schemas/hooks.openapi.yaml, and each
refusal told apart: a hook the profile does not declare makes the scenario not verified; a declared
hook that answers wrong (404, 401, 500, off its schema, or not at all) is the target's failure."""

import http.server
import json
import threading

import httpx
import pytest

from espro.drivers.hooks import HooksClient
from espro.drivers.http_client import request
from espro.errors import HookFailed, NotVerified
from tests.support import free_port

ANSWERS = {}


class Target(http.server.BaseHTTPRequestHandler):
    """A target whose hooks answer what the test puts in ANSWERS (path → status, body)."""

    def _answer(self):
        status, body = ANSWERS[self.path]
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hooks_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Target)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def client(url, available=("captcha", "clock", "certificate-spaces")):
    return HooksClient(url, "jeton", available, timeout_s=5)


def test_answers_that_follow_the_description_are_returned(hooks_url):
    ANSWERS.update({"/clock": (200, json.dumps({"now": "2026-11-28T13:05:00Z"})),
                    "/captcha": (200, json.dumps({"answer": "K7PM2X"})), "/certificate-spaces": (201, "{}")})
    assert client(hooks_url).advance_clock(0) == "2026-11-28T13:05:00Z"
    assert client(hooks_url).captcha_answer({}) == "K7PM2X"
    client(hooks_url).add_certificate_space("camille@exemple.fr")


@pytest.mark.parametrize("body", ['{"time": "2026-11-28T13:05:00Z"}', '{"now": "demain"}', "pas du json"])
def test_an_answer_off_the_description_is_a_failure(hooks_url, body):
    ANSWERS["/clock"] = (200, body)
    with pytest.raises(AssertionError, match="POST /clock"):
        client(hooks_url).advance_clock(0)


@pytest.mark.parametrize("body", ['{"time": "2026-11-28T13:05:00Z"}', "pas du json"])
def test_an_answer_off_the_description_is_the_hooks_failure(hooks_url, body):
    ANSWERS["/clock"] = (200, body)
    with pytest.raises(HookFailed, match="le crochet déclaré POST /clock"):
        client(hooks_url).advance_clock(0)


def test_a_declared_hook_that_answers_404_is_the_targets_failure_not_unverified(hooks_url):
    ANSWERS["/captcha"] = (404, "{}")
    with pytest.raises(HookFailed) as raised:
        client(hooks_url).captcha_answer({})
    assert not isinstance(raised.value, NotVerified)
    assert str(raised.value) == ("le crochet déclaré GET /captcha a répondu 404 : "
                                 "aucune image montrée à cette session ?")
    ANSWERS["/clock"] = (404, "{}")
    with pytest.raises(HookFailed, match="POST /clock a répondu 404"):
        client(hooks_url).advance_clock(0)


@pytest.mark.parametrize("status", [401, 500, 503])
def test_a_declared_hook_that_refuses_is_the_targets_failure(hooks_url, status):
    ANSWERS["/certificate-spaces"] = (status, '{"error": "x"}')
    with pytest.raises(HookFailed, match=f"POST /certificate-spaces a répondu {status}"):
        client(hooks_url).add_certificate_space("camille@exemple.fr")


def test_a_declared_hook_that_does_not_answer_is_the_targets_failure():
    with pytest.raises(HookFailed, match="le crochet déclaré POST /clock ne répond pas"):
        client(f"http://127.0.0.1:{free_port()}").advance_clock(0)


@pytest.mark.parametrize("declared", [("captcha",), ()])
def test_a_hook_the_profile_does_not_declare_is_not_verified(hooks_url, declared):
    ANSWERS["/clock"] = (200, json.dumps({"now": "2026-11-28T13:05:00Z"}))
    with pytest.raises(NotVerified, match="ne déclare pas le crochet de test « clock »"):
        client(hooks_url, available=declared).advance_clock(0)
    with pytest.raises(NotVerified, match="ne déclare pas le crochet de test « clock »"):
        HooksClient(None, None, ("clock",), timeout_s=5).advance_clock(0)


class DropsReusedConnections(http.server.BaseHTTPRequestHandler):
    """Answers the first request of each connection; the next one on it is dropped unanswered,
    as a server does when its keep-alive delay ends just as a request arrives."""

    protocol_version = "HTTP/1.1"

    def _answer(self):
        self.served = getattr(self, "served", 0) + 1
        if self.served > 1:
            self.close_connection = True
            return
        body = b'{"answer": "ABC123"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


def test_a_get_the_server_dropped_on_a_kept_alive_connection_is_sent_again():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), DropsReusedConnections)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/captcha"
    try:
        assert [request("GET", url).json()["answer"] for _ in range(3)] == ["ABC123"] * 3
        request("GET", url)
        with pytest.raises(httpx.RemoteProtocolError):  # not idempotent: never sent twice
            request("POST", url, json={})
    finally:
        server.shutdown()
        server.server_close()
