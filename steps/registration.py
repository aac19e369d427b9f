"""Steps of the pre-registration (guide §2): from the login page to "Valider"."""

from pytest_bdd import given, parsers, when

from steps.checks import then


@given("un usager professionnel qui n'a pas d'espace professionnel")
def new_applicant(user):
    return user


@when(parsers.parse('il avance dans la pré-inscription jusqu\'à l\'étape "{step}"'))
def advance_registration(user, step):
    user.advance(step)


@when(parsers.parse('il ouvre la page "{title}"'))
def open_page(user, title):
    user.open_login_page()
    assert title in user.page_text(), f"la page d'accueil ne montre pas « {title} »"


@when("il choisit de créer son espace professionnel en mode expert")
def choose_expert_mode(user):
    user.press("Créer votre espace professionnel")
    user.press("Créez votre espace en mode expert")


@when("il accepte les conditions générales et recopie les caractères de l'image")
def accept_terms(user):
    user.accept_terms()


@when("il choisit son adresse électronique et son mot de passe")
def choose_credentials(user):
    user.enter_credentials()


@when("il remplit le formulaire d'inscription")
def fill_form(user):
    user.fill_registration_form()


@when("il valide son inscription")
def validate_registration(user):
    user.press("Valider")


@then("le récapitulatif reprend ses informations sans son mot de passe")
def recap_shows_information(user):
    from steps import form  # here: steps.form is loaded as a plugin of its own, after this module

    # Each information the person typed, after its label (an empty one may be left out).
    typed = [label for label, attribute in form.ATTRIBUTES.items() if getattr(user.applicant, attribute)]
    wrong = form._recap_mismatches(user, typed)
    assert not wrong, f"lignes du récapitulatif (montrée, saisie) : {wrong}"
    assert user.applicant.password not in user.page_text(), "le récapitulatif montre le mot de passe"
