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


def test_spaces_in_a_value_are_the_layouts_and_read_folded():
    lines = [line.replace("12 rue de Longchamp 75016", "rue de Longchamp  75016") for line in GUIDE_LINES]
    assert recap_pdf.read(pdf_of(lines)).fields["Adresse"] == "rue de Longchamp 75016 PARIS FRANCE"


EXPECTED = {
    "Nom": "ROSEMONDE", "Prénom": "Lila", "N° d'abonné": "20260510000101", "Téléphone": "0123456789",
    "Adresse électronique de connexion": "lila.rosemonde.expert@dgfip.finances.gouv.fr",
    "Adresse": "12 rue de Longchamp 75016 PARIS FRANCE",
    "Question de confiance": "Quel est le prénom de votre conjoint(e) ?", "Réponse de confiance": "Paul",
}


def _pairs(lines):
    return [line.partition(" : ") for line in lines]


def pdf_wrapped(lines, width=40) -> bytes:
    """The guide's table with a narrow value column: long values wrap over several lines, the
    e-mail address even inside a word."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for label, colon, value in _pairs(lines):
        if colon and not label.startswith("Votre espace"):
            y = pdf.get_y()
            pdf.multi_cell(70, 6, label + " :")
            after_label = pdf.get_y()
            pdf.set_xy(85, y)
            pdf.multi_cell(width, 6, value, wrapmode="CHAR")
            pdf.set_xy(pdf.l_margin, max(after_label, pdf.get_y()))
        else:
            pdf.cell(0, 6, label + colon + value, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def pdf_in_columns(lines) -> bytes:
    """Labels and values in two columns, drawn one column after the other: the plain text
    gives every label, then every value."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    rows = []
    for label, colon, value in _pairs(lines):
        if colon and not label.startswith("Votre espace"):
            rows.append((pdf.get_y(), label, value))
            pdf.cell(0, 6, label + " :", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.cell(0, 6, label + colon + value, new_x="LMARGIN", new_y="NEXT")
    for y, _, value in rows:
        pdf.set_xy(95, y)
        pdf.cell(0, 6, value)
    return bytes(pdf.output())


def test_values_wrapped_over_several_lines_read_whole():
    document = recap_pdf.read(pdf_wrapped(GUIDE_LINES))
    assert "\n" in document.text.split("Adresse :")[1].split("Votre question")[0].strip(), "the address wraps"
    for label, value in EXPECTED.items():
        assert recap_pdf.same_value(document.fields.get(label), value), (label, document.fields.get(label))
    recap_pdf.check(document)


def test_labels_and_values_in_columns_read_beside_each_other():
    document = recap_pdf.read(pdf_in_columns(GUIDE_LINES))
    assert document.text.index("Réponse de confiance :") < document.text.index("ROSEMONDE"), "drawn column by column"
    assert document.fields == EXPECTED
    recap_pdf.check(document)


@pytest.mark.parametrize("make", [pdf_of, pdf_wrapped, pdf_in_columns], ids=["lines", "wrapped", "columns"])
def test_a_wrong_or_swapped_value_is_still_told_in_every_layout(make):
    lines = [line.replace("Paul", "Paula").replace("ROSEMONDE", "Lila!").replace("Prénom : Lila", "Prénom : ROSEMONDE")
             for line in GUIDE_LINES]
    fields = recap_pdf.read(make(lines)).fields
    assert not recap_pdf.same_value(fields.get("Réponse de confiance"), "Paul")
    assert not recap_pdf.same_value(fields.get("Nom"), "ROSEMONDE")
    assert not recap_pdf.same_value(fields.get("Prénom"), "Lila")
    assert recap_pdf.same_value(fields.get("Adresse"), EXPECTED["Adresse"])


def test_same_value_ignores_only_line_breaks():
    assert recap_pdf.same_value("lila.rosemonde.expert@dgfip.fi nances.gouv.fr", EXPECTED["Adresse électronique de connexion"])
    assert not recap_pdf.same_value("lila.rosemonde.expert@dgfip.fi", EXPECTED["Adresse électronique de connexion"])
    assert not recap_pdf.same_value(None, "Paul")
    assert not recap_pdf.same_value("Paul Martin", "Paul")


def test_something_that_is_no_pdf_is_reported():
    with pytest.raises(AssertionError, match="n'est pas un PDF lisible"):
        recap_pdf.read(b"<html><body>Connexion</body></html>")
