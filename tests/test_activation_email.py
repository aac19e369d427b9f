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
