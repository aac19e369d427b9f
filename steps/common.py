"""The shared vocabulary of the features: where the person is, what they do, what they see."""

from pytest_bdd import given, parsers, when

from steps.checks import then

from steps.text import lines


@given("un usager sur la page de connexion", target_fixture="user")
def on_login_page(user):
    user.open_login_page()
    return user


@given("un usager sur la page du choix du mode", target_fixture="user")
def on_mode_page(user):
    user.open_mode_page()
    return user


@given(parsers.re(r'un usager à l\'étape "(?P<step>[^"]+)"(?: de la pré-inscription)?'), target_fixture="user")
def at_step(user, step):
    user.reach(step)
    return user


@when(parsers.parse('il clique sur "{name}"'))
def click(user, name):
    user.press(name)


@when(parsers.parse('il saisit "{value}" dans le champ "{label}"'))
def type_value(user, value, label):
    user.fill(label, value)


@when(parsers.parse('il vide le champ "{label}"'))
def empty_field(user, label):
    user.fill(label, "")


@when("il recopie les caractères de l'image")
def copy_captcha(user):
    user.copy_captcha()


@when("il recopie des caractères qui ne sont pas ceux de l'image")
def copy_wrong_captcha(user):
    answer = user.captcha_answer()
    user.fill("Recopiez les caractères de l'image", "".join("7" if char != "7" else "8" for char in answer))


@then(parsers.parse('l\'étape en cours est "{step}"'))
@then(parsers.parse('il reste à l\'étape "{step}"'))
def current_step_is(user, step):
    shown = user.current_step()
    assert shown == step, f"étape en cours « {shown} », attendue « {step} » ; erreurs affichées : {user.errors()}"


@then(parsers.parse('la page affiche "{text}"'))
def page_shows(user, text):
    assert text in user.page_text(), f"la page ne montre pas « {text} »"


@then("la page affiche :")
def page_shows_lines(user, docstring):
    text = user.page_text()
    missing = [line for line in lines(docstring) if line not in text]
    assert not missing, f"la page ne montre pas : {missing}"


@then("la page propose :")
def page_offers(user, datatable):
    names = [row[0] for row in datatable[1:]]
    missing = [name for name in names if not user.page.has_control(name)]
    assert not missing, f"aucun bouton ni lien nommé : {missing}"


@then(parsers.parse('le champ "{label}" est signalé en erreur'))
def field_in_error(user, label):
    message = user.page.field_error(label)
    assert message, f"le champ « {label} » n'est pas signalé en erreur (aria-invalid et message lié) ; erreurs : {user.errors()}"


@then(parsers.parse('le champ "{label}" est signalé en erreur avec le message "{message}"'))
def field_in_error_with(user, label, message):
    shown = user.page.field_error(label)
    assert shown and message in shown, f"message du champ « {label} » : {shown!r}, attendu « {message} »"


@then(parsers.parse('la page signale l\'erreur "{message}"'))
def page_reports(user, message):
    assert any(message in shown for shown in user.errors()), f"erreurs affichées : {user.errors()}, attendue « {message} »"


@then("aucune erreur n'est signalée")
def no_error(user):
    assert user.errors() == [], f"erreurs affichées : {user.errors()}"


@then("aucun courriel ne lui est envoyé")
def no_mail(user):
    received = user.emails_settled()
    assert received == 0, f"{received} courriel(s) reçu(s) pour {user.applicant.email}"


@then("il n'est pas connecté")
def not_signed_in(user):
    assert not user.is_signed_in(), "l'usager est connecté"
