"""Steps of the second step, Identifiants (guide §2, « 2ème étape »), and of the refusal of an
address already taken, tied to a space with certificate or awaiting its activation."""

import re

from pytest_bdd import given, parsers, when

from steps.checks import then

from espro.testdata import changed_character, email_of_length, password_of

EMAIL_FIELD = "Adresse électronique de connexion"
CREDENTIAL_FIELDS = (
    "Adresse électronique de connexion",
    "Confirmez l'adresse électronique de connexion",
    "Mot de passe de connexion",
    "Confirmez votre mot de passe de connexion",
)
BLANKS = {"une espace": " ", "une tabulation": "\t", "une espace insécable": "\u00a0"}
STRENGTH = re.compile(r"Niveau de sécurité(?: de votre mot de passe)?\s*:\s*(\w+)")
# "composé de lettres et chiffres" or "composé de lettres et chiffres, avec une espace"
PASSWORD = r"un mot de passe de (?P<length>\d+) caractères composé de (?P<kind>.+?)(?:, avec (?P<blank>{}))?".format(
    "|".join(BLANKS))


def _password(length, kind, blank=None) -> str:
    """A password of `length` characters of the kind the guide's words name, maybe with a blank in it."""
    password = password_of(kind, int(length), with_space=blank is not None)
    return password.replace(" ", BLANKS[blank]) if blank else password


EMAIL_VARIANTS = {
    "une autre adresse électronique": lambda email: "autre." + email,
    "son adresse électronique en majuscules": str.upper,
    "son adresse électronique entourée de blancs": lambda email: f"  {email}  ",
}
PASSWORD_VARIANTS = {
    "avec un caractère changé": changed_character,
    "avec la casse inversée": str.swapcase,
}


# Who the person is before the step

@given("un usager qui a créé et activé son espace professionnel")
def with_activated_space(user):
    user.create_space()


@given(parsers.re("un usager qui a créé et activé son espace professionnel avec " + PASSWORD))
def with_activated_space_and_password(user, length, kind, blank):
    user.use_details(password=_password(length, kind, blank))
    user.create_space()


@given("un usager qui a validé son inscription sans activer son espace")
def with_pending_request(user):
    user.reach("Enregistrement")
    assert user.read_activation_code(), "le courriel d'activation ne contient pas de code"


@given("son adresse électronique est rattachée à un espace professionnel avec certificat")
def with_certificate_space(user):
    user.hooks.add_certificate_space(user.applicant.email)


@when(parsers.parse('il recommence la création d\'un espace jusqu\'à l\'étape "{step}"'))
def start_again(user, step):
    user.new_session()
    user.reach(step)


# What the person types

@when("il saisit son adresse électronique et son mot de passe")
def type_credentials(user):
    user.type_credentials()


@when("il saisit son adresse électronique en majuscules et son mot de passe")
def type_upper_case_email(user):
    user.type_credentials(email=user.applicant.email.upper())


@when("il saisit son adresse électronique et un nouveau mot de passe")
def type_new_password(user):
    user.type_credentials(password=changed_character(user.applicant.password))


@when(parsers.parse('il saisit l\'adresse électronique "{address}" et son mot de passe'))
def type_given_email(user, address):
    user.type_credentials(email=address)


@when(parsers.parse("il saisit une adresse électronique de {length:d} caractères et son mot de passe"))
def type_email_of_length(user, length):
    user.type_credentials(email=email_of_length(user.applicant, length))


@when(parsers.re("il saisit son adresse électronique et " + PASSWORD))
def type_password_of_kind(user, length, kind, blank):
    user.type_credentials(password=_password(length, kind, blank))


@when(parsers.re('il saisit dans le champ "(?P<label>[^"]+)" (?P<variant>{})'.format("|".join(EMAIL_VARIANTS))))
def type_email_variant(user, label, variant):
    user.fill(label, EMAIL_VARIANTS[variant](user.applicant.email))


@when(parsers.re('il saisit dans le champ "(?P<label>[^"]+)" son mot de passe (?P<variant>{})'.format(
    "|".join(PASSWORD_VARIANTS))))
def type_password_variant(user, label, variant):
    user.fill(label, PASSWORD_VARIANTS[variant](user.applicant.password))


@when(parsers.re('il tape dans le champ "(?P<label>[^"]+)" ' + PASSWORD))
def type_password_keys(user, label, length, kind, blank):
    user.type_keys(label, _password(length, kind, blank))


# What the person sees

@then(parsers.parse('le champ "{label}" est marqué d\'un astérisque'))
def marked_required(user, label):
    name = user.field_name(label)
    assert "*" in name, f"le nom du champ « {label} » est « {name} », sans astérisque"


@then(parsers.parse('le champ "{label}" porte l\'indication "{hint}"'))
def field_hint(user, label, hint):
    hints = user.field_hints(label)
    assert hint in hints, f"le champ « {label} » indique « {hints} », pas « {hint} »"


@then(parsers.parse('un message est affiché sur le champ "{label}" ou pour la page'))
def message_on_field_or_page(user, label):
    assert user.messages_about(label), (f"aucun message sur le champ « {label} » ni pour la page ; "
                                        f"erreurs affichées : {user.errors()}")


@then(parsers.parse('la page n\'affiche plus "{text}"'))
def page_no_longer_shows(user, text):
    assert text not in user.page_text(), f"la page montre toujours « {text} »"


@then("ses identifiants sont toujours saisis")
def credentials_kept(user):
    expected = (user.applicant.email, user.applicant.email, user.applicant.password, user.applicant.password)
    lost = [label for label, value in zip(CREDENTIAL_FIELDS, expected) if user.value_in(label) != value]
    assert not lost, f"saisie effacée dans : {lost}"


@then(parsers.re(r'le niveau de sécurité affiché est (?P<levels>"[^"]+"(?: ou "[^"]+")*)'))
def strength_is(user, levels):
    allowed = re.findall(r'"([^"]+)"', levels)
    # The guide prints « Niveau de sécurité : Fort » and « Niveau de sécurité de votre mot de passe »:
    # the level is the word after the indicator's colon, whatever the indicator's exact wording.
    text = user.page_text()
    match = STRENGTH.search(text)
    shown = text[match.start():match.end() + 20] if match else None
    assert match and match.group(1) in allowed, f"indicateur affiché : {shown!r}, attendu : {' ou '.join(allowed)}"


@then("il n'a reçu que le courriel d'activation de sa première demande")
def only_first_mail(user):
    received = user.emails_settled()
    assert received == 1, f"{received} courriels reçus pour {user.applicant.email}"


@then("son premier code d'activation active toujours son espace")
def first_code_still_works(user):
    user.activate(user.activation_code, user.applicant.email)
    assert user.read_subscriber_number(), f"le premier code n'active pas l'espace ; erreurs : {user.errors()}"


@then("son espace s'ouvre toujours avec son premier mot de passe")
def space_still_opens(user):
    user.log_in(user.applicant.email, user.applicant.password)
    assert user.is_signed_in(), f"le premier mot de passe n'ouvre plus l'espace ; erreurs : {user.errors()}"
