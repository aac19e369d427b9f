"""Read the recap PDF (guide §4) with pypdf: its text and the value after each label."""

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError

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
