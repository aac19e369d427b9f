"""Reading the recap PDF (guide §4) and checking what was read against schemas/recap.schema.json."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fpdf import FPDF
from jsonschema import Draft202012Validator

from espro import recap_pdf

PASSWORD = "Aa7bB8cC9dD0eE1fF2gG3hH4"
GUIDE_LINES = [
    "VOTRE ESPACE PROFESSIONNEL",
    "RECAPITULATIF DE VOS DONNEES PERSONNELLES",
    "Vos coordonnées",
    "Nom : ROSEMONDE",
    "Prénom : Lila",
    "N° d'abonné : 20260510000101",
    "Téléphone : 0123456789",
    "Adresse électronique de connexion : lila.rosemonde.expert@dgfip.finances.gouv.fr",
    "Adresse : 12 rue de Longchamp 75016 PARIS FRANCE",
    "Votre question/réponse de confiance",
    "(indispensable en cas de perte de votre mot de passe)",
    "Question de confiance : Quel est le prénom de votre conjoint(e) ?",
    "Réponse de confiance : Paul",
    "Votre espace professionnel : document créé le 25/02/2026 à 14h29mn59s",
    "Enregistrez ce fichier et éventuellement imprimez-le pour vos archives.",
]


def pdf_of(lines, table=False) -> bytes:
    """A small PDF with one line per item; `table` puts each « label : value » in two cells."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        label, colon, value = line.partition(" : ")
        if table and colon and not line.startswith("Votre espace"):
            pdf.cell(80, 6, label + " :")
            pdf.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def without(prefix):
    return [line for line in GUIDE_LINES if not line.startswith(prefix)]


def test_schema_is_valid_draft_2020_12_and_describes_every_property():
    schema = json.loads(recap_pdf.SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def undescribed(node, path):
        for name, sub in node.get("properties", {}).items():
            if "description" not in sub:
                yield f"{path}/{name}"
            yield from undescribed(sub, f"{path}/{name}")

    assert list(undescribed(schema, "")) == []


@pytest.mark.parametrize("table", [False, True], ids=["lines", "table"])
def test_the_guides_recap_reads_into_a_valid_record(table):
    document = recap_pdf.read(pdf_of(GUIDE_LINES, table=table))
    record = recap_pdf.check(document)
    assert record["titles"] == list(recap_pdf.TITLES)
    assert record["fields"] == {
        "Nom": "ROSEMONDE",
        "Prénom": "Lila",
        "N° d'abonné": "20260510000101",
        "Téléphone": "0123456789",
        "Adresse électronique de connexion": "lila.rosemonde.expert@dgfip.finances.gouv.fr",
        "Adresse": "12 rue de Longchamp 75016 PARIS FRANCE",
        "Question de confiance": "Quel est le prénom de votre conjoint(e) ?",
        "Réponse de confiance": "Paul",
    }
    assert record["created"] == "document créé le 25/02/2026 à 14h29mn59s"
    assert recap_pdf.created_at(document) == datetime(2026, 2, 25, 14, 29, 59, tzinfo=ZoneInfo("Europe/Paris"))


def test_a_recap_without_the_subscriber_number_is_refused():
    document = recap_pdf.read(pdf_of(without("N° d'abonné")))
    with pytest.raises(AssertionError, match="fields : \"N° d'abonné\" is a required property"):
        recap_pdf.check(document)


@pytest.mark.parametrize("number", ["2026051000010", "202605100001011", "2026 0510 0001 01"],
                         ids=["13-digits", "15-digits", "spaced"])
def test_a_subscriber_number_of_other_than_14_digits_is_refused(number):
    lines = [line.replace("20260510000101", number) for line in GUIDE_LINES]
    with pytest.raises(AssertionError, match="fields/N° d'abonné"):
        recap_pdf.check(recap_pdf.read(pdf_of(lines)))


@pytest.mark.parametrize("mention", [
    "document créé le 25/02/2026 à 14:29:59",
    "document créé le 2026-02-25 à 14h29mn59s",
    "document créé le 25/02/2026 à 2h29mn59s",
    "document créé le 31/13/2026 à 14h29mn59s",
    "document créé le 25/02/2026 à 24h29mn59s",
], ids=["colons", "iso-date", "one-digit-hour", "month-13", "hour-24"])
def test_a_creation_mention_in_another_format_is_refused(mention):
    lines = without("Votre espace professionnel") + [f"Votre espace professionnel : {mention}"]
    with pytest.raises(AssertionError, match="created"):
        recap_pdf.check(recap_pdf.read(pdf_of(lines)))


def test_a_missing_title_is_named():
    document = recap_pdf.read(pdf_of(without("RECAPITULATIF")))
    with pytest.raises(AssertionError, match="titles : .*RECAPITULATIF DE VOS DONNEES PERSONNELLES"):
        recap_pdf.check(document)


def test_a_title_in_other_words_does_not_count():
    lines = [line.replace("Vos coordonnées", "Vos coordonnees") for line in GUIDE_LINES]
    assert "Vos coordonnées" not in recap_pdf.to_record(recap_pdf.read(pdf_of(lines)))["titles"]


def test_the_password_is_found_even_cut_by_a_line_break():
    whole = recap_pdf.read(pdf_of(GUIDE_LINES + [f"Mot de passe : {PASSWORD}"]))
    cut = recap_pdf.read(pdf_of(GUIDE_LINES + [PASSWORD[:10], PASSWORD[10:]]))
    clean = recap_pdf.read(pdf_of(GUIDE_LINES))
    assert recap_pdf.contains_secret(whole, PASSWORD)
    assert recap_pdf.contains_secret(cut, PASSWORD)
    assert not recap_pdf.contains_secret(clean, PASSWORD)
    recap_pdf.check(whole)  # the schema describes the document's shape; the password is the steps' business


def test_empty_parts_of_the_address_keep_their_spaces_as_printed():
    lines = [line.replace("12 rue de Longchamp 75016", "rue de Longchamp  75016") for line in GUIDE_LINES]
    assert recap_pdf.read(pdf_of(lines)).fields["Adresse"] == "rue de Longchamp  75016 PARIS FRANCE"


def test_something_that_is_no_pdf_is_reported():
    with pytest.raises(AssertionError, match="n'est pas un PDF lisible"):
        recap_pdf.read(b"<html><body>Connexion</body></html>")
