"""The reference implementation looks like the screens of the guide: its pages are drawn by the French
State design system (DSFR), served by the app itself under its Content-Security-Policy. Screenshots of
the login page, the identifiers step and the confirmation page (« Enregistrement ») are kept in the
test's folder, and each page is checked to have rendered with the DSFR's styles, not merely to link them."""

import pytest

from espro.drivers.browser import Browser
from espro.drivers.locators import Locators
from tests.reference_impl.conftest import PASSWORD, PROFILE, TOKEN
from tests.reference_impl.served import serving

BLUE_FRANCE = "rgb(0, 0, 145)"  # the DSFR's « bleu France », the colour of its header's links and primary buttons

# What only the DSFR's stylesheet and fonts give a page: read from the page as the browser drew it.
RENDERING = """async () => {
  await document.fonts.ready;
  const sheet = [...document.styleSheets].find(s => (s.href || '').endsWith('/dsfr.min.css'));
  const link = document.querySelector('.fr-header__tools-links .fr-btn');
  const logo = document.querySelector('.fr-header .fr-logo');
  return {
    rules: sheet ? sheet.cssRules.length : 0,
    marianne: document.fonts.check('16px Marianne') && [...document.fonts].some(f => f.family.includes('Marianne') && f.status === 'loaded'),
    body_font: getComputedStyle(document.body).fontFamily,
    link: link ? getComputedStyle(link).color : null,
    logo_text: logo ? getComputedStyle(logo).textTransform : null,
    motto: logo ? getComputedStyle(logo, '::after').backgroundImage : null,
  };
}"""


@pytest.fixture
def site(tmp_path, mail_sink):
    with serving(f"sqlite:///{tmp_path / 'look.sqlite'}", mail_sink.port, TOKEN, tmp_path) as served:
        yield served.url


@pytest.fixture
def page(site):
    browser = Browser()
    web_page = browser.new_page(site, Locators({}), 20)
    refused = []
    web_page.page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
    web_page.page.on("requestfailed", lambda request: refused.append(f"{request.url} : {request.failure}"))
    yield web_page.page, refused
    web_page.close()
    browser.close()


def drawn_with_dsfr(page, refused, name, folder):
    """The page's screenshot, kept; and the proof that the DSFR drew it: its rules loaded, the Marianne
    font in use, the header's links in « bleu France », the header's Marianne and motto, nothing refused."""
    shot = folder / f"{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000, f"{name} : capture presque vide"
    drawn = page.evaluate(RENDERING)
    assert drawn["rules"] > 1000, f"{name} : la feuille du DSFR n'est pas chargée ({drawn})"
    assert drawn["marianne"] and drawn["body_font"].startswith("Marianne"), f"{name} : pas de Marianne ({drawn})"
    assert drawn["link"] == BLUE_FRANCE, f"{name} : liens de l'en-tête en {drawn['link']}"
    assert drawn["logo_text"] == "uppercase" and drawn["motto"].startswith('url("data:image/svg'), drawn
    assert refused == [], f"{name} : refusé par le navigateur : {refused}"


def captcha(page, site) -> str:
    answer = page.context.request.get(f"{site}/__conformance__/captcha", headers={"X-Conformance-Token": TOKEN})
    return answer.json()["answer"]


def test_the_login_identifiers_and_confirmation_pages_are_drawn_with_the_dsfr(site, page, tmp_path):
    page, refused = page
    page.goto("/")
    drawn_with_dsfr(page, refused, "connexion", tmp_path)

    page.goto("/creation/conditions-generales")
    page.check("#terms", force=True)
    page.fill("#captcha", captcha(page, site))
    page.click("text=Continuer")
    page.wait_for_selector('[aria-current="step"]:text("Identifiants")')
    drawn_with_dsfr(page, refused, "identifiants", tmp_path)

    for field in ("email", "email_confirmation"):
        page.fill(f"#{field}", "lila.rosemonde@exemple.fr")
    for field in ("password", "password_confirmation"):
        page.fill(f"#{field}", PASSWORD)
    page.click("text=Continuer")
    page.wait_for_selector('[aria-current="step"]:text("Formulaire inscription")')
    for name, value in PROFILE.items():
        if name in ("phone_prefix", "question"):
            page.select_option(f"#{name}", value)
        elif value:
            page.fill(f"#{name}", value)
    page.click("text=Continuer")
    page.click("text=Valider")
    page.wait_for_selector('[aria-current="step"]:text("Enregistrement")')
    drawn_with_dsfr(page, refused, "enregistrement", tmp_path)
