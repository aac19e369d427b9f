"""The person who follows the guide, in the guide's words; the steps speak to this object only."""

import re

from espro import activation_email, recap_pdf
from espro.drivers.mail import wait_for
from espro.testdata import Applicant

CAPTCHA_FIELD = "Recopiez les caractères de l'image"
TERMS_CHECKBOX = "Je reconnais avoir pris connaissance des conditions générales"
SUBSCRIBER_NUMBER = re.compile(r"sous le numéro\s+(\d+)")
REGISTRATION_STEPS = ("Conditions générales", "Identifiants", "Formulaire inscription", "Récapitulatif", "Enregistrement")
CREDENTIAL_FIELDS = (
    "Adresse électronique de connexion",
    "Confirmez l'adresse électronique de connexion",
    "Mot de passe de connexion",
    "Confirmez votre mot de passe de connexion",
)
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

    def __init__(self, open_page, hooks, mail_reader, profile, applicant: Applicant):
        self._open_page = open_page
        self._pages = [open_page()]
        self.hooks = hooks
        self.mail_reader = mail_reader
        self.profile = profile
        self.applicant = applicant
        self.activation_code: str | None = None
        self.subscriber_number: str | None = None

    @property
    def page(self):
        return self._pages[-1]

    def new_session(self) -> None:
        """Leave this browser session for a fresh one (no cookies): another browser, later."""
        self._pages.append(self._open_page())

    def another_tab(self) -> "User":
        """The same person in a second, independent browser session."""
        other = User(self._open_page, self.hooks, self.mail_reader, self.profile, self.applicant)
        self._pages.extend(other._pages)
        return other

    def close(self) -> None:
        for page in self._pages:
            page.close()

    # Pages and controls

    def open_login_page(self) -> None:
        self.page.open(self.profile.target_url)

    def open_mode_page(self) -> None:
        self.open_login_page()
        self.press("Créer votre espace professionnel")

    def press(self, name: str) -> None:
        self.page.press(name)

    def fill(self, label: str, value: str) -> None:
        self.page.fill(label, value)

    def current_step(self) -> str:
        return self.page.current_step()

    def page_text(self) -> str:
        return self.page.text()

    def errors(self) -> list[str]:
        return self.page.errors()

    # The CAPTCHA

    def captcha_answer(self) -> str:
        captcha = self.profile.captcha
        return captcha["answer"] if captcha["mode"] == "fixed" else self.hooks.captcha_answer(self.page.cookies())

    def copy_captcha(self) -> None:
        self.page.fill(CAPTCHA_FIELD, self.captcha_answer())

    # Pre-registration, step by step

    def accept_terms(self) -> None:
        self.page.check(TERMS_CHECKBOX)
        self.copy_captcha()
        self.press("Continuer")

    def type_credentials(self, email=None, email_confirmation=None, password=None, password_confirmation=None):
        email = self.applicant.email if email is None else email
        password = self.applicant.password if password is None else password
        values = (email, email if email_confirmation is None else email_confirmation,
                  password, password if password_confirmation is None else password_confirmation)
        for label, value in zip(CREDENTIAL_FIELDS, values):
            self.page.fill(label, value)

    def enter_credentials(self, **values) -> None:
        self.type_credentials(**values)
        self.press("Continuer")

    def type_registration_form(self) -> None:
        for label, attribute in FORM_FIELDS:
            self.page.fill(label, getattr(self.applicant, attribute))
        self.page.choose("Question de confiance", self.applicant.trust_question)

    def fill_registration_form(self) -> None:
        self.type_registration_form()
        self.press("Continuer")

    def reach(self, step: str) -> None:
        """Follow the procedure with valid data up to `step` (one of the five of the stepper)."""
        self.open_mode_page()
        self.press("Créez votre espace en mode expert")
        actions = (self.accept_terms, self.enter_credentials, self.fill_registration_form, lambda: self.press("Valider"))
        for action in actions[:REGISTRATION_STEPS.index(step)]:
            action()
        shown = self.current_step()
        if shown != step:
            raise AssertionError(f"l'étape « {step} » n'a pas pu être atteinte : étape « {shown} », erreurs : {self.errors()}")

    # After "Valider"

    def activation_emails(self, count: int = 1) -> list[activation_email.ActivationEmail]:
        raws = wait_for(self.mail_reader, self.applicant.email, count, self.profile.timeout("mail"))
        return [activation_email.read(raw) for raw in raws]

    def emails_received(self) -> int:
        return len(self.mail_reader.messages_for(self.applicant.email))

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

    def create_space(self) -> None:
        """The whole procedure, up to the confirmation of an activated space."""
        self.reach("Enregistrement")
        self.activate(self.read_activation_code(), self.applicant.email)
        if self.read_subscriber_number() is None:
            raise AssertionError(f"l'espace n'a pas pu être activé : erreurs : {self.errors()}")

    def read_subscriber_number(self) -> str | None:
        match = SUBSCRIBER_NUMBER.search(self.page_text())
        self.subscriber_number = match.group(1) if match else None
        return self.subscriber_number

    def recap_document(self) -> tuple[str, recap_pdf.RecapDocument]:
        content_type, content = self.page.fetch_document("Sauvegardez ou imprimez le récapitulatif")
        return content_type, recap_pdf.read(content)

    # The space

    def log_in(self, email: str, password: str) -> None:
        self.open_login_page()
        self.page.fill("Adresse électronique", email)
        self.page.fill("Mot de passe", password)
        self.copy_captcha()
        self.press("Se connecter")

    def is_signed_in(self) -> bool:
        """Contract §1: a control named "Se déconnecter" and no login form."""
        return self.page.has_control("Se déconnecter") and not self.page.has_control("Se connecter")
