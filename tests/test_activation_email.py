"""Reading the activation e-mail as a mail client would, and finding its code."""

from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from espro.activation_email import activation_code, read

BODY = ("Bonjour,\n\nVotre espace professionnel sera actif lorsque vous aurez saisi le code suivant :\n\n"
        "m6eiX7RRyWUU\n\nRemarque : ce code n'est pas un mot de passe.")
SUBJECT = "Espace professionnel - Création ou modification de l'espace"


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64", "8bit"])
def test_plain_text_in_any_transfer_encoding(encoding):
    message = EmailMessage()
    message["Subject"] = SUBJECT
    message["From"] = "ne-pas-repondre@dgfip.finances.gouv.fr"
    message["To"] = "lila@example.com"
    message.set_content(BODY, cte=encoding)
    email = read(message.as_bytes())
    assert email.subject == SUBJECT
    assert email.sender == "ne-pas-repondre@dgfip.finances.gouv.fr"
    assert activation_code(email.text) == "m6eiX7RRyWUU"


def test_encoded_subject_is_decoded():
    message = MIMEText(BODY, "plain", "utf-8")
    message["Subject"] = "=?utf-8?q?Espace_professionnel_-_Cr=C3=A9ation_ou_modification_de_l=27espace?="
    assert read(message.as_bytes()).subject == SUBJECT


def test_html_only_message_is_read_as_text():
    html = BODY.replace("\n", "<br>").replace("m6eiX7RRyWUU", "<strong>m6eiX7RRyWUU</strong>")
    message = MIMEMultipart("alternative")
    message.attach(MIMEText(f"<html><body><p>{html}</p></body></html>", "html", "utf-8"))
    assert activation_code(read(message.as_bytes()).text) == "m6eiX7RRyWUU"


def test_plain_part_is_preferred_to_html():
    message = MIMEMultipart("alternative")
    message.attach(MIMEText(BODY, "plain", "utf-8"))
    message.attach(MIMEText("<p>code suivant : AAAAAAAAAAAA</p>", "html", "utf-8"))
    assert activation_code(read(message.as_bytes()).text) == "m6eiX7RRyWUU"


@pytest.mark.parametrize("text", [
    "code suivant : abc",                 # too short
    "code suivant : m6eiX7RRyWUU9",       # 13 characters
    "code suivant : m6eiX7RR-WUU",        # not alphanumeric
    "le code m6eiX7RRyWUU est là",        # not after "code suivant :"
])
def test_no_code_where_the_contract_finds_none(text):
    assert activation_code(text) is None


# The record the suite makes of an activation e-mail, and its schema

import base64  # noqa: E402
import json  # noqa: E402

import jsonschema  # noqa: E402

from espro.activation_email import (  # noqa: E402
    SCHEMA_FILE, everything_shown, is_rfc5322_date, record_problems, to_record, validated,
)

SENDER = "ne-pas-repondre@dgfip.finances.gouv.fr"
RECORD_KEYS = {"sender", "recipients", "subject", "date", "code", "text"}


def activation_message(body=BODY, **headers) -> EmailMessage:
    message = EmailMessage()
    message["From"] = headers.get("sender", f"DGFiP <{SENDER}>")
    message["To"] = headers.get("to", "Lila ROSEMONDE <lila.rosemonde@example.com>")
    message["Subject"] = headers.get("subject", SUBJECT)
    if headers.get("date") is not None:
        message["Date"] = headers["date"]
    message.set_content(body)
    return message


def record_of(message) -> dict:
    return to_record(read(message.as_bytes()))


def test_the_record_holds_what_a_mail_client_shows():
    record = record_of(activation_message(date="Wed, 25 Feb 2026 14:09:29 +0100"))
    assert record == {
        "sender": SENDER,
        "recipients": ["lila.rosemonde@example.com"],
        "subject": SUBJECT,
        "date": "2026-02-25T14:09:29+01:00",
        "code": "m6eiX7RRyWUU",
        "text": BODY + "\n",
    }
    assert validated(record) is record


def test_the_record_decodes_encoded_headers_and_keeps_every_recipient_in_order():
    message = MIMEText(BODY, "plain", "utf-8")
    message["From"] = f"=?utf-8?q?Direction_g=C3=A9n=C3=A9rale?= <{SENDER}>"
    message["To"] = '"ROSEMONDE, Lila" <Lila.Rosemonde@example.com>, paul@example.com'
    message["Subject"] = "=?utf-8?b?" + base64.b64encode(SUBJECT.encode()).decode() + "?="
    message["Date"] = "Wed, 25 Feb 2026 13:09:29 -0000"
    record = to_record(read(message.as_bytes()))
    assert record["sender"] == SENDER
    assert record["recipients"] == ["Lila.Rosemonde@example.com", "paul@example.com"]
    assert record["subject"] == SUBJECT
    assert record["date"] == "2026-02-25T13:09:29+00:00"
    assert record_problems(record) == []


def test_what_cannot_be_read_is_null_and_refused_by_the_schema():
    message = activation_message(body="Bonjour,\n\ncode suivant : trop-court", sender="", to="", subject="",
                                 date="2026-02-25 14:09:29")
    record = record_of(message)
    assert record["sender"] is None and record["recipients"] == [] and record["date"] is None
    assert record["code"] is None
    problems = " ".join(record_problems(record))
    for where in ("sender", "recipients", "subject", "date", "code"):
        assert f"{where} :" in problems, problems
    with pytest.raises(AssertionError, match="ne suit pas activation-email.schema.json : code : None"):
        validated(record)


def test_a_message_without_date_has_no_date_in_its_record():
    record = record_of(activation_message())
    assert record["date"] is None
    assert any(problem.startswith("date :") for problem in record_problems(record))


@pytest.mark.parametrize("change, where", [
    ({"code": "m6eiX7RRyWUU9"}, "code"),
    ({"code": "m6eiX7RR-WUU"}, "code"),
    ({"date": "25/02/2026 14:09:29"}, "date"),
    ({"date": "2026-02-25T14:09:29"}, "date"),        # no offset: which instant?
    ({"sender": "DGFiP <ne-pas-repondre@dgfip.finances.gouv.fr>"}, "sender"),
    ({"recipients": "lila@example.com"}, "recipients"),
    ({"text": ""}, "text"),
    ({"html": "<p>Bonjour</p>"}, "le message"),
], ids=["code-13", "code-dash", "date-french", "date-naive", "sender-display-name", "recipients-string",
        "text-empty", "unknown-key"])
def test_the_schema_refuses_a_record_out_of_shape(change, where):
    record = {**record_of(activation_message(date="Wed, 25 Feb 2026 14:09:29 +0100")), **change}
    assert any(problem.startswith(f"{where} :") for problem in record_problems(record)), record_problems(record)


def test_the_schema_is_valid_draft_2020_12_and_describes_every_property():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == set(schema["required"]) == RECORD_KEYS
    undescribed = [name for name, definition in schema["properties"].items() if not definition.get("description")]
    assert undescribed == [] and schema["properties"]["recipients"]["items"]["description"]


def test_the_schema_examples_make_a_valid_record():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    example = {name: definition["examples"][0] for name, definition in schema["properties"].items()
               if "examples" in definition}
    assert record_problems({**example, "text": BODY}) == []


@pytest.mark.parametrize("header, valid", [
    ("Wed, 25 Feb 2026 14:09:29 +0100", True),
    ("25 Feb 2026 14:09 -0000", True),
    ("Wed, 25 Feb 2026 14:09:29 +0100 (CET)", True),
    ("Thu, 25 Feb 2026 14:09:29 +0100", False),       # 25 February 2026 is a Wednesday
    ("Wed, 25 Feb 26 14:09:29 +0100", False),         # two-digit year: obsolete
    ("Wed, 25 Feb 2026 14:09:29 GMT", False),         # named zone: obsolete
    ("2026-02-25 14:09:29", False),                   # what a mail client shows, not the header
    ("", False),
])
def test_rfc5322_dates(header, valid):
    assert is_rfc5322_date(header) is valid


def test_ordered_lists_of_an_html_only_message_are_numbered_as_a_client_shows_them():
    html = ("<html><head><title>Objet</title></head><body><p>Pour activer :</p>"
            "<ol><li>connectez-vous</li><li>cliquez</li></ol><ul><li>conseil</li></ul>"
            "<ol start=\"4\"><li>saisissez</li></ol></body></html>")
    message = MIMEMultipart("alternative")
    message.attach(MIMEText(html, "html", "utf-8"))
    text = " ".join(read(message.as_bytes()).text.split())
    assert "Pour activer : 1. connectez-vous 2. cliquez - conseil 4. saisissez" in text


def test_everything_shown_reveals_a_secret_hidden_in_any_part_or_header():
    secret = "Mdp2026SecretSecretSecret"
    message = MIMEMultipart("alternative")
    message["X-Trace"] = f"=?utf-8?b?{base64.b64encode(secret.encode()).decode()}?="
    message.attach(MIMEText(BODY, "plain", "utf-8"))
    assert secret in everything_shown(message.as_bytes())
    hidden_in_html = MIMEMultipart("alternative")
    hidden_in_html.attach(MIMEText(BODY, "plain", "utf-8"))
    hidden_in_html.attach(MIMEText(f"<p>{BODY}</p><!-- {secret} -->", "html", "utf-8"))
    raw = hidden_in_html.as_bytes()
    assert secret.encode() not in raw                 # base64: not readable in the raw bytes
    assert secret not in read(raw).text               # nor in the text a client prefers
    assert secret in everything_shown(raw)
