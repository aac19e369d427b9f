"""Steps of the accessibility findings (features/constats_accessibilite.feature, RGAA 4.1): what a
person who uses a screen reader or the browser's autofill needs from a page. A failed check here
is a finding, never a rule's verdict (espro.attribution)."""

import re

from pytest_bdd import parsers, when

from espro.user import CREDENTIAL_FIELDS
from steps.checks import then

FRENCH = re.compile(r"^fr(-[a-z0-9]+)*$", re.IGNORECASE)
# The purpose each field of the form may declare (HTML autocomplete tokens, WCAG 1.3.5's list);
# a section-, shipping or billing prefix may come before. The street's parts have no token of their own.
PURPOSES = {
    "Nom": ("family-name",),
    "Prénom": ("given-name",),
    "Téléphone": ("tel", "tel-national", "tel-local"),
    "Code postal": ("postal-code",),
    "Commune": ("address-level2",),
    "Pays": ("country", "country-name"),
}


# The fields the guide's screens mark with an asterisk, step by step (guide §2).
STARRED = {
    "Identifiants": CREDENTIAL_FIELDS,
    "Formulaire inscription": ("Nom", "Prénom", "Téléphone", "Commune", "Pays", "Question de confiance",
                               "Réponse à la question de confiance"),
}


def significant_words(text: str) -> list[str]:
    return [word for word in re.findall(r"\w+", text.casefold()) if len(word) > 3]


@then("la page déclare la langue française")
def declares_french(user):
    language = user.page_language()
    assert FRENCH.match(language), f"la page déclare la langue « {language} », pas le français (fr)"


@then(parsers.parse('le titre de la page nomme l\'étape "{step}"'))
def title_names_the_step(user, step):
    title = user.page_shown()[1]
    missing = [word for word in significant_words(step) if word not in title.casefold()]
    assert not missing, f"le titre de la page, « {title} », ne nomme pas l'étape « {step} »"


@then("les champs de son identité, de son téléphone et de son adresse disent ce qu'ils attendent")
def fields_declare_their_purpose(user):
    wrong = {label: user.purpose_of(label) for label in PURPOSES if user.offers_field(label)}
    wrong = {label: purpose for label, purpose in wrong.items()
             if (purpose.split() or [""])[-1].lower() not in PURPOSES[label]}
    assert not wrong, "sans finalité de remplissage automatique (autocomplete) : " + ", ".join(
        f"« {label} » ({purpose or 'aucune'}, attendu {' ou '.join(PURPOSES[label])})" for label, purpose in wrong.items())


@then("les champs que le guide marque d'un astérisque disent, avant tout envoi, qu'ils sont obligatoires")
def required_fields_marked(user):
    step = user.step_shown()
    silent = [label for label in STARRED[step] if user.offers_field(label) and not user.is_marked_required(label)]
    assert not silent, "ne disent pas qu'ils sont obligatoires (ni astérisque ni « obligatoire » dans leur intitulé, " \
        "ni required, ni aria-required) : " + ", ".join(f"« {label} »" for label in silent)


@when("il ne se sert plus que du clavier")
def keyboard_from_now_on(user):
    user.keep_to_the_keyboard()


@then(parsers.parse('au clavier seul, il va jusqu\'à l\'étape "{step}" de la pré-inscription'))
def keyboard_only(user, step):
    user.keep_to_the_keyboard()
    user.reach(step)
