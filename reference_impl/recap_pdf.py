"""The recap PDF of section 4 of the guide: one « label value » pair per line."""

from __future__ import annotations

from datetime import datetime

from fpdf import FPDF

from .formatting import document_timestamp
from .models import Space
from .profile import phone_display, postal_address

ENCODING = "windows-1252"
FONT = "Helvetica"
MAX_SIZE, MIN_SIZE = 10, 6


def _printable(text: str) -> str:
    """The core fonts only know windows-1252; anything else becomes « ? »."""
    return text.encode(ENCODING, errors="replace").decode(ENCODING)


class _Recap(FPDF):
    def text_line(self, text: str, style: str = "", size: int = MAX_SIZE) -> None:
        """Write `text` on one line, shrinking the font rather than wrapping it."""
        text = _printable(text)
        while size > MIN_SIZE:
            self.set_font(FONT, style, size)
            if self.get_string_width(text) <= self.epw:
                break
            size -= 1
        self.set_font(FONT, style, size)
        self.cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")

    def gap(self) -> None:
        self.ln(4)


def build(space: Space, created: datetime) -> bytes:
    profile = space.profile
    pdf = _Recap()
    pdf.core_fonts_encoding = ENCODING
    pdf.set_title("Récapitulatif de votre espace professionnel")
    pdf.add_page()
    pdf.text_line("RÉPUBLIQUE FRANÇAISE - impots.gouv.fr - FINANCES PUBLIQUES", size=8)
    pdf.gap()
    pdf.text_line("VOTRE ESPACE PROFESSIONNEL", "B", 14)
    pdf.text_line("RECAPITULATIF DE VOS DONNEES PERSONNELLES", "B", 12)
    pdf.gap()
    pdf.text_line("Vos coordonnées", "B", 11)
    for label, value in (
        ("Nom :", profile["last_name"]),
        ("Prénom :", profile["first_name"]),
        ("N° d'abonné :", space.subscriber_number),
        ("Téléphone :", phone_display(profile)),
        ("Adresse électronique de connexion :", space.email),
        ("Adresse :", postal_address(profile)),
    ):
        pdf.text_line(f"{label} {value}")
    pdf.gap()
    pdf.text_line("Votre question/réponse de confiance", "B", 11)
    pdf.text_line("(indispensable en cas de perte de votre mot de passe)", "I")
    pdf.text_line(f"Question de confiance : {profile['question']}")
    pdf.text_line(f"Réponse de confiance : {profile['answer']}")
    pdf.gap()
    pdf.text_line(f"Votre espace professionnel : document créé le {document_timestamp(created)}")
    pdf.gap()
    pdf.text_line("Enregistrez ce fichier et éventuellement imprimez-le pour vos archives.", "B")
    return bytes(pdf.output())
