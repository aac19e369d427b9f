"""Steps of the Enregistrement page and of the activation e-mail (guide §1.4 and §2, from « Valider »
to « FIN de la 1ère partie »). Every activation e-mail a step reads is turned into the record of
schemas/activation-email.schema.json and validated against it."""

import re
from datetime import datetime, timedelta

from pytest_bdd import given, parsers, when

from steps.checks import then

from espro import activation_email
from espro.testdata import email_of_length
from steps.text import fold, lines, missing_in_order

def _records(user, count: int = 1) -> list[dict]:
    """Every activation e-mail received at the person's address (at least `count`), read as a mail
    client would and validated against the schema."""
    return [activation_email.validated(activation_email.to_record(email)) for email in user.activation_emails(count)]


def _record(user) -> dict:
    """The last activation e-mail received, validated."""
    return _records(user)[-1]


def _capitalized(address: str) -> str:
    local, domain = address.split("@")
    return ".".join(part.capitalize() for part in local.split(".")) + "@" + domain


# Who the person is

@given(parsers.re(r"un usager dont l'adresse électronique est "
                  r"(?P<kind>ordinaire|écrite avec des majuscules|de (?P<length>\d+) caractères)"))
def applicant_with_address(user, kind, length):
    if length:
        user.use_details(email=email_of_length(user.applicant, int(length)))
    elif kind == "écrite avec des majuscules":
        user.use_details(email=_capitalized(user.applicant.email))
    assert len(user.applicant.email) == int(length or len(user.applicant.email))


# What the person does

@when("il revient aux identifiants et choisit une nouvelle adresse électronique", target_fixture="first_address")
def choose_new_address(user):
    first = user.applicant.email
    user.press("Etape précédente")
    user.use_details(email="nouvelle." + first)
    user.enter_credentials()
    return first


@when("il note l'heure du site", target_fixture="time_before")
def note_time_before(user):
    return user.target_time()


@when("il note de nouveau l'heure du site", target_fixture="time_after")
def note_time_after(user):
    return user.target_time()


# What the Enregistrement page shows

@then(parsers.re(r'la page affiche "(?P<text>[^"]+)" suivi de son adresse électronique'))
def page_shows_text_then_address(user, text):
    shown = user.page_text()
    expected = fold(text) + " " + user.applicant.email
    pattern = re.escape(fold(text)) + r"\s*" + re.escape(user.applicant.email) + r"(?!\S)"
    if not re.search(pattern, shown):
        after = shown.find(fold(text))
        found = shown[after:after + len(expected) + 20] if after >= 0 else "(phrase absente)"
        raise AssertionError(f"la page montre « {found} », attendu « {expected} »")


# What the person receives

@then(parsers.re(r"un courriel d'activation lui parvient dans les (?P<seconds>\d+) secondes"))
def mail_within(user, seconds):
    took = user.seconds_until_first_email(float(seconds))
    _records(user)
    assert took <= float(seconds), f"courriel reçu en {took:.1f} s"


@then("il reçoit un seul courriel d'activation")
def exactly_one_mail(user):
    _records(user)
    user.emails_settled()
    received = _records(user)
    assert len(received) == 1, f"{len(received)} courriels reçus pour {user.applicant.email}"


@then("le courriel d'activation est adressé à son adresse électronique et à elle seule")
def mail_to_address(user):
    recipients = _record(user)["recipients"]
    assert recipients == [user.applicant.email], \
        f"destinataires (en-tête To) : {recipients}, attendu : [{user.applicant.email}]"


@then("aucun courriel n'est envoyé à sa première adresse électronique")
def no_mail_to_first(user, first_address):
    received = user.emails_settled(first_address)
    assert received == 0, f"{received} courriel(s) pour {first_address}"


@then(parsers.parse("l'expéditeur du courriel d'activation est \"{address}\""))
def mail_sender(user, address):
    sender = _record(user)["sender"]
    assert sender == address, f"expéditeur (en-tête From) : {sender!r}, attendu « {address} »"


@then(parsers.parse("l'adresse de l'expéditeur se termine par \"{domain}\""))
def sender_domain(user, domain):
    sender = _record(user)["sender"]
    assert sender.endswith(domain) and sender.count("@") == 1, \
        f"expéditeur (en-tête From) : {sender!r}, dont la partie droite n'est pas « {domain} »"


@then(parsers.parse("l'objet du courriel d'activation est \"{subject}\""))
def mail_subject(user, subject):
    shown = _record(user)["subject"]
    assert shown == subject, f"objet (en-tête Subject décodé) : {shown!r}, attendu « {subject} »"


@then("le courriel d'activation porte une date d'envoi conforme à la RFC 5322")
def mail_dated(user):
    _records(user)
    header = user.activation_emails()[-1].date
    assert activation_email.is_rfc5322_date(header), f"en-tête Date : {header!r}, qui ne suit pas la RFC 5322 §3.3"


@then("le courriel d'activation est daté entre les deux heures notées")
def mail_date_between(user, time_before, time_after):
    date = _record(user)["date"]
    sent = datetime.fromisoformat(date)
    earliest, latest = time_before.replace(microsecond=0), time_after + timedelta(seconds=1)
    assert earliest <= sent <= latest, (f"courriel daté du {sent.isoformat()}, hors de l'envoi selon l'horloge du site "
                                        f"(entre {earliest.isoformat()} et {latest.isoformat()})")


@then("le courriel d'activation contient, dans cet ordre :")
def mail_contains(user, docstring):
    text = fold(_record(user)["text"])
    expected = lines(docstring)
    missing = missing_in_order(text, expected)
    assert missing is None, f"le courriel ne contient pas, à sa place dans l'ordre attendu : « {missing} »"


@then("le courriel d'activation donne après « code suivant : », seul sur sa ligne, un code de 12 lettres et chiffres")
def code_on_its_line(user):
    record = _record(user)
    code = record["code"]
    lines = [line.strip() for line in record["text"].splitlines()]
    line = next((line for line in lines if code in line), '')
    assert code in lines, f"le code {code} n'est pas seul sur sa ligne : « {line} »"


@then("son code d'activation diffère de celui de l'autre personne")
def codes_differ(user, other_person):
    mine, theirs = _record(user)["code"], _record(other_person)["code"]
    assert mine != theirs, f"les deux demandes ont reçu le même code : {mine}"


@then("le courriel d'activation ne contient son mot de passe ni dans son texte, ni dans son HTML, ni dans ses en-têtes")
def password_not_in_mail(user):
    _records(user)
    password = user.applicant.password
    revealing = [index for index, whole in enumerate(user.emails_shown_whole(), start=1) if password in whole]
    assert not revealing, f"le mot de passe figure dans le courriel n°{revealing[0]} reçu"
