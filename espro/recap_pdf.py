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


def _value_after(label: str, text: str) -> str | None:
    match = re.search(rf"(?m)^[ \t]*{re.escape(label)}[ \t]*:[ \t]*\n?[ \t]*(\S[^\n]*?)[ \t]*$", text)
    return match.group(1) if match else None


def read(content: bytes) -> RecapDocument:
    """Extract the text; raise AssertionError with a clear message when it is no PDF."""
    try:
        reader = PdfReader(io.BytesIO(content))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError) as error:
        raise AssertionError(f"le récapitulatif n'est pas un PDF lisible : {error}") from None
    fields = {label: value for label in LABELS if (value := _value_after(label, text)) is not None}
    created = CREATED_PATTERN.search(" ".join(text.split()))
    return RecapDocument(text=text, fields=fields, created=" à ".join(created.groups()) if created else None)


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
