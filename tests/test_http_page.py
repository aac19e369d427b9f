"""The HTTP preparation finds and submits what a browser would, on every markup the contract
allows, and leaves to the browser what needs a script: small pages served on the loopback."""

import json
import threading

import pytest
from flask import Flask, make_response, redirect, request
from werkzeug.serving import make_server

from espro.drivers.locators import Locators
from espro.drivers.preparation import BROWSER, HTTP, Preparation, Tab
from tests.test_page_readers import browser  # noqa: F401  (a fixture: one Chromium for the module)

PAGES: dict[str, str] = {}


def _app() -> Flask:
    app = Flask(__name__)

    @app.get("/page/<name>")
    def page(name):
        response = make_response(f"<!doctype html><html><body>{PAGES[name]}</body></html>")
        response.set_cookie("vu", name)
        return response

    @app.route("/echo", methods=["GET", "POST"])
    def echo():
        data = request.form if request.method == "POST" else request.args
        seen = {"method": request.method, "fields": [[key, value] for key, value in data.items(multi=True)],
                "cookie": request.cookies.get("vu"), "origin": request.headers.get("Origin")}
        return f"<!doctype html><html><body><pre id='data'>{json.dumps(seen)}</pre></body></html>"

    @app.post("/then-redirect")
    def then_redirect():
        return redirect("/page/arrival", code=303)

    return app


@pytest.fixture(scope="module")
def site():
    server = make_server("127.0.0.1", 0, _app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture
def locators():
    return {}


@pytest.fixture(params=[HTTP, BROWSER])
def tab(request, browser, site, locators):
    """A tab while a preparation is open, over HTTP or in the browser: both must end alike."""
    preparation = Preparation(request.param)
    opened = Tab(browser.new_page(site, Locators(locators), 5), preparation)
    preparation.begin()
    yield opened
    opened.close()


def _serve(site, name, html) -> str:
    PAGES[name] = html
    return f"{site}page/{name}"


def _echoed(tab) -> dict:
    """What the server received, read in the browser once the preparation hands over (over HTTP,
    the browser has not moved till then)."""
    assert (tab.browser.url == "about:blank") == (tab._preparation.mode == HTTP)
    tab._preparation.end()
    return json.loads(tab.browser.page.locator("#data").inner_text())


FORM = """<form method="post" action="/echo">
  <input type="hidden" name="csrf" value="jeton-123">
  {fields}
  <input name="off" value="x" disabled>
  <button type="submit" name="go" value="continuer">Continuer</button>
</form>"""

MARKUPS = {
    "label for": '<label for="n">Nom *</label><input id="n" name="nom">',
    "wrapping label": '<label>Nom <span class="hint">(en majuscules)</span><input name="nom"></label>',
    "aria-labelledby": '<p id="l">Nom :</p><input aria-labelledby="l" name="nom">',
    "aria-label": '<input aria-label="Nom" name="nom">',
    "accented label": '<label for="n">Nom</label><input id="n" name="nom" value="à remplacer">',
}


@pytest.mark.parametrize("markup", MARKUPS.values(), ids=MARKUPS.keys())
def test_a_field_is_found_by_its_label_whatever_the_markup(tab, site, markup):
    tab.open(_serve(site, "field", FORM.format(fields=markup)))
    tab.fill("Nom", "ROSEMONDE")
    tab.press("Continuer")
    seen = _echoed(tab)
    assert seen["method"] == "POST"
    assert seen["fields"] == [["csrf", "jeton-123"], ["nom", "ROSEMONDE"], ["go", "continuer"]]
    assert seen["cookie"] == "field"


def test_checkbox_list_and_default_options_are_sent_as_a_browser_sends_them(tab, site):
    tab.open(_serve(site, "choices", FORM.format(fields="""
      <input type="checkbox" id="cg" name="cg"><label for="cg">Je reconnais avoir pris connaissance des conditions générales</label>
      <input type="checkbox" name="news" value="oui" aria-label="Lettre">
      <label for="q">Question de confiance</label>
      <select id="q" name="q"><option value="">Choisir</option><option value="2">Nom de votre ville ?</option></select>
      <label for="p">Pays</label><select id="p" name="pays"><option>FRANCE</option><option>BELGIQUE</option></select>
      <textarea name="note">ligne</textarea>""")))
    tab.check("Je reconnais avoir pris connaissance des conditions générales")
    tab.choose("Question de confiance", "Nom de votre ville ?")
    tab.press("Continuer")
    assert _echoed(tab)["fields"] == [["csrf", "jeton-123"], ["cg", "on"], ["q", "2"], ["pays", "FRANCE"],
                                      ["note", "ligne"], ["go", "continuer"]]


def test_links_and_redirects_are_followed_to_the_page_shown(tab, site):
    _serve(site, "arrival", "<h1>Arrivée</h1>")
    tab.open(_serve(site, "start", '<a href="/page/middle">Créer votre espace professionnel</a>'))
    _serve(site, "middle", '<form method="post" action="/then-redirect"><input type="submit" value="Valider"></form>')
    tab.press("Créer votre espace professionnel")
    tab.press("Valider")
    tab._preparation.end()
    assert tab.browser.url.endswith("/page/arrival")
    assert tab.browser.text().startswith("Arrivée")


def test_a_get_form_sends_its_fields_in_the_address(tab, site):
    tab.open(_serve(site, "get", '<form action="/echo"><label>Code postal<input name="cp"></label>'
                                 '<input type="submit" value="Continuer"></form>'))
    tab.fill("Code postal", "75016")
    tab.press("Continuer")
    seen = _echoed(tab)
    assert (seen["method"], seen["fields"]) == ("GET", [["cp", "75016"]])


@pytest.mark.parametrize("start", [
    '<div hidden><a href="/page/wrong">Continuer</a></div><a href="/page/right">Continuer</a>',
    '<button type="button" onclick="location.href=\'/page/right\'">Continuer</button>',
], ids=["not-a-hidden-twin", "a-script-left-to-the-browser"])
def test_pressing_leads_where_a_browser_goes(tab, site, start):
    _serve(site, "right", "<p>la bonne page</p>")
    tab.open(_serve(site, "start", start))
    tab.press("Continuer")
    tab._preparation.end()
    assert tab.browser.text() == "la bonne page"


def test_what_was_typed_before_the_handover_is_still_in_the_field(tab, site):
    tab.open(_serve(site, "typed", FORM.format(fields='<label for="n">Nom</label><input id="n" name="nom">')))
    tab.fill("Nom", "ROSEMONDE")
    tab._preparation.end()
    assert tab.browser.value_of("Nom") == "ROSEMONDE"


@pytest.mark.parametrize("locators", [{"Nom": {"css": "#family"}, "Continuer": {"name": "Suivant"}}])
def test_the_profiles_locators_find_fields_and_controls(tab, site):
    tab.open(_serve(site, "overrides", '<form method="post" action="/echo"><input id="family" name="nom">'
                                       '<button>Suivant</button></form>'))
    tab.fill("Nom", "ROSEMONDE")
    tab.press("Continuer")
    assert _echoed(tab)["fields"] == [["nom", "ROSEMONDE"]]


def test_a_question_about_the_page_is_asked_in_the_browser(tab, site):
    tab.open(_serve(site, "question", '<h1 id="t">Identifiants</h1><p style="display:none">caché</p>'))
    assert tab.headings() == ["Identifiants"]
    assert "caché" not in tab.text()


def test_a_control_the_page_lacks_fails_soon_by_its_name(tab, site):
    tab.open(_serve(site, "lacking", "<p>rien à cliquer</p>"))
    with pytest.raises(AssertionError, match="aucun bouton ni lien « Continuer »"):
        tab.press("Continuer")
