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


# The controls that submit a step: pressed last, "il reste à l'étape" means the step was refused.
@then(parsers.parse('l\'étape en cours est "{step}"'))
def current_step_is(user, step):
    shown = user.current_step()
    assert shown == step, f"étape en cours « {shown} », attendue « {step} » ; erreurs affichées : {user.errors()}"
    status = user.document_status()
    assert status is None or status < 500, f"l'étape « {step} » est montrée sur une erreur du serveur (HTTP {status})"


@then(parsers.parse('il reste à l\'étape "{step}"'))
def stays_at_step(user, step):
    """The step's page again, never a server error; after the step was submitted (a refusal, contract
    §1), with at least one message on a field or for the page."""
    problems = user.step_page_refusal(step, user.has_just_submitted())
    assert not problems, f"{' ; '.join(problems)} ; erreurs affichées : {user.errors()}"


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
    missing = [name for name in names if not user.offers(name)]
    assert not missing, f"aucun bouton ni lien nommé : {missing}"


def _messages_about(user, label) -> list[str] | None:
    """The messages that may tell of `label`'s error (contract §1): the one tied to the field
    (aria-invalid and aria-describedby), then the page's alerts (role="alert"); None when the
    field is no longer on the page (the person has left the step)."""
    if not user.offers_field(label):
        return None
    return user.messages_about(label)


@then(parsers.parse('le champ "{label}" est signalé en erreur'))
def field_in_error(user, label):
    messages = _messages_about(user, label)
    assert messages is not None, f"le champ « {label} » n'est plus sur la page : étape « {user.step_shown()} »"
    assert messages, (f"le champ « {label} » n'est pas signalé en erreur : ni message lié au champ (aria-invalid et "
                      f"aria-describedby), ni message pour la page (role=\"alert\") ; erreurs : {user.errors()}")


@then(parsers.parse('le champ "{label}" est signalé en erreur avec le message "{message}"'))
def field_in_error_with(user, label, message):
    messages = _messages_about(user, label)
    assert messages is not None, f"le champ « {label} » n'est plus sur la page : étape « {user.step_shown()} »"
    assert any(message in shown for shown in messages), \
        f"messages sur le champ « {label} » ou pour la page : {messages}, attendu « {message} »"


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
