"""The person who follows the guide, in the guide's words; the steps speak to this object only."""

import re

from espro import activation_email, recap_pdf
from espro.drivers.mail import wait_for
from espro.testdata import Applicant

CAPTCHA_FIELD = "Recopiez les caractères de l'image"
TERMS_CHECKBOX = "Je reconnais avoir pris connaissance des conditions générales"
SUBSCRIBER_NUMBER = re.compile(r"sous le numéro\s+(\d+)")
FORM_FIELDS = (
    ("Nom", "last_name"),
    ("Prénom", "first_name"),
    ("Téléphone", "phone"),
    ("Numéro de voie", "street_number"),
    ("Nature de la voie", "street_type"),
    ("Libellé de la voie", "street_name"),
    ("Complément d'adresse", "address_complement"),
    ("Code postal", "postcode"),
    ("Commune", "city"),
    ("Pays", "country"),
    ("Réponse à la question de confiance", "trust_answer"),
)


class User:
    """A browser tab plus what a person has beside it: a mailbox, and the test hooks."""

    def __init__(self, page, hooks, mail_reader, profile, applicant: Applicant):
        self.page = page
        self.hooks = hooks
        self.mail_reader = mail_reader
        self.profile = profile
        self.applicant = applicant
        self.activation_code: str | None = None
        self.subscriber_number: str | None = None

    def open_login_page(self) -> None:
        self.page.open(self.profile.target_url)

    def press(self, name: str) -> None:
        self.page.press(name)

    def copy_captcha(self) -> None:
        captcha = self.profile.captcha
        answer = captcha["answer"] if captcha["mode"] == "fixed" else self.hooks.captcha_answer(self.page.cookies())
        self.page.fill(CAPTCHA_FIELD, answer)

    def accept_terms(self) -> None:
        self.page.check(TERMS_CHECKBOX)
        self.copy_captcha()
        self.press("Continuer")

    def enter_credentials(self, email=None, email_confirmation=None, password=None, password_confirmation=None):
        email = self.applicant.email if email is None else email
        password = self.applicant.password if password is None else password
        self.page.fill("Adresse électronique de connexion", email)
        self.page.fill("Confirmez l'adresse électronique de connexion", email if email_confirmation is None else email_confirmation)
        self.page.fill("Mot de passe de connexion", password)
        self.page.fill("Confirmez votre mot de passe de connexion", password if password_confirmation is None else password_confirmation)
        self.press("Continuer")

    def fill_registration_form(self) -> None:
        for label, attribute in FORM_FIELDS:
            self.page.fill(label, getattr(self.applicant, attribute))
        self.page.choose("Question de confiance", self.applicant.trust_question)
        self.press("Continuer")

    def current_step(self) -> str:
        return self.page.current_step()

    def page_text(self) -> str:
        return self.page.text()

    def activation_emails(self, count: int = 1) -> list[activation_email.ActivationEmail]:
        raws = wait_for(self.mail_reader, self.applicant.email, count, self.profile.timeout("mail"))
        return [activation_email.read(raw) for raw in raws]

    def read_activation_code(self) -> str | None:
        self.activation_code = activation_email.activation_code(self.activation_emails()[-1].text)
        return self.activation_code

    def activate(self, code: str, email: str) -> None:
        """From the login page: Activer, the code and the CAPTCHA, then the login address."""
        self.open_login_page()
        self.press("Activer")
        self.page.fill("Saisissez le code d'activation", code)
        self.copy_captcha()
        self.press("Continuer")
        self.page.fill("Saisissez votre adresse électronique de connexion", email)
        self.press("Continuer")

    def read_subscriber_number(self) -> str | None:
        match = SUBSCRIBER_NUMBER.search(self.page_text())
        self.subscriber_number = match.group(1) if match else None
        return self.subscriber_number

    def recap_document(self) -> tuple[str, recap_pdf.RecapDocument]:
        content_type, content = self.page.fetch_document("Sauvegardez ou imprimez le récapitulatif")
        return content_type, recap_pdf.read(content)

    def log_in(self, email: str, password: str) -> None:
        self.open_login_page()
        self.page.fill("Adresse électronique", email)
        self.page.fill("Mot de passe", password)
        self.copy_captcha()
        self.press("Se connecter")

    def is_signed_in(self) -> bool:
        """Contract §1: a control named "Se déconnecter" and no login form."""
        return self.page.has_control("Se déconnecter") and not self.page.has_control("Se connecter")

    def errors(self) -> list[str]:
        return self.page.errors()
