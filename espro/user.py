"""The person who follows the guide, in the guide's words; the steps speak to this object only."""

import re
import time
from datetime import datetime, timezone

from espro import activation_email, recap_pdf
from espro.recap_pdf import PARIS
from espro.drivers.locators import label_source
from espro.drivers.mail import wait_for
from espro.errors import NotVerified
from espro.testdata import Applicant

CAPTCHA_FIELD = "Recopiez les caractères de l'image"
# The buttons that send a step: after one of them, a refusal shows a message (contract §1).
SUBMITS = ("Continuer", "Valider", "Activer", "Se connecter")
TERMS_CHECKBOX = "Je reconnais avoir pris connaissance des conditions générales"
SUBSCRIBER_NUMBER = re.compile(r"sous le numéro\s+(\d+)")
ACTIVATION_STEPS = ("Code d'activation", "Identifiants", "Récapitulatif")
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

    def let_time_pass(self, seconds: int) -> None:
        """The target's clock moves forward (clock hook, contract §3); not verified without it."""
        self.hooks.advance_clock(seconds)

    def close(self) -> None:
        for page in self._pages:
            page.close()

    def _keep_emails(self, address: str, raws: list[bytes]) -> list[bytes]:
        """Keep the messages read, as evidence should the scenario fail (`kept`: file name → bytes)."""
        for number, raw in enumerate(raws, start=1):
            self.kept[f"courriel-{address}-{number}.eml"] = raw
        return raws

    # Pages and controls

    def open_login_page(self) -> None:
        self.page.open(self.profile.target_url)

    def open_mode_page(self) -> None:
        self.open_login_page()
        self.press("Créer votre espace professionnel")

    def press(self, name: str) -> None:
        self.page.press(name)
        self.last_pressed = name

    def fill(self, label: str, value: str) -> None:
        self.page.fill(label, value)
        self.last_pressed = None

    def has_just_submitted(self) -> bool:
        """Whether the last thing done was sending a step (a refusal must then show a message)."""
        return self.last_pressed in SUBMITS

    def current_step(self) -> str:
        return self.page.current_step()

    def page_text(self) -> str:
        return self.page.text()

    def errors(self) -> list[str]:
        return self.page.errors()

    def lines_shown(self, labels) -> dict[str, str | None]:
        """On a page that shows a value after each label (the recap, guide §2: « Nom : ROSEMONDE »):
        for each label, the value the page's structure ties to it (WebPage.values_shown: a <dl>,
        a table's rows, label and value elements, aria-labelledby, or one « label : value » line);
        "" for a label shown without value, None for a label absent. A label shown twice (a
        heading, then its line) gives its last non-empty value. A value that runs into another
        label's « label : » on the same line stops there."""
        labels = list(labels)
        values: dict[str, str | None] = {label: None for label in labels}
        others = re.compile(r"\s(?:" + "|".join(label_source(label) for label in labels) + r")\s*:(?:\s|$)")
        for _, label, value in sorted(self.page.values_shown(labels)):
            value = others.split(" " + value, maxsplit=1)[0].strip()
            if value or values[label] is None:
                values[label] = value
        return values

    # The CAPTCHA

    def captcha_answer(self) -> str:
        """What to type to get past the image: the profile's fixed answer, or what the image shows."""
        captcha = self.profile.captcha
        return captcha["answer"] if captcha["mode"] == "fixed" else self.captcha_shown()

    def captcha_shown(self) -> str:
        """The characters the image shows now: only the CAPTCHA hook can tell (a fixed answer cannot)."""
        return self.hooks.captcha_answer(self.page.cookies())

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

    def advance(self, step: str) -> None:
        """Follow the procedure with valid data as far as `step` (one of the five of the stepper),
        without reading the stepper: what a scenario about the stepper itself needs."""
        self.open_mode_page()
        self.press("Créez votre espace en mode expert")
        actions = (self.accept_terms, self.enter_credentials, self.fill_registration_form, lambda: self.press("Valider"))
        for action in actions[:REGISTRATION_STEPS.index(step)]:
            action()

    def reach(self, step: str) -> None:
        """Follow the procedure with valid data up to `step`, and make sure the stepper shows it."""
        self.advance(step)
        self._expect_step(step, "de la pré-inscription")

    def _expect_step(self, step: str, procedure: str) -> None:
        shown = self.current_step()
        if shown != step:
            raise AssertionError(f"l'étape « {step} » {procedure} n'a pas pu être atteinte : "
                                 f"étape « {shown} », erreurs : {self.errors()}")

    # After "Valider"

    def activation_emails(self, count: int = 1) -> list[activation_email.ActivationEmail]:
        raws = self._keep_emails(self.applicant.email,
                                 wait_for(self.mail_reader, self.applicant.email, count, self.profile.timeout("mail")))
        return [activation_email.read(raw) for raw in raws]

    def emails_received(self) -> int:
        return len(self.mail_reader.messages_for(self.applicant.email))

    def emails_to(self, address: str) -> int:
        """How many messages the mail sink holds for `address` (another address than the person's)."""
        return len(self.mail_reader.messages_for(address))

    def emails_settled(self, address: str | None = None) -> int:
        """How many messages reached `address` (the person's by default) now: what "no (other)
        e-mail was sent" is checked against. A message may still be on its way, so the count is
        also watched: the run counts again at its end, once the mail timeout has passed, and a
        message that came late fails the check then (espro/late_mail.py)."""
        address = address or self.applicant.email
        count = self.emails_to(address)
        self.mail_watch.append({"address": address, "count": count, "at": time.time()})
        return count

    def seconds_until_first_email(self, within_s: float) -> float:
        """Wait for the first message to the person's address, at most `within_s` seconds from now;
        how many seconds it took (AssertionError when none came in time)."""
        started = time.monotonic()
        wait_for(self.mail_reader, self.applicant.email, 1, within_s)
        return time.monotonic() - started

    def emails_shown_whole(self) -> list[str]:
        """Everything a mail client can show of each message received: headers decoded, every text
        part decoded, HTML as source and as text (activation_email.everything_shown)."""
        raws = self._keep_emails(self.applicant.email, self.mail_reader.messages_for(self.applicant.email))
        return [activation_email.everything_shown(raw) for raw in raws]

    def read_activation_code(self, count: int = 1) -> str | None:
        """Wait for this person's `count`-th activation e-mail (a new request's) and keep the latest code."""
        self.activation_code = activation_email.activation_code(self.activation_emails(count)[-1].text)
        return self.activation_code

    def activate(self, code: str, email: str, until: str = "Récapitulatif") -> None:
        """From the login page: Activer, the code and the CAPTCHA, then the login address,
        stopping once the activation step `until` is shown."""
        self.open_login_page()
        self.press("Activer")
        if until == ACTIVATION_STEPS[0]:
            return
        self.page.fill("Saisissez le code d'activation", code)
        self.copy_captcha()
        self.press("Continuer")
        if until == ACTIVATION_STEPS[1]:
            return
        self.page.fill("Saisissez votre adresse électronique de connexion", email)
        self.press("Continuer")

    def reach_activation(self, step: str) -> None:
        """With valid data, up to `step` of the activation; pre-registers first when a code is needed."""
        if step != ACTIVATION_STEPS[0]:
            self.reach("Enregistrement")
            self.read_activation_code()
        self.activate(self.activation_code, self.applicant.email, until=step)
        self._expect_step(step, "de l'activation")

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
        self.kept["recapitulatif.pdf"] = content
        return content_type, recap_pdf.read(content)

    def recap_address(self) -> str:
        """Where "Sauvegardez ou imprimez le récapitulatif" points; not verified when it is no link."""
        address = self.page.link_target("Sauvegardez ou imprimez le récapitulatif")
        if address is None:
            raise NotVerified("« Sauvegardez ou imprimez le récapitulatif » n'est pas un lien : pas d'adresse à rouvrir")
        return address

    def document_at(self, address: str) -> tuple[str, bytes]:
        """What this browser session gets at `address` (type and body), without leaving the page."""
        return self.page.fetch(address)

    def open_address(self, address: str) -> None:
        """Type `address` in this browser's address bar (a noted or copied address)."""
        self.page.open(address)

    def someone_else(self) -> "User":
        """Another person, in a browser session of their own, with another login address."""
        other = self.another_tab()
        other.use_details(email="autre.personne." + self.applicant.email)
        return other

    def target_time(self, advance_seconds: int = 0) -> datetime:
        """The target's clock (clock hook, contract §3) after moving it forward by `advance_seconds`,
        in Paris time; not verified without the hook."""
        now = datetime.fromisoformat(self.hooks.advance_clock(advance_seconds).replace("Z", "+00:00"))
        return (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).astimezone(PARIS)

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

    # Checks that look closer at a page (appended: the steps of space, activation and terms use them)

    def document_status(self) -> int | None:
        """The HTTP status of the document shown (the navigation's response, after any redirect);
        None when the browser cannot tell."""
        return self.page.navigation_status()

    def step_page_refusal(self, step: str, submitted: bool) -> list[str]:
        """What keeps the page shown from being step `step`'s page after a refusal (contract §1): the
        marker of the current step, no server error, and, when the person had submitted the step
        (`submitted`), at least one message on a field or for the page. [] when nothing is wrong."""
        problems = []
        status = self.document_status()
        if status is not None and status >= 500:
            problems.append(f"la page est une erreur du serveur (HTTP {status})")
        shown = self.page.current_step_if_any()
        if shown != step:
            problems.append(f"étape en cours « {shown} », attendue « {step} »" if shown
                            else f"la page ne montre pas de fil d'étapes (attendue à l'étape « {step} »)")
        if submitted and not self.errors():
            problems.append("la demande refusée ne montre aucun message (ni sur un champ, ni pour la page)")
        return problems

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

    def personal_data_in(self, text: str) -> dict[str, str]:
        """Those of the person's data that `text` shows (case folded for the address)."""
        folded = " ".join(text.split())
        return {label: value for label, value in self.personal_data().items()
                if value in folded or (label == "adresse électronique" and value.lower() in folded.lower())}

    def says_it_has_none_of(self, things) -> list[str]:
        """Those of `things` (« dossier », « service ») the page shown does not say there are none of,
        in whatever words: « Aucun dossier », « aucun service n'est ouvert », « 0 dossier », « pas de service »."""
        text = " ".join(self.page_text().split()).lower()
        return [thing for thing in things
                if not re.search(rf"\b(aucun|aucune|0|zéro|pas de|pas d'|ni)\s+{thing}s?\b", text)]

    def own_space_marks(self) -> dict[str, str]:
        """What his space holds of this person: the subscriber number, the name, the login address.

        Read on the page shown, else where the guide says his details always are, « Gérer les
        services » then « Modifier mes coordonnées » (guide §4), coming back to the page after."""
        marks = ("numéro d'abonné", "nom et prénom", "adresse électronique")

        def shown_here():
            return {label: value for label, value in self.personal_data_in(self.page_text()).items() if label in marks}

        shown, back = shown_here(), self.page.url
        for name in ("Gérer les services", "Modifier mes coordonnées"):
            if shown:
                break
            if self.page.has_control(name):
                self.press(name)
                shown = shown_here()
        if self.page.url != back:
            self.page.open(back)
        return shown

    def is_mode_page(self) -> list[str]:
        """What the page shown lacks of the mode choice page (guide §1.2): both choices, each with
        its link, and no stepper. [] when it is that page."""
        missing = [f"le lien « {name} »" for name in ("Créez votre espace en mode simplifié",
                                                    "Créez votre espace en mode expert")
                   if not self.page.has_control(name)]
        text = self.page_text()
        missing += [f"« {sentence} »" for sentence in ("Optez pour le mode simplifié", "Optez pour le mode expert")
                    if sentence not in text]
        step = self.page.current_step_if_any()
        if step is not None:
            missing.append(f"pas de fil d'étapes (la page montre l'étape « {step} »)")
        return missing

    def captcha_image(self) -> list[dict] | None:
        """The image beside the field « Recopiez les caractères de l'image »: whether each shows,
        is loaded, and its natural size (WebPage.images_beside). None when no image is found."""
        return self.page.images_beside(CAPTCHA_FIELD) or None

    def offers(self, name: str) -> bool:
        """Whether the page shows a button or link named `name` (contract §1)."""
        return self.page.has_control(name)

    def note_url(self) -> str:
        """The address of the page shown, as a person copies it from the address bar."""
        return self.page.url

    def headings(self) -> list[str]:
        return self.page.headings()

    def can_sign_in(self) -> bool:
        """Whether the page offers to sign in: a control named "Se connecter"."""
        return self.page.has_control("Se connecter")

    def window_count(self) -> int:
        return self.page.window_count()

    def field_error(self, label: str) -> str | None:
        return self.page.field_error(label)
