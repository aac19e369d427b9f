"""The hooks client (contract §3): answers checked against schemas/hooks.openapi.yaml, and each
refusal told apart: a wrong token stops the run, an absent hook makes the scenario not verified."""

import http.server
import json
import threading

import pytest

from espro.drivers.hooks import HooksClient
from espro.errors import NotVerified, RunError

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


def test_wrong_token_stops_the_run_and_absent_hook_is_not_verified(hooks_url):
    ANSWERS["/clock"] = (401, "{}")
    with pytest.raises(RunError, match="jeton refusé"):
        client(hooks_url).advance_clock(0)
    ANSWERS["/clock"] = (404, "{}")
    with pytest.raises(NotVerified, match="404"):
        client(hooks_url).advance_clock(0)
    with pytest.raises(NotVerified, match="ne déclare pas le crochet de test « clock »"):
        client(hooks_url, available=("captcha",)).advance_clock(0)
