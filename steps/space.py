"""Steps of the created space (guide §4 and after): the recap PDF, signing in."""

from pytest_bdd import then, when


@then("le récapitulatif PDF reprend ses informations et ce numéro d'abonné")
def recap_pdf_matches(user):
    content_type, document = user.recap_document()
    applicant = user.applicant
    assert content_type.startswith("application/pdf"), f"type reçu : {content_type!r}"
    expected = {
        "Nom": applicant.last_name,
        "Prénom": applicant.first_name,
        "N° d'abonné": user.subscriber_number,
        "Téléphone": applicant.phone,
        "Adresse électronique de connexion": applicant.email,
        "Adresse": applicant.full_address,
        "Question de confiance": applicant.trust_question,
        "Réponse de confiance": applicant.trust_answer,
    }
    wrong = {label: (document.fields.get(label), value) for label, value in expected.items()
             if document.fields.get(label) != value}
    assert not wrong, f"valeurs du PDF (lue, attendue) : {wrong}"
    assert applicant.password not in document.text, "le PDF contient le mot de passe"


@when("il se connecte avec son adresse électronique et son mot de passe")
def log_in(user):
    user.log_in(user.applicant.email, user.applicant.password)


@then("il est connecté à son espace professionnel")
def signed_in(user):
    assert user.is_signed_in(), f"pas de « Se déconnecter » après connexion ; erreurs : {user.errors()}"
