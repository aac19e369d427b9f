"""The page readers accept every presentation the contract (§1) and the guide allow, and still
tell a wrong value or a missing message: small pages loaded in a real browser."""

import pytest

from espro.drivers.browser import Browser
from espro.drivers.locators import Locators
from espro.questions import Questions
from espro.tasks import TERMS_CHECKBOX, Tasks
from espro.testdata import Applicant
from espro.user import User
from steps import common, credentials, form, login_page, terms

GUIDE = {  # guide §2, the recap
    "Nom": "ROSEMONDE", "Prénom": "Lila", "Téléphone": "0123456789",
    "Adresse électronique de connexion": "lila.rosemonde@orange.fr", "Numéro de voie": "12",
    "Nature de la voie": "rue", "Libellé de la voie": "de Longchamp", "Complément d'adresse": "",
    "Code postal": "75016", "Commune": "PARIS", "Pays": "FRANCE",
    "Question de confiance": "Quel est le prénom de votre conjoint(e) ?", "Réponse à la question de confiance": "Paul",
}
APPLICANT = Applicant(last_name="ROSEMONDE", first_name="Lila", phone="0123456789", email="lila.rosemonde@orange.fr",
                      password="x" * 20, street_number="12", street_type="rue", street_name="de Longchamp",
                      address_complement="", postcode="75016", city="PARIS", country="FRANCE",
                      trust_question=GUIDE["Question de confiance"], trust_answer="Paul")
FOOTER = "<aside>Besoin d'aide ? Appelez le 0809 400 210</aside><footer>impots.gouv.fr Mentions légales</footer>"
USAGER, CONFIANCE = list(GUIDE)[:11], list(GUIDE)[11:]


def _guide_lines(pairs):
    return "".join(f"<p>{label} : {value}</p>" if value else f"<p>{label}</p>" for label, value in pairs)


def _reference(pairs):
    return "".join(f'<p class="line"><span class="label">{label} :</span> {value}</p>' for label, value in pairs)


def _dl(pairs):
    return "<dl>" + "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in pairs) + "</dl>"


def _th_td(pairs):
    return "<table>" + "".join(f"<tr><th scope='row'>{label} :</th><td>{value}</td></tr>" for label, value in pairs) + "</table>"


def _td_td(pairs):
    return "<table>" + "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in pairs) + "</table>"


def _columns(pairs):
    return ("<table><thead><tr>" + "".join(f"<th>{label}</th>" for label, _ in pairs) + "</tr></thead><tbody><tr>"
            + "".join(f"<td>{value}</td>" for _, value in pairs) + "</tr></tbody></table>")


def _pairs(pairs):
    return "".join(f'<div class="row"><span>{label} :</span><strong>{value}</strong></div>' for label, value in pairs)


def _labelledby(pairs):
    names = "".join(f'<div id="l{_key(label)}">{label}</div>' for label, _ in pairs)
    values = "".join(f'<div role="group" aria-labelledby="l{_key(label)}">{value}</div>' for label, value in pairs)
    return f'<div style="display:flex"><div>{names}</div><div>{values}</div></div>'


def _readonly_fields(pairs):
    return "".join(f'<label for="f{_key(label)}">{label}</label><input id="f{_key(label)}" readonly value="{value}">'
                   for label, value in pairs)


def _key(label):
    return list(GUIDE).index(label)


LAYOUTS = {"guide-lines": _guide_lines, "reference": _reference, "dl": _dl, "th-td": _th_td, "td-td": _td_td,
           "columns": _columns, "label-value-pairs": _pairs, "aria-labelledby": _labelledby,
           "readonly-fields": _readonly_fields}


def recap_page(layout, values=GUIDE):
    usager = [(label, values[label]) for label in USAGER]
    confiance = [(label, values[label]) for label in CONFIANCE]
    return (f"<h1>Créer votre espace professionnel</h1><h2>Usager</h2>{layout(usager)}"
            f"<h2>Question de confiance :</h2>{layout(confiance)}"
            f"<a href='#'>Etape précédente</a><button>Valider</button>{FOOTER}")


@pytest.fixture(scope="module")
def browser():
    opened = Browser()
    yield opened
    opened.close()


@pytest.fixture
def page(browser):
    opened = browser.new_page("http://127.0.0.1/", Locators(), timeout_s=5)
    yield opened
    opened.close()


class Person(Tasks, Questions):
    """What the steps need of a User, on `page`: its real tasks and questions, without sessions."""

    def __init__(self, page, applicant):
        self.page, self.applicant, self.last_pressed = page, applicant, None


def person(page, applicant=APPLICANT):
    return Person(page, applicant)


def show(page, html):
    page.page.set_content(f'<!doctype html><html lang="fr"><meta charset="utf-8"><body>{html}</body></html>')


# The recap: values read by structure

@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_recap_layout_reads_the_guides_values(page, layout):
    show(page, recap_page(LAYOUTS[layout]))
    assert User.lines_shown(person(page), form.RECAP_LABELS) == GUIDE
    assert form._recap_mismatches(person(page), form.RECAP_LABELS) == {}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_recap_layout_still_tells_a_wrong_or_missing_value(page, layout):
    wrong = {**GUIDE, "Commune": "PARI", "Réponse à la question de confiance": "Paula"}
    show(page, recap_page(LAYOUTS[layout], wrong).replace("Code postal", "Code"))
    mismatches = form._recap_mismatches(person(page), form.RECAP_LABELS)
    assert mismatches == {"Commune": ("PARI", "PARIS"), "Réponse à la question de confiance": ("Paula", "Paul"),
                          "Code postal": (None, "75016")}


def test_a_footer_after_the_last_line_does_not_leak_into_its_value(page):
    show(page, "<div><p>Commune : PARIS</p>Réponse à la question de confiance : Paul"
               "<footer>Mentions légales</footer></div><aside>Pays : aide</aside>")
    lines = User.lines_shown(person(page), ["Commune", "Réponse à la question de confiance", "Pays"])
    assert lines["Commune"] == "PARIS"
    assert lines["Pays"] == "aide"  # a « label : value » line is read wherever it stands
    assert "Mentions" not in (lines["Réponse à la question de confiance"] or "")


def test_two_labels_on_one_line_stop_each_other(page):
    show(page, "<p>Code postal : 75016 Commune : PARIS</p>")
    assert User.lines_shown(person(page), ["Code postal", "Commune"])["Code postal"] == "75016"


def test_a_label_shown_alone_has_an_empty_value_and_an_absent_one_none(page):
    show(page, "<p>Complément d'adresse</p><p>Code postal : 75016</p>")
    lines = User.lines_shown(person(page), ["Complément d'adresse", "Code postal", "Pays"])
    assert lines == {"Complément d'adresse": "", "Code postal": "75016", "Pays": None}


def test_hidden_values_are_not_shown(page):
    show(page, '<p>Nom : ROSEMONDE</p><p hidden>Prénom : Lila</p><dl style="display:none"><dt>Pays</dt><dd>FR</dd></dl>')
    assert User.lines_shown(person(page), ["Nom", "Prénom", "Pays"]) == {"Nom": "ROSEMONDE", "Prénom": None, "Pays": None}


# Errors: on the field or for the page (contract §1)

NAME_FIELD = '<label for="nom">Nom : *</label><input id="nom"{attributes}>'
ON_FIELD = NAME_FIELD.format(attributes=' aria-invalid="true" aria-describedby="nom-erreur"') + \
    '<p id="nom-erreur">Veuillez saisir votre nom.</p>'
FOR_PAGE = '<div role="alert"><p>Veuillez saisir votre nom.</p></div>' + NAME_FIELD.format(attributes="")


@pytest.mark.parametrize("html", [ON_FIELD, FOR_PAGE], ids=["on-field", "for-page"])
def test_a_field_in_error_is_accepted_with_its_message_on_the_field_or_for_the_page(page, html):
    show(page, html)
    user = person(page)
    common.field_in_error(user, "Nom")
    common.field_in_error_with(user, "Nom", "Veuillez saisir votre nom.")
    assert User.errors(user) == ["Veuillez saisir votre nom."]
    with pytest.raises(AssertionError, match="attendu « Le nom est trop long. »"):
        common.field_in_error_with(user, "Nom", "Le nom est trop long.")


@pytest.mark.parametrize("html", [
    NAME_FIELD.format(attributes=""),
    NAME_FIELD.format(attributes=' aria-invalid="false" aria-describedby="e"') + '<p id="e">Votre nom</p>',
    '<div role="alert" hidden>Veuillez saisir votre nom.</div>' + NAME_FIELD.format(attributes=""),
], ids=["no-message", "not-invalid", "hidden-alert"])
def test_a_field_without_any_message_is_not_in_error(page, html):
    show(page, html)
    with pytest.raises(AssertionError, match="n'est pas signalé en erreur"):
        common.field_in_error(person(page), "Nom")
    assert User.errors(person(page)) == []


def test_an_alert_on_another_page_without_the_field_does_not_count(page):
    show(page, '<div role="alert">Veuillez saisir votre nom.</div><p>Récapitulatif</p>')
    page.locators.overrides = {}
    page.page.set_default_timeout(1000)
    with pytest.raises(AssertionError, match="n'est plus sur la page"):
        common.field_in_error(person(page), "Nom")


def test_errors_collect_page_alerts_and_field_messages(page):
    show(page, '<div role="alert">Le formulaire contient 2 erreurs.</div>' + ON_FIELD)
    assert User.errors(person(page)) == ["Le formulaire contient 2 erreurs.", "Veuillez saisir votre nom."]


# Controls: lists, toggles, links (contract §1)

PREFIX = ('<label for="ind">Indicatif</label><select id="ind">{options}</select>'
          '<label for="q">Question de confiance</label><select id="q"><option>Quel est votre surnom ?</option>'
          '<option>Quel est le prénom de votre conjoint(e) ?</option></select>')


@pytest.mark.parametrize("options", [
    '<option value="BE">BE (+32)</option><option value="FR" selected>FR (+33)</option>',
    '<option value="+32">Belgique</option><option value="+33" selected>FR (+33)</option>',
    '<option>BE</option><option selected>FR</option>',
], ids=["value", "label-beginning", "text-only"])
def test_a_list_shows_its_default_by_value_or_by_the_beginning_of_its_label(page, options):
    show(page, PREFIX.format(options=options))
    form.field_shows(person(page), "Indicatif", "FR")
    form.field_shows(person(page), "Question de confiance", "Quel est votre surnom ?")
    for wrong in ("BE", "F", "FR (+32)"):
        with pytest.raises(AssertionError, match="montre l'option"):
            form.field_shows(person(page), "Indicatif", wrong)


def test_france_is_not_fr(page):
    show(page, PREFIX.format(options='<option value="FRA" selected>FRANCE</option><option value="FR">FR</option>'))
    with pytest.raises(AssertionError, match="montre l'option"):
        form.field_shows(person(page), "Indicatif", "FR")


def test_another_prefix_is_another_option_and_is_shown_after(page):
    show(page, PREFIX.format(options='<option value="">Choisir</option><option value="FR" selected>FR (+33)</option>'
                                     '<option value="BE">BE (+32)</option>'))
    chosen = form.choose_other_prefix(person(page), "FR")
    assert chosen == "BE" and page.selected("Indicatif") == ("BE", "BE (+32)")
    form.field_shows_prefix(person(page), "Indicatif", chosen)
    with pytest.raises(AssertionError):
        form.field_shows(person(page), "Indicatif", "FR")


PASSWORD = '<label for="mdp">Mot de passe</label><input id="mdp" type="password" value="secret">'
TOGGLES = {
    "renames-itself": PASSWORD + '''<button type="button" onclick="const f = document.getElementById('mdp');
        f.type = f.type === 'password' ? 'text' : 'password';
        this.textContent = f.type === 'password' ? 'Afficher' : 'Masquer'">Afficher</button>''',
    "replaced-by-masquer": PASSWORD + '''<span id="t"></span><script>
        const draw = shown => { document.getElementById('mdp').type = shown ? 'text' : 'password';
          document.getElementById('t').innerHTML = `<button type="button">${shown ? 'Masquer' : 'Afficher'}</button>`;
          document.querySelector('#t button').onclick = () => draw(!shown); };
        draw(false);</script>''',
    "aria-pressed": PASSWORD + '''<button type="button" aria-pressed="false" onclick="const f = document.getElementById('mdp');
        f.type = f.type === 'password' ? 'text' : 'password'; this.setAttribute('aria-pressed', f.type === 'text')">
        Afficher</button>''',
}


@pytest.mark.parametrize("toggle", TOGGLES)
def test_a_toggle_is_pressed_again_under_its_new_name_or_as_the_same_element(page, toggle):
    show(page, TOGGLES[toggle])
    page.press("Afficher")
    assert not page.is_masked("Mot de passe")
    page.press("Afficher")
    assert page.is_masked("Mot de passe")
    assert page.value_of("Mot de passe") == "secret"


def test_a_control_gone_under_an_unknown_name_is_not_pressed(page):
    show(page, PASSWORD + '<span id="t"><button type="button" onclick="document.getElementById(\'t\').innerHTML = '
                          '\'<button>Cacher</button>\'">Afficher</button></span>')
    page.press("Afficher")
    with pytest.raises(AssertionError, match="aucun bouton ni lien « Afficher »"):
        page.press("Afficher")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Conditions générales as a page and as a PDF, and a sound, served on the loopback."""
    import functools
    import http.server
    import io
    import threading
    import wave

    from fpdf import FPDF

    root = tmp_path_factory.mktemp("liens")
    (root / "cg.html").write_text('<!doctype html><meta charset="utf-8"><h1>Conditions générales</h1>', encoding="utf-8")
    (root / "etape.html").write_text('<!doctype html><meta charset="utf-8"><h1>Étape</h1>', encoding="utf-8")
    (root / "autre.html").write_text('<!doctype html><meta charset="utf-8"><h1>Mentions légales</h1>', encoding="utf-8")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Conditions generales d'utilisation")
    (root / "cg.pdf").write_bytes(bytes(pdf.output()))
    sound = io.BytesIO()
    with wave.open(sound, "wb") as out:
        out.setnchannels(1), out.setsampwidth(1), out.setframerate(8000), out.writeframes(bytes(8000))
    (root / "son.wav").write_bytes(sound.getvalue())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("html, shown", [
    ('<a href="{site}cg.html">conditions générales</a>', True),
    ('<a href="{site}cg.html" target="_blank">conditions générales</a>', True),
    ('<a href="{site}cg.pdf">conditions générales</a>', True),
    ('<button type="button" onclick="document.getElementById(\'cg\').hidden = false">conditions générales</button>'
     '<div id="cg" role="dialog" hidden><h2>Conditions générales</h2></div>', True),
    ('<button type="button" onclick="window.open(\'{site}cg.html\')">conditions générales</button>', True),
    ('<a href="{site}autre.html">conditions générales</a>', False),
    ('<button type="button" onclick="document.getElementById(\'cg\').hidden = false">conditions générales</button>'
     '<div id="cg" role="dialog" hidden><h2>Mentions légales</h2></div>', False),
], ids=["page", "new-tab", "pdf", "box", "window", "wrong-page", "wrong-box"])
def test_a_link_may_lead_anywhere_sensible_that_shows_the_text(page, site, html, shown):
    page.open(site + "etape.html")
    show(page, html.format(site=site))
    if shown:
        terms.link_leads_to(person(page), "conditions générales", "onditions g")
    else:
        with pytest.raises(AssertionError, match="ne contient pas"):
            terms.link_leads_to(person(page), "conditions générales", "onditions g")


@pytest.mark.parametrize("html", [
    '<a href="{site}son.wav">Ecouter l\'extrait sonore</a>',
    '<audio id="a" src="{site}son.wav"></audio><button type="button" '
    'onclick="document.getElementById(\'a\').play()">Ecouter l\'extrait sonore</button>',
], ids=["link", "player"])
def test_the_sound_is_a_link_or_what_a_player_loads(page, site, html):
    page.open(site + "etape.html")
    show(page, html.format(site=site))
    terms.audio_link(person(page), "Ecouter l'extrait sonore")


def test_a_link_to_no_sound_is_refused(page, site):
    page.open(site + "etape.html")
    show(page, f'<a href="{site}cg.html">Ecouter l\'extrait sonore</a>')
    with pytest.raises(AssertionError, match="type reçu"):
        terms.audio_link(person(page), "Ecouter l'extrait sonore")


def test_a_field_is_found_by_its_name_and_not_a_region_of_the_same_name(page):
    show(page, '<section aria-labelledby="t"><h2 id="t">Question de confiance</h2>'
               '<label for="q">Question de confiance : *</label><select id="q"><option>Quel est votre surnom ?</option>'
               '<option>Quel est le prénom de votre conjoint(e) ?</option></select></section>'
               '<div role="group" aria-label="Nom"><label>Nom : * <input></label></div>')
    page.choose("Question de confiance", "Quel est le prénom de votre conjoint(e) ?")
    assert page.value_of("Question de confiance") == "Quel est le prénom de votre conjoint(e) ?"
    page.fill("Nom", "ROSEMONDE")
    assert page.value_of("Nom") == "ROSEMONDE"
    assert not page.has_field("Prénom")


# The stepper, the strength indicator, the asterisk

STEPS = ["Conditions générales", "Identifiants", "Formulaire inscription", "Récapitulatif", "Enregistrement"]


def _stepper(kind, names):
    mark = lambda name: ' aria-current="step"' if name == "Identifiants" else ""
    if kind == "list":
        return "<nav><ol>" + "".join(f"<li{mark(name)}>{name}</li>" for name in names) + "</ol></nav>"
    if kind == "spans":
        return "<nav><p>" + " &gt; ".join(f"<span{mark(name)}>{name}</span>" for name in names) + "</p></nav>"
    return ("<div>" + "<span aria-hidden='true'>›</span>".join(
        f"<div><strong{mark(name)}>{name}</strong></div>" for name in names) + "</div>")


@pytest.mark.parametrize("kind", ["list", "spans", "nested"])
def test_the_stepper_is_read_with_or_without_list_markup(page, kind):
    show(page, "<h1>Créer votre espace professionnel</h1>" + _stepper(kind, STEPS) + "<p>Suite</p>")
    assert page.steps() == STEPS
    show(page, "<h1>Créer votre espace professionnel</h1>" + _stepper(kind, STEPS[1:]) + "<p>Suite</p>")
    assert page.steps() == STEPS[1:]


@pytest.mark.parametrize("html, level", [
    ("<p>Niveau de sécurité : Fort</p>", "Fort"),
    ("<p>Niveau de sécurité de votre mot de passe : <strong>Moyen</strong></p>", "Moyen"),
])
def test_the_strength_is_the_word_after_the_indicator(page, html, level):
    show(page, html)
    user = person(page)
    credentials.strength_is(user, f'"{level}"')
    with pytest.raises(AssertionError, match="indicateur affiché"):
        credentials.strength_is(user, '"Faible"')


@pytest.mark.parametrize("label, shown", [("Nom : *", True), ("Nom *", True), ("Nom :", False), ("Nom", False)])
def test_an_asterisk_after_the_label_with_or_without_colon(page, label, shown):
    show(page, f'<label for="n">{label}</label><input id="n">')
    table = [["champ"], ["Nom"]]
    if shown:
        login_page.required_fields(person(page), table)
    else:
        with pytest.raises(AssertionError, match="sans astérisque"):
            login_page.required_fields(person(page), table)


def test_a_link_back_to_the_page_itself_does_not_lead_to_the_text(page, site):
    (html := '<nav><ol><li aria-current="step">Conditions générales</li><li>Identifiants</li></ol></nav>'
             '<a href="{href}">conditions générales</a>')
    page.open(site + "etape.html")
    show(page, html.format(href=site + "etape.html"))
    with pytest.raises(AssertionError, match="ramène à la page même"):
        terms.link_leads_to(person(page), "conditions générales", "onditions g")


# Ticking a box: a person clicks the box drawn on the screen, whoever draws it

TERMS = TERMS_CHECKBOX
BOXES = {
    "plain": f'<input type="checkbox" id="c"><label for="c">{TERMS} et les accepte</label>',
    # The DSFR: the input kept in place but transparent, its label's ::before draws the box over it.
    "dsfr-label-over-input": f'''<style>.g {{ position: relative }} .g input {{ position: absolute; opacity: 0;
        left: 0; width: 1.5rem; height: 1.5rem }} .g label {{ position: relative; padding-left: 2rem }}
        .g label::before {{ content: ""; position: absolute; left: 0; width: 1.5rem; height: 1.5rem; border: 1px solid }}
        </style><div class="g"><input type="checkbox" id="c"><label for="c">{TERMS} (<a href="#cgu">lire</a>) et les accepte</label></div>''',
}


@pytest.mark.parametrize("drawing", BOXES)
def test_a_box_is_ticked_however_it_is_drawn(page, drawing):
    show(page, BOXES[drawing])
    page.check(TERMS)
    assert page.page.is_checked("#c") and not page.page.url.endswith("#cgu")


def test_a_box_under_another_element_is_not_ticked_through_it(page):
    show(page, f'''<style>#voile {{ position: fixed; inset: 0; background: rgb(0 0 0 / 50%) }}</style>
        <input type="checkbox" id="c"><label for="c">{TERMS} et les accepte</label><div id="voile"></div>''')
    with pytest.raises(Exception, match="intercepts pointer events"):
        page.check(TERMS)
    assert not page.page.is_checked("#c")
