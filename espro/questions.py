"""What the person sees or asks, in the guide's words: the step shown, the headings, the
messages, the fields and their values, the e-mails received, the recap PDF. A mixin of
`espro.user.User`: it reaches the browser through `self.page` only."""

import re
import time
from datetime import datetime, timezone

from espro import activation_email, recap_pdf
from espro.recap_pdf import PARIS
from espro.drivers.locators import label_source
from espro.drivers.mail import wait_for
from espro.errors import NotVerified
from espro.tasks import CAPTCHA_FIELD

# The buttons that send a step: after one of them, a refusal shows a message (contract §1).
SUBMITS = ("Continuer", "Valider", "Activer", "Se connecter")
SUBSCRIBER_NUMBER = re.compile(r"sous le numéro\s+(\d+)")


class Questions:
    """What a person sees on the target or asks of it (Screenplay's questions)."""

    # The page shown

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

    def page_shown(self) -> tuple[str, str]:
        """The page shown, as the person tells it from another: its path and its title."""
        return self.page.kind()

    def page_headers(self) -> dict[str, str]:
        """What the page told the browser about itself, beside its content (names in lower case)."""
        return self.page.document_headers()

    def referrer_policy(self) -> str:
        """The referrer policy the page sets, by header or in its markup; "" when it sets none."""
        return self.page_headers().get("referrer-policy", "") or self.page.referrer_meta()

    def cookies_kept(self) -> list[dict]:
        """The cookies the browser keeps for the page shown, with their flags."""
        return self.page.cookie_flags()

    def page_language(self) -> str:
        """The language the page declares to a speech synthesiser."""
        return self.page.language()

    def can_paste_into(self, label: str) -> bool:
        """Whether what the person pastes into the field (from a password manager) stays there."""
        return not self.page.refuses_paste(label)

    def is_marked_required(self, label: str) -> bool:
        """Whether the field tells, before any submission, that it must be filled: in its name (an
        asterisk, « obligatoire ») or to assistive technologies."""
        name = self.field_name(label)
        return "*" in name or "obligatoire" in name.casefold() or self.page.marked_required(label)

    def purpose_of(self, label: str) -> str:
        """What the field declares itself to hold, for the browser to fill in (autocomplete)."""
        return self.page.autocomplete(label)

    def step_shown(self) -> str | None:
        """The step the stepper marks as current; None at once when the page shows no stepper."""
        return self.page.current_step_if_any()

    def steps_shown(self) -> list[str]:
        """The names of the stepper's steps, in order."""
        return self.page.steps()

    def times_offered(self, name: str) -> int:
        """How many buttons and links the page shows named exactly `name`."""
        return self.page.control_count(name)

    def page_source(self) -> str:
        """The page's HTML as the browser holds it (what a person sees with "view source")."""
        return self.page.html()

    def sound_of(self, name: str) -> tuple[str, bytes]:
        """What the control `name` lets a person hear: (content type, body)."""
        return self.page.sound_of(name)

    def destination_of(self, name: str) -> tuple[str, bool]:
        """Where the control `name` leads: the text a person reads there, and whether it is the
        very page the person is on (WebPage.destination)."""
        return self.page.destination(name)

    # Fields and lists

    def field_error(self, label: str) -> str | None:
        return self.page.field_error(label)

    def offers_field(self, label: str) -> bool:
        """Whether the page shows a field named `label` (contract §1)."""
        return self.page.has_field(label)

    def field_name(self, label: str) -> str:
        """The field's name as assistive technologies read it (its label, asterisk included)."""
        return self.page.field_name(label)

    def field_hints(self, label: str) -> str:
        """Everything that tells about the field: its name, placeholder, title and description."""
        return self.page.field_hints(label)

    def name_used_for(self, key: str) -> str | None:
        """The name this target gives what the guide calls `key` (the profile may rename it);
        None when the profile finds it by CSS, not by a name."""
        return self.page.name_of(key)

    def value_in(self, label: str) -> str:
        """What the field shows now: its text, or a list's selected option's label."""
        return self.page.value_of(label)

    def selected_in(self, label: str) -> tuple[str, str] | None:
        """The list's selected option as (value, label); None when the field is no list."""
        return self.page.selected(label)

    def options_in(self, label: str) -> list[str]:
        """The labels of all the list's options, in order."""
        return self.page.options_of(label)

    def choices_in(self, label: str) -> list[tuple[str, str]]:
        """The list's options that can be chosen, as (value, label)."""
        return self.page.options(label)

    def is_masked(self, label: str) -> bool:
        """Whether the field hides what is typed in it (a password field)."""
        return self.page.is_masked(label)

    def is_editable(self, label: str) -> bool:
        return self.page.is_editable(label)

    def is_checked(self, label: str) -> bool:
        return self.page.is_checked(label)

    def alerts(self) -> list[str]:
        """The messages shown for the page (role="alert"), not those tied to a field."""
        return self.page.alerts()

    def messages_about(self, label: str) -> list[str]:
        """The messages that may tell of `label`'s error (contract §1: on the field, or for the
        page): the one tied to the field, then the page's alerts."""
        return [message for message in [self.field_error(label), *self.alerts()] if message]

    # The CAPTCHA

    def captcha_answer(self) -> str:
        """What to type to get past the image: the profile's fixed answer, or what the image shows."""
        captcha = self.profile.captcha
        return captcha["answer"] if captcha["mode"] == "fixed" else self.captcha_shown()

    def captcha_shown(self) -> str:
        """The characters the image shows now: only the CAPTCHA hook can tell (a fixed answer cannot)."""
        return self.hooks.captcha_answer(self.page.cookies())

    # E-mails, the subscriber number, the recap

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

    def target_time(self, advance_seconds: int = 0) -> datetime:
        """The target's clock (clock hook, contract §3) after moving it forward by `advance_seconds`,
        in Paris time; not verified without the hook."""
        now = datetime.fromisoformat(self.hooks.advance_clock(advance_seconds).replace("Z", "+00:00"))
        return (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).astimezone(PARIS)

    # The space

    def is_signed_in(self) -> bool:
        """Contract §1: a control named "Se déconnecter" and no login form."""
        return self.page.has_control("Se déconnecter") and not self.page.has_control("Se connecter")

    # Checks that look closer at a page (the steps of space, activation and terms use them)

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
