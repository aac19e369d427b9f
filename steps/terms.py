"""Steps of the first step, Conditions générales, and of its CAPTCHA (guide §2)."""

from pytest_bdd import parsers, when

from steps.checks import then

from espro.user import CAPTCHA_FIELD, TERMS_CHECKBOX


@when("il coche la case des conditions générales")
def tick_terms(user):
    user.tick(TERMS_CHECKBOX)


@when("il note les caractères de l'image", target_fixture="noted_captcha")
def note_captcha(user):
    return user.captcha_shown()


@when("il recopie les caractères notés")
def copy_noted(user, noted_captcha):
    user.fill(CAPTCHA_FIELD, noted_captcha)


@then("les caractères de l'image sont au nombre de six")
def six_characters(user):
    answer = user.captcha_shown()
    assert len(answer.replace(" ", "")) == 6, f"réponse de l'image : {answer!r}"


@then(parsers.parse('le lien "{name}" fournit un fichier audio'))
def audio_link(user, name):
    content_type, content = user.sound_of(name)
    assert content_type.startswith("audio/"), f"type reçu : {content_type!r}"
    assert len(content) > 1000, f"fichier audio de {len(content)} octets"


@then(parsers.parse('le lien "{name}" mène à une page qui affiche "{text}"'))
def link_leads_to(user, name, text):
    # The guide does not show where the link leads: another page, a PDF, a window or a box that
    # opens, but not back to the page the person is on (which may bear the same words).
    shown, same_page = user.destination_of(name)
    assert not same_page, f"le lien « {name} » ramène à la page même où il se trouve"
    assert text in shown, f"ce que le lien « {name} » montre ne contient pas « {text} » : {shown[:300]!r}"
