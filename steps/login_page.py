"""Steps of the login page, the mode page and the stepper (guide §1.3, §1.4 and §2)."""

import re

from pytest_bdd import given, parsers, when

from steps.checks import then

from espro.testdata import changed_character, password_of
from espro.user import FORM_FIELDS, TERMS_CHECKBOX
from steps.text import fold, lines, missing_in_order

LOGIN_TITLE = re.compile(r"^Connexion à votre [Ee]space professionnel$")
MODE_QUESTIONS = {
    "simplifié": "Vous souhaitez créer un espace pour votre propre entreprise dont vous ne partagerez pas la gestion "
                 "des services en ligne ? Optez pour le mode simplifié",
    "expert": "Vous souhaitez créer un espace pour l'entreprise que vous représentez ou dont vous partagerez la "
              "gestion des services en ligne ? Optez pour le mode expert",
}
# Passwords that break the rules of the Identifiants step (IDENT-08 to IDENT-10), typed at login.
WRONG_PASSWORDS = {
    "faux": changed_character,
    "trop court": lambda password: password_of("lettres et chiffres", 19),
    "sans chiffre": lambda password: password_of("lettres seulement", 24),
    "qui contient une espace": lambda password: password_of("lettres et chiffres", 24, with_space=True),
}
SECONDS_PER_YEAR = 365 * 24 * 3600


def _mode_block(text: str, mode: str) -> str:
    """The page text from a mode's question to the other mode's question (or to the end)."""
    start = text.find(MODE_QUESTIONS[mode])
    assert start >= 0, f"la page ne présente pas le mode {mode} par sa question : « {MODE_QUESTIONS[mode]} »"
    ends = [found for question in MODE_QUESTIONS.values() if (found := text.find(question, start + 1)) > start]
    return text[start:min(ends, default=len(text))]


# Who the person is, where the person goes

@given("il revient plus tard sur la page de connexion")
def back_later_on_login_page(user):
    user.new_session()
    user.open_login_page()


@given(parsers.parse('un usager à l\'étape "{step}" de l\'activation'), target_fixture="user")
def at_activation_step(user, step):
    user.reach_activation(step)
    return user


@when("il se rend sur la page du choix du mode")
def go_to_mode_page(user):
    user.open_mode_page()


@when(parsers.parse('il se rend sur l\'étape "{step}" de la pré-inscription'))
def go_to_registration_step(user, step):
    user.reach(step)


@when(parsers.parse('il se rend sur l\'étape "{step}" de l\'activation'))
def go_to_activation_step(user, step):
    user.reach_activation(step)


@when("il ouvre l'adresse de cette page dans un navigateur neuf")
def reopen_elsewhere(user):
    user.reopen_elsewhere()


@when("son navigateur perd la session")
def session_lost(user):
    user.lose_session()


@when(parsers.parse("{years:d} ans passent sans qu'il change son mot de passe"))
def years_pass(user, years):
    user.let_time_pass(years * SECONDS_PER_YEAR)


# What the person types

@when("il saisit ses identifiants dans le formulaire de connexion")
def type_login(user):
    user.fill("Adresse électronique", user.applicant.email)
    user.fill("Mot de passe", user.applicant.password)


@when(parsers.parse('il saisit son mot de passe dans le champ "{label}"'))
def type_password(user, label):
    user.fill(label, user.applicant.password)


@when("il se connecte avec une adresse électronique qui n'a pas d'espace")
def log_in_unknown(user):
    user.log_in("inconnu." + user.applicant.email, user.applicant.password)


@when(parsers.re("il se connecte avec son adresse électronique et un mot de passe (?P<kind>{})".format(
    "|".join(WRONG_PASSWORDS))))
def log_in_wrong_password(user, kind):
    user.log_in(user.applicant.email, WRONG_PASSWORDS[kind](user.applicant.password))


@when(parsers.parse('il saisit une adresse électronique du domaine "{domain}" et un mot de passe de {length:d} '
                    'caractères composé de {kind}'))
def type_credentials_of_domain(user, domain, length, kind):
    user.type_credentials(email=f"{user.applicant.email.split('@')[0]}@{domain}", password=password_of(kind, length))


@when("il note le message affiché", target_fixture="noted_message")
def note_message(user):
    messages = user.errors()
    assert messages, "aucun message affiché"
    return messages


# What the person sees: pages and titles

@then(parsers.re(r'la page porte en tête (?P<texts>"[^"]+"(?:, "[^"]+")* et "[^"]+")'))
def header_texts(user, texts):
    expected = re.findall(r'"([^"]+)"', texts)
    missing = missing_in_order(user.page_text(), expected)
    assert missing is None, f"l'en-tête ne montre pas, dans l'ordre {expected}, « {missing} »"


@then("il est sur la page de connexion")
@then("il est toujours sur la page de connexion")
def on_login_page(user):
    titles = user.headings()
    assert any(LOGIN_TITLE.match(title) for title in titles), f"titres de la page : {titles}"
    assert user.can_sign_in(), "la page n'offre pas « Se connecter »"


@then(parsers.parse('la page porte le titre "{title}"'))
def has_title(user, title):
    titles = user.headings()
    assert title in titles, f"titres de la page : {titles}, attendu « {title} »"


@then("la page porte l'un des titres :")
def has_one_of_titles(user, datatable):
    expected = [row[0] for row in datatable[1:]]
    titles = user.headings()
    assert set(expected) & set(titles), f"titres de la page : {titles}, attendu l'un de {expected}"


@then(parsers.parse('la page affiche le fil d\'Ariane "{trail}"'))
def breadcrumb(user, trail):
    parts = [re.escape(fold(part)) for part in trail.split(">")]
    pattern = r"\s*(?:[>›»/]\s*)?".join(parts)
    assert re.search(pattern, user.page_text()), f"la page ne montre pas le fil d'Ariane « {trail} »"


@then("la page affiche, dans cet ordre :")
def page_shows_in_order(user, docstring):
    missing = missing_in_order(user.page_text(), lines(docstring))
    assert missing is None, f"la page ne montre pas, à sa place dans l'ordre attendu : « {missing} »"


@then(parsers.parse("la page propose {count:d} liens \"{name}\""))
def controls_named(user, count, name):
    shown = user.times_offered(name)
    assert shown == count, f"{shown} bouton(s) ou lien(s) nommé(s) « {name} », attendu {count}"


@then(parsers.parse("le bloc du mode {mode} affiche :"))
def block_shows(user, mode, docstring):
    block = _mode_block(user.page_text(), mode)
    missing = [line for line in lines(docstring) if line not in block]
    assert not missing, f"le bloc du mode {mode} ne montre pas : {missing}"


@then(parsers.parse("le bloc du mode {mode} propose :"))
def block_offers(user, mode, datatable):
    block = _mode_block(user.page_text(), mode)
    names = [row[0] for row in datatable[1:]]
    missing = [name for name in names
               if (user.name_used_for(name) or "") not in block or not user.offers(name)]
    assert not missing, f"le bloc du mode {mode} n'offre pas : {missing}"


@then("la création d'un espace en mode expert n'a pas commencé")
def expert_creation_not_started(user):
    step, titles = user.step_shown(), user.headings()
    assert not (step == "Conditions générales" and "Créer votre espace professionnel" in titles), \
        "la page ouvre l'étape « Conditions générales » de la création d'un espace expert"


# What the person sees: the stepper

@then("le fil d'étapes montre, dans cet ordre :")
def stepper_shows(user, datatable):
    expected = [row[0] for row in datatable[1:]]
    shown = user.steps_shown()
    assert shown == expected, f"fil d'étapes affiché : {shown}, attendu : {expected}"


@then(parsers.parse('la page n\'affiche pas l\'étape "{step}"'))
def step_not_shown(user, step):
    shown = user.step_shown()
    assert shown != step, f"la page affiche l'étape « {step} »"


@then("la page ne montre pas son adresse électronique")
def email_not_shown(user):
    assert user.applicant.email not in user.page_text(), f"la page montre l'adresse {user.applicant.email}"


@then("son adresse électronique peut encore servir à une pré-inscription")
def email_still_free(user):
    user.new_session()
    user.reach("Identifiants")
    user.enter_credentials()
    shown = user.current_step()
    assert shown == "Formulaire inscription", \
        f"l'adresse est refusée : étape « {shown} », erreurs : {user.errors()}"


# What the person sees: fields

def _name_pattern(name: str | None) -> str:
    """The field's own name, or any text when the profile finds the field by CSS."""
    return re.escape(name) if name else ".*?"


@then("les champs suivants sont marqués d'un astérisque après leur libellé :")
def required_fields(user, datatable):
    names = {row[0]: user.field_name(row[0]) for row in datatable[1:]}
    wrong = {label: name for label, name in names.items()
             if not re.match(_name_pattern(user.name_used_for(label)) + r"\s*:?\s*\*", fold(name))}
    assert not wrong, f"noms accessibles sans astérisque après le libellé : {wrong}"


@then("les champs suivants ne portent pas d'astérisque :")
def optional_fields(user, datatable):
    names = {row[0]: user.field_name(row[0]) for row in datatable[1:]}
    wrong = {label: name for label, name in names.items() if "*" in name}
    assert not wrong, f"champs facultatifs marqués d'un astérisque : {wrong}"


@then(parsers.parse('le nom du champ "{label}" est "{name}"'))
def field_named(user, label, name):
    shown = fold(user.field_name(label))
    own = user.name_used_for(label)
    expected = own + name[len(label):] if own and name.startswith(label) else name
    assert shown == expected, f"nom accessible du champ : « {shown} », attendu « {expected} »"


@then(parsers.parse('la page offre le champ "{label}"'))
def has_field(user, label):
    assert user.offers_field(label), f"aucun champ nommé « {label} »"


@then(parsers.parse('le champ "{label}" est masqué'))
def field_masked(user, label):
    assert user.is_masked(label), f"le champ « {label} » montre sa saisie en clair"


@then(parsers.parse('le champ "{label}" est en clair'))
def field_in_clear(user, label):
    assert not user.is_masked(label), f"le champ « {label} » est masqué"


@then(parsers.parse('le champ "{label}" est vide'))
def field_empty(user, label):
    value = user.value_in(label)
    assert value == "", f"le champ « {label} » contient encore {value!r}"


@then(parsers.parse('le champ "{label}" contient toujours son mot de passe'))
def field_still_holds_password(user, label):
    assert user.value_in(label) == user.applicant.password, \
        f"le champ « {label} » ne contient plus son mot de passe"


@then("la case des conditions générales est toujours cochée")
def terms_still_ticked(user):
    assert user.is_checked(TERMS_CHECKBOX), "la case des conditions générales a été décochée"


@then(parsers.parse('les champs du formulaire autres que "{label}" ont gardé ses informations'))
def form_values_kept(user, label):
    expected = {field: getattr(user.applicant, attribute) for field, attribute in FORM_FIELDS if field != label}
    expected["Question de confiance"] = user.applicant.trust_question
    lost = {field: user.value_in(field) for field, value in expected.items() if user.value_in(field) != value}
    assert not lost, f"valeurs perdues (valeur affichée) : {lost}"


# What the person sees: refusals

@then("un message d'erreur est affiché")
def some_error(user):
    assert user.errors(), "aucun message d'erreur affiché (ni pour la page, ni sur un champ)"


@then("le message affiché est le même que celui noté")
def same_message(user, noted_message):
    assert user.errors() == noted_message, f"message affiché : {user.errors()}, noté : {noted_message}"


@then("une nouvelle image est proposée")
def new_captcha(user, noted_captcha):
    answer = user.captcha_shown()
    assert answer != noted_captcha, f"l'image montre toujours les caractères notés ({answer})"
