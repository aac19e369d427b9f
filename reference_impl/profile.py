"""The registration form's fields: labels as printed by the guide, and limits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    required: bool = False
    max_length: int = 100
    colon_in_form: bool = True
    # What the browser may fill it with (HTML autocomplete, RGAA 11.13): "" for a field with no token.
    autocomplete: str = ""

    @property
    def form_label(self) -> str:
        """Label of the input as in the guide's form: « Nom : * »."""
        return self.label + (" :" if self.colon_in_form else "") + (" *" if self.required else "")

    @property
    def recap_label(self) -> str:
        """Label on the recap pages: « Code postal : »."""
        return f"{self.label} :"


# The guide's form prints « Complément d'adresse » and « Code postal » without colon.
LAST_NAME = Field("last_name", "Nom", True, 50, autocomplete="family-name")
FIRST_NAME = Field("first_name", "Prénom", True, 50, autocomplete="given-name")
PHONE = Field("phone", "Téléphone", True, 20)
STREET_NUMBER = Field("street_number", "Numéro de voie", False, 10)
STREET_TYPE = Field("street_type", "Nature de la voie", False, 30)
STREET_NAME = Field("street_name", "Libellé de la voie", False, 100)
COMPLEMENT = Field("address_complement", "Complément d'adresse", False, 100, colon_in_form=False,
                   autocomplete="address-line2")
POSTAL_CODE = Field("postal_code", "Code postal", False, 10, colon_in_form=False, autocomplete="postal-code")
CITY = Field("city", "Commune", True, 60, autocomplete="address-level2")
COUNTRY = Field("country", "Pays", True, 50, autocomplete="country-name")
QUESTION = Field("question", "Question de confiance", True)
ANSWER = Field("answer", "Réponse à la question de confiance", True, 50)

TEXT_FIELDS = (
    LAST_NAME, FIRST_NAME, STREET_NUMBER, STREET_TYPE, STREET_NAME,
    COMPLEMENT, POSTAL_CODE, CITY, COUNTRY, ANSWER,
)
ADDRESS_FIELDS = (STREET_NUMBER, STREET_TYPE, STREET_NAME, COMPLEMENT, POSTAL_CODE, CITY, COUNTRY)

# Phone country indicators: code shown and posted, international prefix.
PHONE_PREFIXES = {
    "FR": "+33", "BE": "+32", "CH": "+41", "LU": "+352",
    "DE": "+49", "ES": "+34", "IT": "+39", "GB": "+44",
}
DEFAULT_PREFIX = "FR"
DEFAULT_COUNTRY = "FRANCE"

QUESTIONS = (
    "Quel est votre surnom ?",
    "Quel est le prénom de votre conjoint(e) ?",
    "Quel est le nom de jeune fille de votre mère ?",
    "Quelle est votre ville de naissance ?",
    "Quel était le nom de votre premier animal de compagnie ?",
)

# What « Effacer » leaves: every text field empty, the lists on their first choice.
CLEARED = {
    **{f.name: "" for f in TEXT_FIELDS},
    "phone": "",
    "phone_prefix": DEFAULT_PREFIX,
    "question": QUESTIONS[0],
}
INITIAL = {**CLEARED, "country": DEFAULT_COUNTRY}


def phone_display(profile: dict) -> str:
    """The number as typed for France, with its international prefix otherwise."""
    if profile["phone_prefix"] == DEFAULT_PREFIX:
        return profile["phone"]
    return f"{PHONE_PREFIXES[profile['phone_prefix']]} {profile['phone']}"


def postal_address(profile: dict) -> str:
    """« 12 rue de Longchamp 75016 PARIS FRANCE »: the non-empty parts in order."""
    return " ".join(profile[f.name] for f in ADDRESS_FIELDS if profile[f.name])


def summary(profile: dict, email: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(usager lines, confidence lines) for the recap pages, under the guide's labels."""
    usager = [
        (LAST_NAME.recap_label, profile["last_name"]),
        (FIRST_NAME.recap_label, profile["first_name"]),
        (PHONE.recap_label, phone_display(profile)),
        ("Adresse électronique de connexion :", email),
        *[(f.recap_label, profile[f.name]) for f in ADDRESS_FIELDS],
    ]
    confidence = [
        (QUESTION.recap_label, profile["question"]),
        (ANSWER.recap_label, profile["answer"]),
    ]
    return usager, confidence
