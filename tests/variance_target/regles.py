"""Les règles de la cible de variance : ce que le guide fixe, tel qu'il le dit ; ailleurs, ses
propres choix (tous différents de ceux de l'implémentation de référence)."""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass

# Ce que le guide fixe.
COURRIEL_MAX = 100
MOT_DE_PASSE_MIN = 20
DELAI_HEURES = 48
CERTIFICAT = ("L'adresse électronique saisie est rattachée à un espace professionnel avec "
              "certificat. Veuillez contacter l'assistance.")
# Les réponses aux images : 6 caractères (CG-05), 8 sur la page de connexion (CNX-12, autre
# lecture de « 4YC7S3 40 »). Un alphabet sans les caractères qui se confondent (0/O, 1/I).
ALPHABET_IMAGE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LONGUEUR_IMAGE = 6
LONGUEUR_IMAGE_CONNEXION = 8
ALPHABET_CODE = string.ascii_letters + string.digits
MOTIF_CODE = re.compile(r"[A-Za-z0-9]{12}")

# Les messages de la cible, dans ses propres mots (le guide n'en imprime aucun autre).
M_OBLIGATOIRE = "« {label} » est obligatoire."
M_CG = "Cochez la case d'acceptation des conditions générales."
M_IMAGE = "Les caractères recopiés sont différents de ceux de l'image : une nouvelle image vous est proposée."
M_COURRIEL_FORMAT = "« {label} » : saisissez une adresse de la forme nom@domaine.fr."
M_COURRIEL_LONG = f"« {{label}} » : {COURRIEL_MAX} caractères au plus."
M_COURRIELS_DIFFERENTS = "La confirmation ne reprend pas l'adresse électronique de connexion."
M_MDP_COURT = f"Mot de passe trop court : il en faut au moins {MOT_DE_PASSE_MIN} caractères."
M_MDP_BLANC = "Mot de passe refusé : il contient un blanc (espace, tabulation…)."
M_MDP_COMPOSITION = "Mot de passe refusé : il doit mêler des lettres et des chiffres, et rien d'autre."
M_MDP_DIFFERENTS = "La confirmation du mot de passe ne reprend pas le mot de passe."
M_ADRESSE_PRISE = "Un espace professionnel utilise déjà cette adresse : choisissez-en une autre."
M_ADRESSE_EN_ATTENTE = ("Cette adresse attend déjà l'activation d'un espace : activez-le avec le code reçu, "
                        "ou recommencez une fois le délai de 48 h écoulé.")
M_TELEPHONE = "Téléphone : chiffres uniquement (points, tirets et espaces sont ignorés)."
M_TELEPHONE_FR = "Téléphone : 10 chiffres commençant par 0, ou 9 chiffres sans le 0."
M_TELEPHONE_AUTRE = "Téléphone : de 4 à 15 chiffres."
M_INDICATIF = "Indicatif inconnu."
M_QUESTION = "Question de confiance inconnue."
M_TROP_LONG = "« {label} » : {max} caractères au plus."
M_CODE_FORME = "Le code d'activation se compose de 12 lettres ou chiffres."
M_CODE_INCONNU = "Aucune demande ne correspond à ce code d'activation."
M_CODE_UTILISE = "Ce code a déjà activé un espace."
M_CODE_EXPIRE = "Plus de 48 h se sont écoulées depuis l'envoi de ce code : recommencez la création de l'espace."
M_ACTIVATION_ADRESSE = "Cette adresse n'est pas celle de la demande liée à ce code."
M_CONNEXION = "Identification impossible : vérifiez votre adresse et votre mot de passe."
M_CONNEXION_REGLES = ("Ce mot de passe ne respecte pas les règles des mots de passe de l'espace "
                      "(20 caractères au moins, lettres et chiffres, sans blanc).")
M_EN_ATTENTE = ("Votre espace est en attente d'activation : saisissez d'abord le code reçu par courriel "
                "(bouton « Activer »).")
M_SAUT = "Cette étape n'est pas disponible : commencez la création de votre espace par la première étape."
M_DEJA_VALIDE = "Cette adresse vient d'être enregistrée par une autre demande : votre inscription n'a pas été enregistrée."
M_COURRIEL_ECHEC = "Le courriel d'activation n'a pas pu partir ; rien n'a été enregistré. Réessayez plus tard."


def cle(adresse: str) -> str:
    """La forme sous laquelle deux adresses se comparent : forme NFC, blancs ôtés, casefold."""
    return unicodedata.normalize("NFC", adresse.strip()).casefold()


_COURRIEL = re.compile(r"[^@\s]+@(?:[^@\s.]+\.)+[^@\s.]+")


def erreur_courriel(adresse: str, label: str) -> str | None:
    if not adresse:
        return M_OBLIGATOIRE.format(label=label)
    if len(adresse) > COURRIEL_MAX:
        return M_COURRIEL_LONG.format(label=label)
    return None if _COURRIEL.fullmatch(adresse) else M_COURRIEL_FORMAT.format(label=label)


def erreur_mot_de_passe(mdp: str) -> str | None:
    """IDENT-09, autre lecture : « une série de chiffres et de lettres » — rien d'autre."""
    if not mdp:
        return M_OBLIGATOIRE.format(label="Mot de passe de connexion")
    if any(c.isspace() for c in mdp):
        return M_MDP_BLANC
    if len(mdp) < MOT_DE_PASSE_MIN:
        return M_MDP_COURT
    if not all(c.isalnum() for c in mdp) or not any(c.isalpha() for c in mdp) \
            or not any(c.isdigit() for c in mdp):
        return M_MDP_COMPOSITION
    return None


@dataclass(frozen=True)
class Champ:
    cle: str
    label: str
    obligatoire: bool
    max: int


# Les longueurs de la cible (FORM-13 : d'autres limites que la référence, 50 au moins).
NOM = Champ("nom", "Nom", True, 80)
PRENOM = Champ("prenom", "Prénom", True, 80)
NUMERO = Champ("numero", "Numéro de voie", False, 8)
NATURE = Champ("nature", "Nature de la voie", False, 40)
LIBELLE = Champ("libelle", "Libellé de la voie", False, 120)
COMPLEMENT = Champ("complement", "Complément d'adresse", False, 120)
CODE_POSTAL = Champ("cp", "Code postal", False, 12)
COMMUNE = Champ("commune", "Commune", True, 80)
PAYS = Champ("pays", "Pays", True, 60)
REPONSE = Champ("reponse", "Réponse à la question de confiance", True, 80)
TEXTES = (NOM, PRENOM, NUMERO, NATURE, LIBELLE, COMPLEMENT, CODE_POSTAL, COMMUNE, PAYS, REPONSE)
ADRESSE = (NUMERO, NATURE, LIBELLE, COMPLEMENT, CODE_POSTAL, COMMUNE, PAYS)

# L'indicatif : la valeur envoyée est le préfixe international, le libellé « FR (+33) ».
INDICATIFS = (("+33", "FR"), ("+32", "BE"), ("+41", "CH"), ("+352", "LU"), ("+377", "MC"),
              ("+262", "RE"), ("+590", "GP"))
INDICATIF_FR = "+33"
QUESTIONS = (
    "Quel est votre surnom ?",
    "Quel est le nom de votre école primaire ?",
    "Quel est le prénom de votre conjoint(e) ?",
    "Quelle est la marque de votre première voiture ?",
)
VIDE = {**{c.cle: "" for c in TEXTES}, "indicatif": INDICATIF_FR, "telephone": "", "question": QUESTIONS[0]}


def telephone(indicatif: str, saisi: str) -> tuple[str, str | None]:
    """FORM-05, autre choix : points, tirets et espaces ignorés ; en France 10 chiffres commençant
    par 0, ou les 9 chiffres sans le 0 (forme internationale)."""
    numero = re.sub(r"[\s.\-]", "", saisi)
    if not numero:
        return numero, M_OBLIGATOIRE.format(label="Téléphone")
    if not numero.isdigit() or not numero.isascii():
        return numero, M_TELEPHONE
    if indicatif == INDICATIF_FR:
        if not (len(numero) == 10 and numero.startswith("0") or len(numero) == 9 and not numero.startswith("0")):
            return numero, M_TELEPHONE_FR
    elif not 4 <= len(numero) <= 15:
        return numero, M_TELEPHONE_AUTRE
    return numero, None


def fiche(form) -> tuple[dict, list[str]]:
    """Les valeurs du formulaire d'inscription (blancs ôtés) et la liste des refus."""
    valeurs, refus = {}, []
    for champ in TEXTES:
        valeur = (form.get(champ.cle) or "").strip()
        valeurs[champ.cle] = valeur
        if champ.obligatoire and not valeur:
            refus.append(M_OBLIGATOIRE.format(label=champ.label))
        elif len(valeur) > champ.max:
            refus.append(M_TROP_LONG.format(label=champ.label, max=champ.max))
    valeurs["indicatif"] = form.get("indicatif") or INDICATIF_FR
    if valeurs["indicatif"] not in dict(INDICATIFS):
        refus.append(M_INDICATIF)
    valeurs["telephone"], erreur = telephone(valeurs["indicatif"], form.get("telephone") or "")
    if erreur:
        refus.append(erreur)
    valeurs["question"] = form.get("question") or ""
    if valeurs["question"] not in QUESTIONS:
        refus.append(M_QUESTION)
    return valeurs, refus


def adresse_postale(valeurs: dict) -> str:
    return " ".join(valeurs[c.cle] for c in ADRESSE if valeurs[c.cle])


def telephone_affiche(valeurs: dict) -> str:
    """RECAP-03, autre lecture : l'indicatif est montré avec le numéro, « +33 0123456789 »."""
    return f"{valeurs['indicatif']} {valeurs['telephone']}"
