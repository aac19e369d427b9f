"""Steps of the third step, Formulaire inscription, and of the Récapitulatif (guide §2, « 3ème
étape » up to « Valider »)."""

import re

from pytest_bdd import parsers, when

from steps.checks import then

from espro import recap_pdf
from espro.user import FORM_FIELDS

EMAIL_FIELD = "Adresse électronique de connexion"
QUESTION_FIELD = "Question de confiance"
PHONE_FIELD = "Téléphone"
PREFIX_FIELD = "Indicatif"
DEFAULT_PREFIX = "FR"
# The applicant's attribute behind each label of the form and of the recap.
ATTRIBUTES = {**dict(FORM_FIELDS), EMAIL_FIELD: "email", QUESTION_FIELD: "trust_question"}
RECAP_LABELS = tuple(ATTRIBUTES)
# How a long value is made from the person's own: the separator between repetitions.
SEPARATORS = {"last_name": "-", "first_name": "-", "city": "-", "country": "-"}


def _labels(datatable) -> list[str]:
    return [row[0] for row in datatable[1:]]


def _value_of_length(user, label: str, length: int) -> str:
    """The person's own value for `label`, repeated up to exactly `length` characters."""
    attribute = ATTRIBUTES[label]
    seed = getattr(user.applicant, attribute) or _complement(user)
    separator = SEPARATORS.get(attribute, " ")
    text = separator.join([seed] * (length // (len(seed) + 1) + 2))[:length]
    return text if text[-1].isalnum() else text[:-1] + "e"


def _complement(user) -> str:
    """A plausible « Complément d'adresse », from the person's own data."""
    return f"Bâtiment {user.applicant.last_name[0]}, escalier {len(user.applicant.first_name)}"


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


# What the person does on the form

@when("il saisit ses informations dans le formulaire")
def type_form(user):
    user.type_registration_form()


@when("il saisit ses informations dans tous les champs du formulaire")
def type_every_field(user):
    user.use_details(address_complement=user.applicant.address_complement or _complement(user))
    user.type_registration_form()


@when(parsers.parse('il remplit de blancs le champ "{label}"'))
def blank_field(user, label):
    user.fill(label, "   ")


@when("il vide les champs :")
def empty_fields(user, datatable):
    for label in _labels(datatable):
        user.fill(label, "")


@when(parsers.parse('il corrige le champ "{label}" en "{value}"'))
def correct_field(user, label, value):
    user.fill(label, value)
    user.use_details(**{ATTRIBUTES[label]: value})


@when(parsers.parse('il choisit la question de confiance "{question}"'))
def choose_question(user, question):
    user.use_details(trust_question=question)
    user.choose(QUESTION_FIELD, question)


def _names(option: tuple[str, str], wanted: str) -> bool:
    """Whether a list's option (value, label) is `wanted`: its value, or its label's beginning
    (contract §1: `FR (+33)` is FR)."""
    value, label = option
    return value == wanted or re.match(rf"{re.escape(wanted)}(?!\w)", label) is not None


@when(parsers.parse('il choisit un indicatif autre que "{prefix}"'), target_fixture="chosen_prefix")
def choose_other_prefix(user, prefix):
    options = user.choices_in(PREFIX_FIELD)
    others = [option for option in options if option[0] and not _names(option, prefix)]
    assert others, f"la liste « {PREFIX_FIELD} » ne propose que : {options}"
    user.choose(PREFIX_FIELD, others[0][1])
    return others[0][0]


@when(parsers.parse("il saisit ses informations avec des valeurs de {length:d} caractères dans les champs :"))
def type_long_values(user, length, datatable):
    user.use_details(**{ATTRIBUTES[label]: _value_of_length(user, label, length) for label in _labels(datatable)})
    user.type_registration_form()


@when(parsers.parse('il saisit ses informations avec une valeur de {length:d} caractères dans le champ "{label}"'))
def type_long_value(user, length, label):
    user.use_details(**{ATTRIBUTES[label]: _value_of_length(user, label, length)})
    user.type_registration_form()


@when(parsers.parse('il force dans le champ "{label}" une autre adresse électronique'),
      target_fixture="forced_address")
def force_address(user, label):
    forced = "autre." + user.applicant.email
    user.force_value(label, forced)
    return forced


@when("il choisit une nouvelle adresse électronique et son mot de passe")
def choose_new_address(user):
    user.use_details(email="nouvelle." + user.applicant.email)
    user.enter_credentials()


@when("il valide son inscription et active son espace")
def validate_and_activate(user):
    user.press("Valider")
    user.activate(user.read_activation_code(), user.applicant.email)
    assert user.read_subscriber_number(), f"l'espace n'a pas pu être activé ; erreurs : {user.errors()}"


# A second session of the same person (RECAP-07)

@when("il mène la même adresse jusqu'au récapitulatif dans une autre session", target_fixture="other_session")
def same_address_elsewhere(user):
    other = user.another_tab()
    other.reach("Récapitulatif")
    return other


@when(parsers.parse('il clique sur "{name}" dans l\'autre session'))
def click_in_other_session(other_session, name):
    other_session.press(name)


@then(parsers.parse('l\'autre session reste à l\'étape "{step}"'))
def other_session_stays(other_session, step):
    shown = other_session.current_step()
    assert shown == step, f"étape en cours dans l'autre session « {shown} », attendue « {step} »"


@then("l'autre session affiche un message pour la page")
def other_session_alert(other_session):
    assert other_session.alerts(), f"aucun message pour la page ; erreurs affichées : {other_session.errors()}"


# What the form shows

@then("le formulaire comporte les champs :")
def form_has_fields(user, datatable):
    missing = [label for label in _labels(datatable) if not user.offers_field(label)]
    assert not missing, f"aucun champ nommé : {missing}"


@then(parsers.parse('le champ "{label}" montre "{value}"'))
def field_shows(user, label, value):
    selected = user.selected_in(label)
    if selected is not None:  # a list shows its selected option: by its value or its label's beginning
        assert _names(selected, value), f"la liste « {label} » montre l'option {selected}, attendu « {value} »"
        return
    shown = user.value_in(label)
    assert shown == value, f"le champ « {label} » montre « {shown} », attendu « {value} »"


@then(parsers.parse('le champ "{label}" montre son adresse électronique'))
@then(parsers.parse('le champ "{label}" montre sa nouvelle adresse électronique'))
def field_shows_address(user, label):
    shown = user.value_in(label)
    assert shown == user.applicant.email, f"le champ « {label} » montre « {shown} », attendu « {user.applicant.email} »"


@then(parsers.parse('le champ "{label}" montre l\'indicatif choisi'))
def field_shows_prefix(user, label, chosen_prefix):
    field_shows(user, label, chosen_prefix)


@then(parsers.parse('le champ "{label}" n\'est pas modifiable'))
def not_editable(user, label):
    assert not user.is_editable(label), f"le champ « {label} » est modifiable"


@then(parsers.parse('le champ "{label}" est modifiable'))
def editable(user, label):
    assert user.is_editable(label), f"le champ « {label} » n'est pas modifiable"


@then(parsers.parse('la liste "{label}" commence par "{option}"'))
def list_starts_with(user, label, option):
    options = user.options_in(label)
    assert options and options[0] == option, f"la liste « {label} » propose : {options}"


@then(parsers.parse('la liste "{label}" propose :'))
def list_offers(user, label, datatable):
    options = user.options_in(label)
    missing = [option for option in _labels(datatable) if option not in options]
    assert not missing, f"la liste « {label} » ne propose pas {missing} ; elle propose : {options}"


@then("les champs de saisie du formulaire sont vides")
def form_is_empty(user):
    filled = {label: user.value_in(label) for label, _ in FORM_FIELDS if user.value_in(label)}
    assert not filled, f"champs encore remplis : {filled}"


@then("le formulaire montre toutes les informations saisies")
def form_shows_everything(user):
    wrong = {label: (user.value_in(label), getattr(user.applicant, attribute))
             for label, attribute in ATTRIBUTES.items()
             if user.value_in(label) != getattr(user.applicant, attribute)}
    assert not wrong, f"valeurs du formulaire (montrée, saisie) : {wrong}"


@then(parsers.parse('le champ "{label}" garde les {length:d} caractères saisis'))
def field_keeps_value(user, label, length):
    typed, shown = getattr(user.applicant, ATTRIBUTES[label]), user.value_in(label)
    assert len(typed) == length and shown == typed, \
        f"le champ « {label} » garde {len(shown)} des {len(typed)} caractères saisis : coupé sans message"


@then(parsers.parse('la valeur du champ "{label}" est refusée avec un message, sur ce champ ou pour la page, '
                    'ou reprise entière au récapitulatif'))
def refused_or_whole(user, label):
    step, typed = user.current_step(), getattr(user.applicant, ATTRIBUTES[label])
    if step == "Formulaire inscription":
        # Contract §1: the message is tied to the field, or shown for the page.
        assert user.messages_about(label), \
            f"refus sans message sur le champ « {label} » ni pour la page ; erreurs : {user.errors()}"
    else:
        assert step == "Récapitulatif", f"étape en cours « {step} » ; erreurs : {user.errors()}"
        shown = user.lines_shown(RECAP_LABELS)[label]
        assert shown == typed, f"« {label} » au récapitulatif : {len(shown or '')} caractères sur {len(typed)} saisis"


# What the recap shows

def _recap_mismatches(user, labels) -> dict:
    lines = user.lines_shown(RECAP_LABELS)
    wrong = {}
    for label in labels:
        typed, shown = getattr(user.applicant, ATTRIBUTES[label]), lines[label]
        # RECAP-03: the phone's indicator may be shown with the number; the digits must all be there.
        if label == PHONE_FIELD:
            same = shown is not None and _digits(typed) in _digits(shown)
        else:
            same = shown == typed
        if not same:
            wrong[label] = (shown, typed)
    return wrong


@then("le récapitulatif montre, après chaque libellé, la valeur saisie :")
def recap_shows_values(user, datatable):
    wrong = _recap_mismatches(user, _labels(datatable))
    assert not wrong, f"lignes du récapitulatif (montrée, saisie) : {wrong}"


@then(parsers.parse('le récapitulatif montre le libellé "{label}" sans valeur'))
def recap_label_without_value(user, label):
    shown = user.lines_shown(RECAP_LABELS)[label]
    assert shown == "", f"« {label} » au récapitulatif : " + ("absent" if shown is None else f"« {shown} »")


@then(parsers.parse('la ligne "{label}" du récapitulatif montre "{value}"'))
def recap_line_shows(user, label, value):
    shown = user.lines_shown(RECAP_LABELS)[label]
    assert shown == value, f"« {label} » au récapitulatif : {shown!r}, attendu « {value} »"


@then(parsers.parse('la ligne "{label}" du récapitulatif montre son adresse électronique'))
def recap_line_shows_address(user, label):
    recap_line_shows(user, label, user.applicant.email)


@then(parsers.parse('la ligne "{label}" du récapitulatif contient les chiffres de "{number}"'))
def recap_line_has_digits(user, label, number):
    shown = user.lines_shown(RECAP_LABELS)[label]
    assert shown is not None and _digits(number) in _digits(shown), \
        f"« {label} » au récapitulatif : {shown!r}, attendu les chiffres {_digits(number)}"


@then("la page ne montre son mot de passe ni dans son texte ni dans son code HTML")
def password_nowhere(user):
    password = user.applicant.password
    assert password not in user.page_text(), "le texte de la page contient le mot de passe"
    assert password not in user.page_source(), "le code HTML de la page contient le mot de passe"


@then(parsers.parse('la page ne propose pas "{name}"'))
def page_does_not_offer(user, name):
    assert not user.offers(name), f"la page propose « {name} »"


@then("aucun courriel n'est envoyé à l'adresse forcée")
def no_mail_to_forced(user, forced_address):
    assert user.emails_to(forced_address) == 0, f"{user.emails_to(forced_address)} courriel(s) pour {forced_address}"


# The recap PDF, once the space is activated

@then("le récapitulatif PDF reprend entières les valeurs saisies :")
def pdf_has_whole_values(user, datatable):
    _, document = user.recap_document()
    # Contract §4: the layout may break a value over lines anywhere; every character stays, in order.
    text = "".join(document.text.split())
    missing = {label: getattr(user.applicant, ATTRIBUTES[label]) for label in _labels(datatable)
               if "".join(getattr(user.applicant, ATTRIBUTES[label]).split()) not in text}
    assert not missing, f"valeurs absentes ou coupées dans le PDF : {missing}"


@then(parsers.parse('le récapitulatif PDF indique la question de confiance "{question}"'))
def pdf_question(user, question):
    _, document = user.recap_document()
    shown = document.fields.get("Question de confiance")
    assert recap_pdf.same_value(shown, question), f"question de confiance du PDF : {shown!r}, attendue « {question} »"


@then("le récapitulatif PDF indique son adresse électronique de connexion")
def pdf_address(user):
    _, document = user.recap_document()
    shown = document.fields.get("Adresse électronique de connexion")
    assert recap_pdf.same_value(shown, user.applicant.email), \
        f"adresse du PDF : {shown!r}, attendue « {user.applicant.email} »"
