"""Read the recap PDF (guide §4) with pypdf: its text and the value after each label."""

import io
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from espro import SCHEMAS_DIR, schemas

LABELS = (
    "Nom",
    "Prénom",
    "N° d'abonné",
    "Téléphone",
    "Adresse électronique de connexion",
    "Adresse",
    "Question de confiance",
    "Réponse de confiance",
)
CREATED_PATTERN = re.compile(r"document créé le (\d{2}/\d{2}/\d{4}) à (\d{2}h\d{2}mn\d{2}s)")


@dataclass(frozen=True)
class RecapDocument:
    text: str
    fields: dict[str, str]
    created: str | None


EMAIL_LABEL = "Adresse électronique de connexion"
# Where the last value of a group ends: the guide's next title or sentence (§4).
ENDS = ("Votre question/réponse de confiance", "(indispensable en cas de perte", "Votre espace professionnel :",
        "Enregistrez ce fichier", "document créé le")
LABEL_AT = {label: re.compile(rf"(?<!\S){re.escape(label)}\s*:") for label in LABELS}


def _fields_of(text: str) -> dict[str, str]:
    """The value after each label, reading the text as one line (contract §4: the layout is free):
    the labels are taken in the guide's order, and a value runs from its label's colon to the
    next label, or to the guide's next title or sentence; whitespace folded."""
    flat = " ".join(text.split())
    found, position = [], 0
    for label in LABELS:
        match = LABEL_AT[label].search(flat, position)
        if match:
            found.append((label, match.start(), match.end()))
            position = match.end()
    fields = {}
    for index, (label, _, end) in enumerate(found):
        stops = [found[index + 1][1]] if index + 1 < len(found) else []
        stops += [at for mark in ENDS if (at := flat.find(mark, end)) >= 0]
        fields[label] = flat[end:min(stops, default=len(flat))].strip()
    return fields


def _layout_text(reader: PdfReader) -> str:
    """The text as laid out on the page (pypdf's layout mode): a label and the value printed
    beside it on one line, whatever order the PDF draws them in; "" when it cannot be made."""
    try:
        return "\n".join(page.extract_text(extraction_mode="layout") or "" for page in reader.pages)
    except Exception:  # the layout mode is an aid: the plain text stays the reference
        return ""


def read(content: bytes) -> RecapDocument:
    """Extract the text; raise AssertionError with a clear message when it is no PDF.

    The fields are read from the plain text and from the laid-out text (columns drawn one after
    the other read beside each other there); the reading with more values wins."""
    try:
        reader = PdfReader(io.BytesIO(content))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError) as error:
        raise AssertionError(f"le récapitulatif n'est pas un PDF lisible : {error}") from None
    readings = [_fields_of(text), _fields_of(_layout_text(reader))]
    fields = max(readings, key=lambda read: sum(1 for value in read.values() if value))
    if EMAIL_LABEL in fields:  # an address holds no blank: one there is a line the layout broke
        fields[EMAIL_LABEL] = "".join(fields[EMAIL_LABEL].split())
    created = CREATED_PATTERN.search(" ".join(text.split()))
    return RecapDocument(text=text, fields=fields, created=" à ".join(created.groups()) if created else None)


def same_value(shown: str | None, expected: str) -> bool:
    """Whether the PDF shows `expected` as `shown`, its line breaks aside: a layout may wrap a
    value anywhere (contract §4), even inside a word; every character stays, in order."""
    return shown is not None and "".join(shown.split()) == "".join(expected.split())


# The record that schemas/recap.schema.json validates: what the suite reads of the document.

TITLES = (
    "VOTRE ESPACE PROFESSIONNEL",
    "RECAPITULATIF DE VOS DONNEES PERSONNELLES",
    "Vos coordonnées",
    "Votre question/réponse de confiance",
    "(indispensable en cas de perte de votre mot de passe)",
)
SCHEMA_PATH = SCHEMAS_DIR / "recap.schema.json"
PARIS = ZoneInfo("Europe/Paris")


def folded_text(document: RecapDocument) -> str:
    """The document's text with every run of whitespace (line breaks included) made one space."""
    return " ".join(document.text.split())


def to_record(document: RecapDocument) -> dict:
    """The titles found (in the guide's order), the value after each label, the creation mention."""
    text = folded_text(document)
    record = {"titles": [title for title in TITLES if title in text], "fields": dict(document.fields)}
    if document.created is not None:
        record["created"] = f"document créé le {document.created}"
    return record


def check(document: RecapDocument) -> dict:
    """The record of `document` if it follows schemas/recap.schema.json; else AssertionError naming
    every violation, in the person's words."""
    return schemas.check(to_record(document), SCHEMA_PATH.name, "le récapitulatif PDF")


def created_at(document: RecapDocument) -> datetime | None:
    """The creation instant the document prints, read as Paris time (aware), or None."""
    if document.created is None:
        return None
    return datetime.strptime(document.created, "%d/%m/%Y à %Hh%Mmn%Ss").replace(tzinfo=PARIS)


def contains_secret(document: RecapDocument, secret: str) -> bool:
    """Whether `secret` appears in the text, even cut by a line break or spaced out by the layout."""
    squeezed = "".join(document.text.split())
    return secret in document.text or "".join(secret.split()) in squeezed
