"""`espro init URL` writes a first profile from what the target answers, or nothing and one line."""

import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import yaml

from espro import init_profile
from espro import profile as profiles
from espro.errors import RunError
from tests.mailpit_standin import MailpitStandIn
from tests.support import QuietHandler, free_port, serving_pages

TOKEN = "init-token"
LOGIN_PAGE = "<!doctype html><title>Connexion</title><h1>Connexion à votre espace professionnel</h1>"


def espro(tmp_path, *args, environ=None):
    """`python -m espro ARGS` from `tmp_path`, without CONFORMANCE_TOKEN unless `environ` gives it."""
    env = {key: value for key, value in os.environ.items() if key != "CONFORMANCE_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "espro", *args], capture_output=True, text=True,
                            env={**env, **(environ or {})}, timeout=120, cwd=tmp_path)
    return result.returncode, result.stdout.splitlines(), result.stderr.strip().splitlines()


@pytest.fixture(scope="module")
def reference():
    """The reference implementation in test mode on free ports: its URL, and the port it sends its mail to."""
    from espro.reference_server import ReferenceServer

    web, mail = free_port(), free_port()
    url = f"http://127.0.0.1:{web}/"
    server = ReferenceServer(profiles.Profile(target_url=url, captcha={"mode": "hook"}, hooks_token=TOKEN,
                                              mail={"kind": "smtp", "host": "127.0.0.1", "port": mail}))
    server.start()
    yield url, mail
    server.stop()


@pytest.fixture
def no_mail_server(monkeypatch):
    """Mailpit's and MailDev's usual ports replaced by closed ones: what the machine runs does not matter."""
    monkeypatch.setattr(init_profile, "MAIL_SERVERS", (("mailpit", free_port()), ("maildev", free_port())))


class HooksHandler(QuietHandler):
    """Static pages, and under /__conformance__/ the hooks captcha and clock only, behind the token (contract §3)."""

    def do_GET(self):
        self.hook() if self.path.startswith("/__conformance__/") else super().do_GET()

    def do_POST(self):
        self.hook()

    def hook(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        offered = self.path.split("?")[0] in ("/__conformance__/captcha", "/__conformance__/clock")
        status = 401 if self.headers.get("X-Conformance-Token") != TOKEN else 200 if offered else 404
        body = b'{"answer": "AB12CD", "now": "2026-01-01T00:00:00Z"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_init_against_the_reference_writes_a_profile_doctor_finds_ready(tmp_path, reference):
    url, mail_port = reference
    (tmp_path / "cible").mkdir()
    status, out, errors = espro(tmp_path, "init", url, "--output", "cible/profile.yaml", "--smtp-port", str(mail_port),
                                environ={"CONFORMANCE_TOKEN": TOKEN})
    assert (status, errors) == (0, []), out + errors
    assert out[0] == "profil écrit : cible/profile.yaml"
    assert out[-1] == "espro doctor : la cible est prête pour espro run"
    text = (tmp_path / "cible" / "profile.yaml").read_text(encoding="utf-8")
    assert TOKEN not in text and 'token: "${CONFORMANCE_TOKEN}"' in text
    assert "# trouvé : " + url + " : page de connexion reconnue." in text
    profile = profiles.load(tmp_path / "cible" / "profile.yaml", {"CONFORMANCE_TOKEN": TOKEN})
    assert profile.target_url == url
    assert profile.hooks_url == url + "__conformance__"
    assert profile.hooks_available == profiles.ALL_HOOKS and profile.captcha == {"mode": "hook"}
    if profile.mail["kind"] == "smtp":  # no Mailpit nor MailDev on this machine: the sink, where the reference sends
        assert profile.mail == {"kind": "smtp", "host": "127.0.0.1", "port": mail_port}
        assert out[1] == "TODO restants : 1 (cherchez « TODO » dans le fichier)"
    assert profile.locators == {} and "preparation" not in yaml.safe_load(text)
    status, _, errors = espro(tmp_path, "doctor", "--profile", "cible/profile.yaml", environ={"CONFORMANCE_TOKEN": TOKEN})
    assert (status, errors) == (0, [])


def test_init_without_the_token_declares_the_three_hooks_and_says_to_set_it(tmp_path, reference):
    url, mail_port = reference
    status, out, errors = espro(tmp_path, "init", url, "--token-variable", "ESPRO_INIT_JETON", "--smtp-port", str(mail_port))
    assert status == 2
    assert out[0] == "profil écrit : profile.yaml"
    assert errors == ["espro doctor : profil : la variable d'environnement ESPRO_INIT_JETON n'est pas définie"]
    text = (tmp_path / "profile.yaml").read_text(encoding="utf-8")
    assert "# TODO : définissez la variable ESPRO_INIT_JETON" in text
    profile = profiles.load(tmp_path / "profile.yaml", {"ESPRO_INIT_JETON": "x"})
    assert profile.hooks_token == "x" and profile.hooks_available == profiles.ALL_HOOKS


def test_a_closed_port_is_exit_2_one_line_and_nothing_written(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    status, out, errors = espro(tmp_path, "init", url)
    assert (status, out) == (2, [])
    assert len(errors) == 1 and errors[0].startswith(f"espro init : cible injoignable : {url} (ConnectError"), errors
    assert list(tmp_path.iterdir()) == []


def test_a_page_that_is_not_the_login_page_is_exit_2_one_line_and_nothing_written(tmp_path):
    (tmp_path / "site").mkdir()
    with serving_pages(tmp_path / "site", {"index.html": "<h1>Bienvenue sur notre site</h1>"}) as url:
        status, out, errors = espro(tmp_path, "init", url)
    assert (status, out) == (2, [])
    assert errors == [f"espro init : {url} répond 200 mais n'affiche pas « Connexion à votre espace professionnel » : "
                      "ce n'est pas la page de connexion"]
    assert [path.name for path in tmp_path.iterdir()] == ["site"]


@pytest.mark.parametrize("url, expected", [
    ("recette.exemple.fr", "adresse invalide : « recette.exemple.fr » : donnez l'adresse de la page de connexion, "
                           "avec http:// ou https://"),
    ("ftp://recette.exemple.fr/", "adresse invalide : « ftp://recette.exemple.fr/ »"),
    ("http://recette.exemple.fr:99999/", "adresse invalide : http://recette.exemple.fr:99999/ (Port out of range"),
    ("http://256.0.0.1/", "cible : adresse invalide « http://256.0.0.1/ » (Invalid IPv4 address"),
], ids=["no-scheme", "not-http", "bad-port", "bad-host"])
def test_bad_input_is_exit_2_one_line_and_nothing_written(tmp_path, monkeypatch, capsys, url, expected):
    from espro.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["init", url]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("espro init : " + expected)
    assert captured.err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_an_existing_profile_is_replaced_only_with_force(tmp_path, no_mail_server):
    output = tmp_path / "profile.yaml"
    output.write_text("# le profil d'un collègue\n", encoding="utf-8")
    status, out, errors = espro(tmp_path, "init", f"http://127.0.0.1:{free_port()}/")
    assert (status, out) == (2, [])
    assert errors == ["espro init : profile.yaml existe déjà : choisissez un autre --output, ou --force pour le remplacer"]
    assert output.read_text(encoding="utf-8") == "# le profil d'un collègue\n"
    (tmp_path / "site").mkdir()
    with serving_pages(tmp_path / "site", {"index.html": LOGIN_PAGE}) as url:
        init_profile.create(url, output, force=True)
    assert profiles.load(output).target_url == url
    assert sorted(path.name for path in tmp_path.iterdir()) == ["profile.yaml", "site"]  # no temporary file left


def test_without_hooks_the_captcha_answer_is_a_todo_and_the_mail_the_suites_sink(tmp_path, no_mail_server):
    with serving_pages(tmp_path, {"index.html": LOGIN_PAGE}) as url:
        todos = init_profile.create(url, tmp_path / "cible.yaml", smtp_port=2599)
    text = (tmp_path / "cible.yaml").read_text(encoding="utf-8")
    profile = profiles.load(tmp_path / "cible.yaml", {})
    assert profile.hooks_url is None and "hooks:" not in text.replace("ajoutez hooks:", "")
    assert f"{url}__conformance__/captcha → 404" in text and "finissent « non vérifié »" in text
    assert profile.captcha == {"mode": "fixed", "answer": "TODO"}
    assert profile.mail == {"kind": "smtp", "host": "127.0.0.1", "port": 2599}
    assert todos == 2 == text.count("# TODO :")


def test_only_the_hooks_that_answer_are_declared_and_maildev_is_found(tmp_path, monkeypatch):
    """The target offers captcha and clock, not certificate-spaces; its MailDev answers GET /email."""
    with serving_pages(tmp_path, {"index.html": LOGIN_PAGE, "email": "[]"}, handler=HooksHandler) as url:
        monkeypatch.setattr(init_profile, "MAIL_SERVERS", (("mailpit", free_port()), ("maildev", urlsplit(url).port)))
        monkeypatch.setenv("CONFORMANCE_TOKEN", TOKEN)
        todos = init_profile.create(url, tmp_path / "cible.yaml")
    text = (tmp_path / "cible.yaml").read_text(encoding="utf-8")
    profile = profiles.load(tmp_path / "cible.yaml")
    assert profile.hooks_available == ("captcha", "clock") and profile.captcha == {"mode": "hook"}
    assert "# TODO : crochet certificate-spaces écarté : le profil déclare le crochet certificate-spaces mais la cible " \
           "répond 404" in text
    assert profile.mail == {"kind": "maildev", "url": url.rstrip("/")}
    assert todos == 1


def test_a_mailpit_on_this_machine_is_found(tmp_path, monkeypatch):
    mailpit = MailpitStandIn("127.0.0.1", free_port(), free_port())
    mailpit.start()
    try:
        monkeypatch.setattr(init_profile, "MAIL_SERVERS", (("mailpit", int(mailpit.url.rsplit(":", 1)[1])),
                                                           ("maildev", free_port())))
        with serving_pages(tmp_path, {"index.html": LOGIN_PAGE}) as url:
            init_profile.create(url, tmp_path / "cible.yaml")
    finally:
        mailpit.stop()
    assert profiles.load(tmp_path / "cible.yaml").mail == {"kind": "mailpit", "url": mailpit.url}


def test_a_refused_token_keeps_the_three_hooks_for_doctor_to_explain(tmp_path, monkeypatch, no_mail_server):
    with serving_pages(tmp_path, {"index.html": LOGIN_PAGE}, handler=HooksHandler) as url:
        monkeypatch.setenv("CONFORMANCE_TOKEN", "mauvais-jeton")
        init_profile.create(url, tmp_path / "cible.yaml")
    text = (tmp_path / "cible.yaml").read_text(encoding="utf-8")
    assert profiles.load(tmp_path / "cible.yaml").hooks_available == profiles.ALL_HOOKS
    assert "# TODO : aucun crochet ne répond avec le jeton de CONFORMANCE_TOKEN" in text
    assert "jeton refusé (401)" in text


def test_an_unusable_token_variable_is_refused_before_any_probe(tmp_path):
    with pytest.raises(RunError, match="« 1JETON » n'est pas un nom de variable"):
        init_profile.create("http://127.0.0.1:9/", tmp_path / "cible.yaml", token_variable="1JETON")
