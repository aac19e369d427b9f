"""The Playwright driver against real browsers: launched here, behind a Playwright server, over CDP."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

import pytest
from PIL import Image

from espro.drivers.browser import CHROMIUM_ARGS, Browser
from espro.drivers.locators import Locators
from espro.errors import RunError
from tests.support import free_port, serving_pages

CHROMIUM = os.environ.get("ESPRO_CHROMIUM", "/usr/bin/chromium")
PAGES = {
    "index.html": '<form action="suite.html"><h1>Créer votre espace professionnel</h1>'
                  '<label for="nom">Nom</label><input id="nom" name="nom"><button>Continuer</button></form>',
    "suite.html": "<h1>Étape suivante</h1>",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The two pages, served on the loopback: the address a context's base_url points to."""
    with serving_pages(tmp_path_factory.mktemp("site"), {
            name: f'<!doctype html><html lang="fr"><meta charset="utf-8">{body}</html>' for name, body in PAGES.items()}) as url:
        yield url


def _start(command, ready, log):
    """Start `command` in its own process group and wait until `ready()` holds."""
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            _stop(process)
            pytest.fail(f"{command[0]} n'a pas démarré : {log.name}")
        time.sleep(0.1)
    return process


def _stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _answers(url) -> bool:
    """Whether anything answers HTTP at `url`, be it with an error status."""
    try:
        urllib.request.urlopen(url, timeout=1).close()
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


@pytest.fixture(scope="module")
def playwright_server(tmp_path_factory):
    """`playwright launch-server` on a free port: (process, ws endpoint)."""
    folder = tmp_path_factory.mktemp("launch-server")
    port = free_port()
    config = folder / "config.json"
    config.write_text(json.dumps({"host": "127.0.0.1", "port": port, "wsPath": "/espro", "headless": True,
                                  "executablePath": CHROMIUM, "args": CHROMIUM_ARGS}))
    command = [sys.executable, "-m", "playwright", "launch-server", "--browser", "chromium", "--config", str(config)]
    with open(folder / "server.log", "w") as log:
        process = _start(command, lambda: _answers(f"http://127.0.0.1:{port}/"), log)
    yield process, f"ws://127.0.0.1:{port}/espro"
    _stop(process)


@pytest.fixture(scope="module")
def cdp_chromium(tmp_path_factory):
    """A Chromium someone else started, with its DevTools port open: (process, http endpoint)."""
    folder = tmp_path_factory.mktemp("cdp")
    port = free_port()
    command = [CHROMIUM, "--headless", f"--remote-debugging-port={port}", f"--user-data-dir={folder / 'profile'}",
               *CHROMIUM_ARGS, "about:blank"]
    endpoint = f"http://127.0.0.1:{port}"
    with open(folder / "chromium.log", "w") as log:
        process = _start(command, lambda: _answers(f"{endpoint}/json/version"), log)
    yield process, endpoint
    _stop(process)


@pytest.fixture(params=["local", "ws", "cdp"])
def browser(request):
    if request.param == "local":
        opened = Browser()
    elif request.param == "ws":
        opened = Browser(ws_endpoint=request.getfixturevalue("playwright_server")[1])
    else:
        opened = Browser(cdp_url=request.getfixturevalue("cdp_chromium")[1])
    yield opened
    opened.close()


def test_a_page_works_through_every_kind_of_browser(browser, site, tmp_path):
    page = browser.new_page(site, Locators(), timeout_s=10)
    page.open("index.html")
    assert page.headings() == ["Créer votre espace professionnel"]
    page.fill("Nom", "Dupont")
    page.press("Continuer")
    assert page.headings() == ["Étape suivante"]
    assert page.url == f"{site}suite.html?nom=Dupont"
    page.screenshot(tmp_path / "shot.png")
    with Image.open(tmp_path / "shot.png") as shot:
        darkest, lightest = shot.convert("L").getextrema()
    assert shot.width > 0 and darkest < 100 < lightest, "the heading's dark text on a light page"
    page.close()


def test_a_trace_saved_on_demand_opens_as_a_playwright_trace(browser, site, tmp_path):
    page = browser.new_page(site, Locators(), timeout_s=10, trace=True)
    page.open("index.html")
    page.fill("Nom", "Dupont")
    assert page.save_trace(tmp_path / "trace.zip")
    assert not page.save_trace(tmp_path / "again.zip")
    page.close()
    with zipfile.ZipFile(tmp_path / "trace.zip") as trace:
        assert trace.testzip() is None
        assert {"trace.trace", "trace.network"} <= set(trace.namelist())
        events = [json.loads(line) for line in trace.read("trace.trace").decode().splitlines()]
    kinds = {event["type"] for event in events}
    assert "frame-snapshot" in kinds and "screencast-frame" not in kinds, "DOM snapshots, no screenshots"
    assert "Créer votre espace professionnel" in json.dumps(events, ensure_ascii=False)
    assert any(event.get("method") == "fill" for event in events)
    assert not (tmp_path / "again.zip").exists()


def test_an_untraced_page_has_no_trace_to_save(site, tmp_path):
    browser = Browser()
    try:
        page = browser.new_page(site, Locators(), timeout_s=10)
        page.open("index.html")
        assert not page.save_trace(tmp_path / "trace.zip")
        assert not (tmp_path / "trace.zip").exists()
        page.close()
    finally:
        browser.close()


def test_closing_leaves_the_playwright_server_running(playwright_server, site):
    process, endpoint = playwright_server
    Browser(ws_endpoint=endpoint).close()
    assert process.poll() is None
    again = Browser(ws_endpoint=endpoint)
    try:
        page = again.new_page(site, Locators(), timeout_s=10)
        page.open("suite.html")
        assert page.headings() == ["Étape suivante"]
    finally:
        again.close()


def test_closing_leaves_the_cdp_chromium_running_without_our_tabs(cdp_chromium, site):
    process, endpoint = cdp_chromium
    browser = Browser(cdp_url=endpoint)
    browser.new_page(site, Locators(), timeout_s=10).open("suite.html")
    browser.close()
    assert process.poll() is None
    with urllib.request.urlopen(f"{endpoint}/json/list", timeout=5) as answer:
        urls = [target["url"] for target in json.load(answer)]
    assert "about:blank" in urls, "the tab that was there before us"
    assert not [url for url in urls if url.startswith(site)]


@pytest.mark.parametrize("kind, endpoint", [("ws_endpoint", "ws://127.0.0.1:{port}/espro"),
                                            ("cdp_url", "http://127.0.0.1:{port}")])
def test_an_unreachable_remote_browser_is_one_line(kind, endpoint):
    endpoint = endpoint.format(port=free_port())
    with pytest.raises(RunError) as caught:
        Browser(**{kind: endpoint})
    message = str(caught.value)
    assert message.startswith(f"navigateur distant injoignable : {endpoint} (")
    assert "ECONNREFUSED" in message and "\n" not in message
    assert caught.value.__suppress_context__


def test_two_remote_endpoints_at_once_are_refused():
    with pytest.raises(RunError, match="pas les deux"):
        Browser(ws_endpoint="ws://127.0.0.1:1/x", cdp_url="http://127.0.0.1:1")
