"""Le récapitulatif PDF de la cible : une autre mise en page que la référence (un tableau à deux
colonnes, police Times, l'adresse sur deux lignes), les libellés et valeurs du guide dans son ordre."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.fonts import FontFace

from . import regles

CODAGE = "windows-1252"


def _texte(valeur: str) -> str:
    return valeur.encode(CODAGE, errors="replace").decode(CODAGE)


def recapitulatif(espace, cree_le: str) -> bytes:
    profil = espace.profile
    rue = " ".join(profil[c.cle] for c in regles.ADRESSE[:4] if profil[c.cle])
    ville = " ".join(profil[c.cle] for c in regles.ADRESSE[4:] if profil[c.cle])
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.core_fonts_encoding = CODAGE
    pdf.set_title(_texte("Votre espace professionnel - récapitulatif"))
    pdf.set_margins(18, 15, 18)
    pdf.add_page()
    pdf.set_font("Courier", "", 7)
    pdf.cell(0, 4, _texte("FINANCES PUBLIQUES"), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Times", "B", 16)
    pdf.cell(0, 8, "VOTRE ESPACE PROFESSIONNEL", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 12)
    pdf.cell(0, 7, "RECAPITULATIF DE VOS DONNEES PERSONNELLES", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)

    def section(titre, sous_titre, lignes):
        pdf.set_font("Times", "BU", 12)
        pdf.cell(0, 7, _texte(titre), new_x="LMARGIN", new_y="NEXT")
        if sous_titre:
            pdf.set_font("Times", "I", 9)
            pdf.cell(0, 5, _texte(sous_titre), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Times", "", 10)
        with pdf.table(col_widths=(62, 112), text_align=("RIGHT", "LEFT"), first_row_as_headings=False,
                       borders_layout="HORIZONTAL_LINES", line_height=5.5,
                       headings_style=FontFace(emphasis="BOLD")) as tableau:
            for libelle, valeur in lignes:
                ligne = tableau.row()
                ligne.cell(_texte(libelle))
                ligne.cell(_texte(valeur))
        pdf.ln(4)

    section("Vos coordonnées", None, [
        ("Nom :", profil["nom"]),
        ("Prénom :", profil["prenom"]),
        ("N° d'abonné :", espace.subscriber_number),
        ("Téléphone :", profil["telephone"]),
        ("Adresse électronique de connexion :", espace.email),
        ("Adresse :", rue + "\n" + ville if rue and ville else rue or ville),
    ])
    section("Votre question/réponse de confiance", "(indispensable en cas de perte de votre mot de passe)", [
        ("Question de confiance :", profil["question"]),
        ("Réponse de confiance :", profil["reponse"]),
    ])
    pdf.set_font("Courier", "", 8)
    pdf.cell(0, 5, _texte(f"Votre espace professionnel : document créé le {cree_le}"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
