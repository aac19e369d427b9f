"""Steps after "Valider" (guide §2 end, §3): Enregistrement, the e-mail, the 48-hour deadline, activation."""

import re
import string

from pytest_bdd import given, parsers, when

from steps.checks import then

CODE_FIELD = "Saisissez le code d'activation"
ADDRESS_FIELD = "Saisissez votre adresse électronique de connexion"
CODE_SHOWN = "Code d'activation :"
# The smallest image (natural and shown width × height, pixels) that can show six characters one can read.
MIN_IMAGE = (60, 20)
SECONDS = {"jour": 24 * 3600, "jours": 24 * 3600, "heure": 3600, "heures": 3600, "minute": 60, "minutes": 60}
# "48 heures", "47 heures et 59 minutes", "3 jours"
DURATION = r"(?P<duration>\d+ (?:{0})(?: et \d+ (?:{0}))*)".format("|".join(SECONDS))


def _seconds(duration: str) -> int:
    return sum(int(number) * SECONDS[unit] for number, unit in re.findall(r"(\d+) (\w+)", duration))


def _shifted(code: str) -> str:
    """Another well-formed code: every letter or digit replaced by the next one (z→a, Z→A, 9→0)."""
    alphabets = (string.ascii_lowercase, string.ascii_uppercase, string.digits)
    return "".join(next(alphabet[(alphabet.index(char) + 1) % len(alphabet)]
                        for alphabet in alphabets if char in alphabet) for char in code)


def _swapped_case(code: str) -> str:
    swapped = code.swapcase()
    assert swapped != code, f"le code {code} n'a pas de lettre : sa casse ne peut pas être inversée"
    return swapped


# What the person types in « Saisissez le code d'activation », from the code of the e-mail.
CODE_INPUTS = {
    "son code d'activation": lambda user: user.activation_code,
    "son code d'activation sans son dernier caractère": lambda user: user.activation_code[:-1],
    "son code d'activation suivi d'un caractère de plus": lambda user: user.activation_code + user.activation_code[0],
    "son code d'activation dont le dernier caractère est remplacé par un tiret":
        lambda user: user.activation_code[:-1] + "-",
    "son code d'activation avec la casse inversée": lambda user: _swapped_case(user.activation_code),
    "son code d'activation entouré de blancs": lambda user: f"  {user.activation_code}  ",
    "un code de 12 lettres et chiffres qui n'a pas été envoyé": lambda user: _shifted(user.activation_code),
    "son mot de passe de connexion à la place du code": lambda user: user.applicant.password,
}


# Who the person is before the step

@given("une autre personne a validé son inscription sans activer son espace", target_fixture="other_person")
def other_pending_request(user):
    other = user.another_tab()
    other.use_details(email="autre." + user.applicant.email)
    other.reach("Enregistrement")
    assert other.read_activation_code(), "le courriel d'activation de l'autre personne ne contient pas de code"
    return other


# What happens: time, typing, the activation steps

@when(parsers.re(DURATION + " passent depuis l'envoi du code"))
def time_passes(user, duration):
    user.let_time_pass(_seconds(duration))


@when(parsers.re("il saisit (?P<typed>{})".format("|".join(re.escape(text) for text in CODE_INPUTS))))
def type_code(user, typed):
    user.fill(CODE_FIELD, CODE_INPUTS[typed](user))


@when("il passe l'étape \"Code d'activation\" avec son code")
def pass_code_step(user):
    user.activate(user.activation_code, user.applicant.email, until="Identifiants")


@when("il saisit son adresse électronique de connexion")
def type_login_address(user):
    user.fill(ADDRESS_FIELD, user.applicant.email)


@when(parsers.parse('il saisit dans le champ "{label}" l\'adresse électronique de l\'autre personne'))
def type_other_address(user, label, other_person):
    user.fill(label, other_person.applicant.email)


@when("il se connecte avec son adresse électronique et son code d'activation comme mot de passe")
def log_in_with_code(user):
    user.log_in(user.applicant.email, user.activation_code)


# What the person sees

@then("la page indique l'adresse électronique à laquelle le code a été envoyé")
def page_names_address(user):
    text = user.page_text()
    assert "Un code d'activation a été envoyé à l'adresse électronique suivante" in text
    assert user.applicant.email in text, f"l'adresse {user.applicant.email} n'est pas sur la page"


@then("il reçoit un courriel d'activation contenant un code de 12 caractères")
def receives_code(user):
    code = user.read_activation_code()
    assert code is not None, "le courriel ne contient pas de code de 12 caractères après « code suivant : »"


@then("il reçoit un nouveau courriel d'activation dont le code diffère du premier", target_fixture="first_code")
def receives_new_code(user):
    first = user.activation_code
    code = user.read_activation_code(2)
    assert code is not None, "le nouveau courriel ne contient pas de code de 12 caractères après « code suivant : »"
    assert code != first, f"le nouveau courriel donne le même code que le premier : {code}"
    return first


@when("il active son espace avec ce code et son adresse électronique")
def activate(user):
    user.activate(user.activation_code, user.applicant.email)


@then("la page confirme son inscription sous un numéro d'abonné de 14 chiffres")
def confirms_registration(user):
    text = user.page_text()
    assert "Votre inscription" in text
    assert f"{user.applicant.last_name} {user.applicant.first_name}" in text
    number = user.read_subscriber_number()
    assert number is not None and re.fullmatch(r"\d{14}", number), f"numéro d'abonné lu : {number!r}"


@then("la page affiche \"Code d'activation :\" suivi de son code d'activation")
def code_shown(user):
    text = user.page_text()
    shown = re.search(re.escape(CODE_SHOWN) + r"\s*(\S*)", text)
    assert shown and shown.group(1) == user.activation_code, (
        f"la page montre « {shown.group(0) if shown else 'rien après ' + CODE_SHOWN} », "
        f"attendu « {CODE_SHOWN} {user.activation_code} »")


@then("la page montre une image")
def shows_image(user):
    """The CAPTCHA's image: beside the field « Recopiez les caractères de l'image », shown, loaded,
    big enough to hold six characters; where the CAPTCHA hook is declared, it shows six characters."""
    images = user.captcha_image()
    assert images, "aucune image à côté du champ « Recopiez les caractères de l'image »"
    fit = [image for image in images if image["visible"] and image["width"] >= MIN_IMAGE[0]
           and image["height"] >= MIN_IMAGE[1] and image["shownWidth"] >= MIN_IMAGE[0]]
    assert fit, (f"l'image à côté du champ « Recopiez les caractères de l'image » n'est pas une image lisible "
                 f"(non montrée, non chargée ou de moins de {MIN_IMAGE[0]}×{MIN_IMAGE[1]} pixels) : {images}")
    if user.profile.has_hook("captcha"):
        answer = user.captcha_shown()
        assert len(answer.replace(" ", "")) == 6, f"l'image montre {answer!r}, pas six caractères"


@then("la page s'est affichée dans le même onglet, sans nouvelle fenêtre")
def same_tab(user):
    windows = user.window_count()
    assert windows == 1, f"{windows} onglets ou fenêtres ouverts dans le navigateur de l'usager"


@when(parsers.parse('il avance dans l\'activation jusqu\'à l\'étape "{step}"'))
def advance_activation(user, step):
    user.activate(user.activation_code, user.applicant.email, until=step)


@then("son premier code d'activation est refusé")
def first_code_refused(user, first_code):
    user.activate(first_code, user.applicant.email, until="Identifiants")
    step = user.current_step()
    assert step == "Code d'activation", f"le premier code mène à l'étape « {step} »"
    assert user.field_error(CODE_FIELD) or user.errors(), \
        "le premier code est refusé sans message, ni sur le champ ni pour la page (contrat §1)"


@then("l'autre personne active toujours son espace avec son propre code")
def other_still_activates(other_person):
    other_person.activate(other_person.activation_code, other_person.applicant.email)
    assert other_person.read_subscriber_number(), \
        f"l'autre personne ne peut plus activer son espace ; erreurs : {other_person.errors()}"
