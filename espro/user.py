"""The person who follows the guide, in the guide's words; the steps speak to this object only.

`User` holds the person's state and browser sessions; what the person does is in `espro.tasks`,
what the person sees or asks in `espro.questions`. All of them reach the browser through `page`."""

from espro.questions import SUBMITS, SUBSCRIBER_NUMBER, Questions
from espro.tasks import (ACTIVATION_STEPS, CAPTCHA_FIELD, CREDENTIAL_FIELDS, FORM_FIELDS, REGISTRATION_STEPS,
                         TERMS_CHECKBOX, Tasks)
from espro.testdata import Applicant

__all__ = ["User", "ACTIVATION_STEPS", "CAPTCHA_FIELD", "CREDENTIAL_FIELDS", "FORM_FIELDS", "REGISTRATION_STEPS",
           "SUBMITS", "SUBSCRIBER_NUMBER", "TERMS_CHECKBOX"]


class User(Tasks, Questions):
    """A browser tab plus what a person has beside it: a mailbox, and the test hooks."""

    def __init__(self, open_page, hooks, mail_reader, profile, applicant: Applicant, kept=None):
        self._open_page = open_page
        self._pages = [open_page()]
        self.hooks = hooks
        self.mail_reader = mail_reader
        self.profile = profile
        self.applicant = applicant
        self.activation_code: str | None = None
        self.subscriber_number: str | None = None
        self.kept: dict[str, bytes] = {} if kept is None else kept
        self.last_pressed: str | None = None
        self.mail_watch: list[dict] = []

    @property
    def page(self):
        return self._pages[-1]

    def new_session(self) -> None:
        """Leave this browser session for a fresh one (no cookies): another browser, later."""
        self._pages.append(self._open_page())

    def another_tab(self) -> "User":
        """The same person in a second, independent browser session."""
        other = User(self._open_page, self.hooks, self.mail_reader, self.profile, self.applicant, self.kept)
        other.mail_watch = self.mail_watch
        self._pages[:0] = other._pages  # closed with ours; this person's current page stays last
        return other

    def someone_else(self) -> "User":
        """Another person, in a browser session of their own, with another login address."""
        other = self.another_tab()
        other.use_details(email="autre.personne." + self.applicant.email)
        return other

    def use_details(self, **changes) -> None:
        """From now on the person types these values (Applicant attribute names) instead of the previous ones."""
        self.applicant = self.applicant.with_changes(**changes)

    def lose_session(self) -> None:
        """The browser forgets its cookies (session lost, or cookies cleared) while the page stays shown."""
        self.page.forget_cookies()

    def reopen_elsewhere(self) -> None:
        """Open the address of the page shown in a fresh browser (no cookies), as a copied link."""
        address = self.page.url
        self.new_session()
        self.page.open(address)

    def close(self) -> None:
        for page in self._pages:
            page.close()

    def _keep_emails(self, address: str, raws: list[bytes]) -> list[bytes]:
        """Keep the messages read, as evidence should the scenario fail (`kept`: file name → bytes)."""
        for number, raw in enumerate(raws, start=1):
            self.kept[f"courriel-{address}-{number}.eml"] = raw
        return raws

    def personal_data(self) -> dict[str, str]:
        """What identifies this person on a page: label → value, for the values the person has."""
        applicant = self.applicant
        values = {
            "numéro d'abonné": self.subscriber_number,
            "adresse électronique": applicant.email,
            "nom et prénom": f"{applicant.last_name} {applicant.first_name}",
            "nom": applicant.last_name,
            "téléphone": applicant.phone,
            "réponse de confiance": applicant.trust_answer,
        }
        return {label: value for label, value in values.items() if value}
