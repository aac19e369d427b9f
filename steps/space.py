"""Steps of the created space (guide §3 end, §4, §5, §1.3): the confirmation, the recap PDF,
signing in and out, the space, and the assistance."""

import html
import re
from dataclasses import dataclass
from datetime import date, timedelta

from pytest_bdd import given, parsers, when

from steps.checks import then

from espro import recap_pdf
from steps.text import fold, lines

SERVICES_LINK = "Accédez à vos services en ligne"
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
# The date as the confirmation prints it: « 20 février 2026 », « 1er mars 2026 » (CONFIRM-02).
FRENCH_DATE = r"(?P<day>1er|[1-9]|[12][0-9]|3[01]) (?P<month>{}) (?P<year>[0-9]{{4}})".format("|".join(MONTHS))
GUIDE_NUMBER = re.compile(r"\d{14}")
ONE_MINUTE = timedelta(minutes=1)
SPANS = {"un jour": 24 * 3600, "une heure": 3600}
# What the person types in the address fields of the form, beside the fixture's values (PDF-04).
ADDRESS_CASES = {
    "sans complément d'adresse": {"address_complement": ""},
    "avec un complément d'adresse": {"address_complement": "Bâtiment B"},
    "sans numéro de voie ni code postal": {"street_number": "", "postcode": ""},
}
# The labels of the recap PDF and the attribute of the person they show (guide §4).
PDF_VALUES = {
    "Nom": "last_name",
    "Prénom": "first_name",
    "Téléphone": "phone",
    "Adresse électronique de connexion": "email",
    "Adresse": "full_address",
    "Question de confiance": "trust_question",
    "Réponse de confiance": "trust_answer",
}


@dataclass(frozen=True)
class FetchedRecap:
    """The recap as fetched: its type, what pypdf read, and the record the schema validated."""

    content_type: str
    document: recap_pdf.RecapDocument
    record: dict


def _fetch_recap(user) -> FetchedRecap:
    """Follow « Sauvegardez ou imprimez le récapitulatif » and check the document against the schema."""
    content_type, document = user.recap_document()
    return FetchedRecap(content_type, document, recap_pdf.check(document))


def _french_date(moment) -> str:
    day = "1er" if moment.day == 1 else str(moment.day)
    return f"{day} {MONTHS[moment.month - 1]} {moment.year}"


def _registration_sentence(user) -> re.Match:
    found = re.search(rf"Votre inscription a été réalisée le {FRENCH_DATE} sous le numéro (?P<number>\d+)\.",
                      user.page_text())
    assert found, "la page ne contient pas « Votre inscription a été réalisée le <date> sous le numéro <numéro>. »"
    return found


# Who the person is

@given(parsers.parse('un usager qui saisit le nom "{last_name}" et le prénom "{first_name}"'), target_fixture="user")
def named_applicant(user, last_name, first_name):
    user.use_details(last_name=last_name, first_name=first_name)
    return user


@given(parsers.re("un usager qui a créé et activé son espace professionnel (?P<case>{})".format(
    "|".join(re.escape(case) for case in ADDRESS_CASES))), target_fixture="user")
def with_space_and_address(user, case):
    user.use_details(**ADDRESS_CASES[case])
    user.create_space()
    return user


# What the person does

@when("il crée et active son espace professionnel")
def create_and_activate(user):
    user.create_space()


@when("un autre usager crée et active son espace professionnel", target_fixture="other_user")
def someone_else_creates(user):
    other = user.someone_else()
    other.create_space()
    return other


@when(parsers.re("l'horloge du site avance d'(?P<span>{})".format("|".join(SPANS))), target_fixture="site_clock_before")
def site_clock_moves(user, span):
    return user.target_time(SPANS[span])


@when("il ouvre le récapitulatif PDF", target_fixture="fetched_recap")
def open_recap(user):
    return _fetch_recap(user)


@when('il note l\'adresse du lien "Sauvegardez ou imprimez le récapitulatif"', target_fixture="noted_recap_address")
def note_recap_address(user):
    return user.recap_address()


@when("il note l'adresse de la page affichée", target_fixture="noted_page_address")
def note_page_address(user):
    return user.note_url()


@when("il ouvre l'adresse notée du récapitulatif dans un navigateur neuf", target_fixture="fetched_at_address")
def fetch_noted_recap_elsewhere(user, noted_recap_address):
    user.new_session()
    return user.document_at(noted_recap_address)


@when("il ouvre l'adresse notée du récapitulatif", target_fixture="fetched_at_address")
def fetch_noted_recap(user, noted_recap_address):
    return user.document_at(noted_recap_address)


@when("il ouvre l'adresse notée de la page")
def open_noted_page(user, noted_page_address):
    user.open_address(noted_page_address)


@when("il ouvre la page de connexion dans un navigateur neuf")
def login_page_elsewhere(user):
    user.new_session()
    user.open_login_page()


@when("il se connecte avec son adresse électronique et son mot de passe")
def log_in(user):
    user.log_in(user.applicant.email, user.applicant.password)


@when("il se connecte avec son adresse électronique en majuscules et son mot de passe")
def log_in_upper_case(user):
    user.log_in(user.applicant.email.upper(), user.applicant.password)


@when("il ouvre son espace depuis la page de connexion")
def open_space_by_login(user):
    user.new_session()
    user.log_in(user.applicant.email, user.applicant.password)


@when('il ouvre son espace par le lien "Accédez à vos services en ligne"')
def open_space_by_link(user):
    user.press(SERVICES_LINK)


@when("il se rend sur la page de connexion")
def go_to_login_page(user):
    user.open_login_page()


@when("il se rend sur son espace professionnel")
def go_to_space(user):
    user.create_space()
    user.new_session()
    user.log_in(user.applicant.email, user.applicant.password)
    assert user.is_signed_in(), f"l'usager n'a pas pu se connecter à son espace ; erreurs : {user.errors()}"


# What the person sees: the confirmation (guide §3 end, §4)

@then(parsers.parse('la page affiche, sous le titre "{title}", "{text}"'))
def shows_under_title(user, title, text):
    titles = user.headings()
    assert title in titles, f"titres de la page : {titles}, attendu « {title} »"
    shown = user.page_text()
    after = shown[shown.find(title) + len(title):]
    assert text in after, f"la page ne montre pas « {text} » sous « {title} » : « {after[:120]} »"


@then("la page affiche la phrase du guide, avec sa date d'inscription et son numéro d'abonné :")
def shows_guide_sentence(user, docstring):
    guide = fold(docstring)
    example, number = re.search(FRENCH_DATE, guide), GUIDE_NUMBER.search(guide)
    assert example and number and example.end() < number.start(), f"phrase du guide sans date puis numéro : {guide}"
    before, between, after = guide[:example.start()], guide[example.end():number.start()], guide[number.end():]
    pattern = re.escape(before) + FRENCH_DATE + re.escape(between) + r"(?P<number>\d+)" + re.escape(after)
    shown = re.search(pattern, user.page_text())
    assert shown, f"la page ne montre pas la phrase « {before}<date comme « {example.group(0)} »>{between}<numéro>{after} »"
    day = 1 if shown.group("day") == "1er" else int(shown.group("day"))
    try:
        date(int(shown.group("year")), MONTHS.index(shown.group("month")) + 1, day)
    except ValueError:
        raise AssertionError(f"la date affichée n'existe pas : {shown.group(0)}") from None
    assert shown.group("number") == user.subscriber_number, \
        f"numéro de la phrase : {shown.group('number')}, numéro d'abonné lu : {user.subscriber_number}"


@then("la date d'inscription affichée est celle du jour de l'activation selon l'horloge du site, à l'heure de Paris")
def registration_date_is_activation_day(user, site_clock_before):
    after = user.target_time()
    expected = {(moment.day, MONTHS[moment.month - 1], moment.year) for moment in (site_clock_before, after)}
    found = _registration_sentence(user)
    shown = (1 if found.group("day") == "1er" else int(found.group("day")), found.group("month"), int(found.group("year")))
    assert shown in expected, (
        f"date d'inscription affichée : « {found.group('day')} {found.group('month')} {found.group('year')} », "
        f"attendue : {' ou '.join(sorted({_french_date(site_clock_before), _french_date(after)}))} "
        f"(horloge du site, heure de Paris)")


@then("leurs numéros d'abonné sont différents")
def numbers_differ(user, other_user):
    assert user.subscriber_number and other_user.subscriber_number, "un numéro d'abonné n'a pas pu être lu"
    assert user.subscriber_number != other_user.subscriber_number, \
        f"deux espaces ont le même numéro d'abonné : {user.subscriber_number}"


# What the person sees: the recap PDF (guide §4)

@then("le récapitulatif PDF reprend ses informations et ce numéro d'abonné")
def recap_pdf_matches(user):
    recap = _fetch_recap(user)
    applicant = user.applicant
    assert recap.content_type.startswith("application/pdf"), f"type reçu : {recap.content_type!r}"
    expected = {label: getattr(applicant, attribute) for label, attribute in PDF_VALUES.items()}
    expected["N° d'abonné"] = user.subscriber_number
    wrong = {label: (recap.document.fields.get(label), value) for label, value in expected.items()
             if recap.document.fields.get(label) != value}
    assert not wrong, f"valeurs du PDF (lue, attendue) : {wrong}"
    assert not recap_pdf.contains_secret(recap.document, applicant.password), "le PDF contient le mot de passe"


@then("il obtient un fichier PDF dont le texte se lit")
def got_readable_pdf(fetched_recap):
    kind = fetched_recap.content_type.split(";")[0].strip()
    assert kind in ("application/pdf", "application/octet-stream"), \
        f"le lien donne un document de type « {kind} », ni un PDF ni un téléchargement"
    assert recap_pdf.folded_text(fetched_recap.document), "le texte du PDF ne s'extrait pas"


@then("le récapitulatif PDF affiche :")
def pdf_shows_lines(fetched_recap, docstring):
    text = recap_pdf.folded_text(fetched_recap.document)
    missing = [line for line in lines(docstring) if line not in text]
    assert not missing, f"le texte du PDF ne contient pas : {missing}"


@then(parsers.parse('le récapitulatif PDF affiche "{text}"'))
def pdf_shows(fetched_recap, text):
    assert text in recap_pdf.folded_text(fetched_recap.document), f"le texte du PDF ne contient pas « {text} »"


@then("le récapitulatif PDF montre, sur la ligne de chaque libellé, la valeur saisie :")
def pdf_lines_show_values(user, fetched_recap, datatable):
    pdf_lines = [fold(line) for line in fetched_recap.document.text.splitlines()]
    wrong = {}
    for label in (row[0] for row in datatable[1:]):
        value = getattr(user.applicant, PDF_VALUES[label])
        line = re.compile(rf"(?<!\S){re.escape(label)}\s*:\s*{re.escape(value)}(?!\S)")
        if not any(line.search(shown) for shown in pdf_lines):
            wrong[label] = (fetched_recap.document.fields.get(label), value)
    assert not wrong, f"lignes du PDF sans « libellé : valeur saisie » (lue, attendue) : {wrong}"


@then("la ligne \"Adresse\" du récapitulatif PDF assemble, dans l'ordre, les parties saisies de l'adresse")
def pdf_address_assembled(user, fetched_recap):
    shown, expected = fetched_recap.document.fields.get("Adresse"), user.applicant.full_address
    assert shown == expected, f"adresse du PDF : {shown!r}, attendue {expected!r}"


@then("le numéro d'abonné du récapitulatif PDF est celui de la page de confirmation")
def pdf_number_is_confirmations(user, fetched_recap):
    shown = fetched_recap.document.fields.get("N° d'abonné")
    assert shown == user.subscriber_number, \
        f"numéro du PDF : {shown!r}, numéro de la page de confirmation : {user.subscriber_number!r}"


@then("le récapitulatif PDF porte sa date et son heure de création selon l'horloge du site, à une minute près")
def pdf_creation_time(user, fetched_recap, site_clock_before):
    after = user.target_time()
    document = fetched_recap.document
    mention = f"Votre espace professionnel : document créé le {document.created}"
    assert mention in recap_pdf.folded_text(document), f"le PDF ne porte pas « {mention} »"
    created = recap_pdf.created_at(document)
    assert site_clock_before - ONE_MINUTE <= created <= after + ONE_MINUTE, (
        f"document créé le {document.created} (heure de Paris), horloge du site entre "
        f"{site_clock_before:%d/%m/%Y %H:%M:%S} et {after:%d/%m/%Y %H:%M:%S}")


@then("le récapitulatif PDF ne contient pas son mot de passe")
def pdf_without_password(user, fetched_recap):
    assert not recap_pdf.contains_secret(fetched_recap.document, user.applicant.password), \
        "le texte du PDF contient le mot de passe"


@then("il reçoit son récapitulatif")
def recap_given(user, fetched_at_address):
    content_type, content = fetched_at_address
    assert content.lstrip().startswith(b"%PDF"), f"l'adresse notée ne donne pas un PDF (type « {content_type} »)"
    shown = recap_pdf.check(recap_pdf.read(content))["fields"]["N° d'abonné"]
    assert shown == user.subscriber_number, f"numéro du PDF : {shown}, attendu {user.subscriber_number}"


@then("il ne reçoit pas son récapitulatif")
def no_recap_given(user, fetched_at_address):
    """Neither the PDF nor anything else that shows his data (his number, address, name, phone,
    trust answer): a page of his coordinates is his recap too."""
    content_type, content = fetched_at_address
    if content.lstrip().startswith(b"%PDF"):
        text = fold(recap_pdf.read(content).text)
    else:
        text = fold(html.unescape(re.sub(r"(?is)<(script|style)\b.*?</\1>|<[^>]+>", " ",
                                          content.decode("utf-8", errors="replace"))))
    leaked = user.personal_data_in(text)
    assert not leaked, (f"sans sa session, l'adresse du récapitulatif donne encore ses données "
                        f"(type « {content_type} ») : {leaked}")


# What the person sees: the space (guide §1.3, §4)

@then("il est connecté à son espace professionnel")
def signed_in(user):
    """Signed in (contract §1), and in HIS space: the page shows his subscriber number, his name or
    his login address (the confirmation prints « NOM Prénom » and the number, guide §3)."""
    assert user.is_signed_in(), f"pas de « Se déconnecter » après connexion ; erreurs : {user.errors()}"
    mine = user.own_space_marks()
    assert mine, ("l'espace ouvert ne montre rien de l'usager (ni son numéro d'abonné "
                  f"{user.subscriber_number or '(inconnu)'}, ni « {user.applicant.last_name} {user.applicant.first_name} », "
                  f"ni {user.applicant.email}) : rien ne dit que c'est son espace")


@then("la page indique qu'il n'a encore aucun dossier ni aucun service")
def space_is_empty(user):
    """The guide says the new space is empty (§1.3) but prints no wording: any page that says it has
    no dossier and no service, in its own words, passes."""
    missing = user.says_it_has_none_of(("dossier", "service"))
    assert not missing, f"la page ne dit pas qu'il n'a aucun {' ni aucun '.join(missing)}"


@then("la page montre ses coordonnées")
def shows_details(user):
    applicant = user.applicant
    expected = [applicant.last_name, applicant.first_name, applicant.phone, applicant.email, applicant.street_number,
                applicant.street_type, applicant.street_name, applicant.postcode, applicant.city, applicant.country]
    text = user.page_text()
    missing = [value for value in expected if value and value not in text]
    assert not missing, f"la page ne montre pas : {missing}"


@then("il lui faut se connecter de nouveau")
def must_sign_in_again(user):
    assert not user.is_signed_in(), "l'usager est toujours connecté"
    assert user.can_sign_in(), "la page n'offre pas « Se connecter »"
    shown = user.personal_data_in(user.page_text())
    assert not shown, f"sans connexion, la page montre encore de ses données : {shown}"


# Where « Etape précédente » of the first step leads (ETAPE-07): the mode choice page, whole

@then("la page du choix du mode s'affiche et propose :")
def mode_page_offers(user, datatable):
    lacking = user.is_mode_page()
    assert not lacking, f"la page affichée n'est pas celle du choix du mode : il y manque {', '.join(lacking)}"
    missing = [row[0] for row in datatable[1:] if not user.offers(row[0])]
    assert not missing, f"aucun bouton ni lien nommé : {missing}"
