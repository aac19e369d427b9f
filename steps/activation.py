"""Steps after "Valider" (guide §2 end, §3): Enregistrement, the e-mail, activation."""

import re

from pytest_bdd import then, when


@then("la page indique l'adresse électronique à laquelle le code a été envoyé")
def page_names_address(user):
    text = user.page_text()
    assert "Un code d'activation a été envoyé à l'adresse électronique suivante" in text
    assert user.applicant.email in text, f"l'adresse {user.applicant.email} n'est pas sur la page"


@then("il reçoit un courriel d'activation contenant un code de 12 caractères")
def receives_code(user):
    code = user.read_activation_code()
    assert code is not None, "le courriel ne contient pas de code de 12 caractères après « code suivant : »"


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
