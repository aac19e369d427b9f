"""What the person does, in the guide's words: open a page, press, fill, choose, go through the
steps, activate, log in. A mixin of `espro.user.User`: it reaches the browser through `self.page` only."""

import re

from espro.errors import NotVerified

# The names forms give their anti-forgery token (Django, Flask-WTF, Rails, Laravel, Spring...).
ANTI_FORGERY = re.compile(r"csrf|xsrf|authenticity|_token$|^token$", re.IGNORECASE)

CAPTCHA_FIELD = "Recopiez les caractères de l'image"
TERMS_CHECKBOX = "Je reconnais avoir pris connaissance des conditions générales"
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


class Tasks:
    """What a person does on the target (Screenplay's tasks); the state it keeps is `User`'s."""

    # Pages and controls

    def open_login_page(self) -> None:
        self.page.open(self.profile.target_url)

    def keep_to_the_keyboard(self) -> None:
        """From now on the person uses no mouse: Tab to reach each control, the keyboard to use it."""
        self.page.use_keyboard_only()

    def open_mode_page(self) -> None:
        self.open_login_page()
        self.press("Créer votre espace professionnel")

    def press(self, name: str) -> None:
        self.page.press(name)
        self.last_pressed = name

    def fill(self, label: str, value: str) -> None:
        self.page.fill(label, value)
        self.last_pressed = None

    def choose(self, label: str, option: str) -> None:
        """Pick `option` (its text) in the list `label`."""
        self.page.choose(label, option)

    def tick(self, label: str) -> None:
        self.page.check(label)

    def type_keys(self, label: str, text: str) -> None:
        """Type `text` in the field key by key, as a person does, every key event firing
        (`fill` sets the whole value at once)."""
        self.page.type_keys(label, text)

    def force_value(self, label: str, value: str) -> None:
        """Change a field the page does not let a person type in, with the browser's own tools
        (readonly or disabled dropped): what a server must not trust."""
        self.page.force_value(label, value)

    # The CAPTCHA

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

    def fail_to_log_in(self, count: int, wrong: str) -> None:
        """`count` logins in a row with the `wrong` password, as a guesser would; only where the profile
        lets the suite probe (findings.throttling_probe): a target may then block this machine."""
        if not self.profile.throttling_probe:
            raise NotVerified("sonde des essais non demandée (findings.throttling_probe dans le profil) : "
                              "cent mots de passe faux peuvent bloquer le poste de la suite chez la cible")
        for _ in range(count):
            self.log_in(self.applicant.email, wrong)

    def press_and_replay(self, name: str) -> "Tasks":
        """Press `name` as the person does; then a robot, in a session of its own, opens the same page
        and sends the person's form as it was (CAPTCHA answer and hidden fields), but for the
        anti-forgery tokens, which it takes from its own page. The robot's tab, to look at its answer."""
        address = self.page.url
        action, entries = self.page.form_entries(name, hidden=True)
        self.press(name)
        robot = self.another_tab()
        robot.open_address(address)
        own = dict(robot.page.form_entries(name, hidden=True)[1])
        robot.page.post(action, [(key, own.get(key, value) if ANTI_FORGERY.search(key) else value)
                                 for key, value in entries])
        return robot

    def codes_of_new_requests(self, count: int) -> list[str]:
        """`count` other people each bring a request of their own to « Enregistrement »: the codes
        their e-mails give, in order (their e-mails read are deleted)."""
        codes = []
        for number in range(1, count + 1):
            other = self.another_tab()
            other.use_details(email=f"echantillon{number}.{self.applicant.email}")
            other.reach("Enregistrement")
            codes.append(other.read_activation_code())
            self.mail_reader.delete_for(other.applicant.email)
        return codes

    def press_from_another_site(self, name: str) -> None:
        """What a forged page on another site would make the person's browser send: this step's form,
        pressed by `name`, without its hidden fields (the attack ASVS 3.5.1 guards against)."""
        self.page.press_from_another_site(name)
        self.last_pressed = name

    def open_address(self, address: str) -> None:
        """Type `address` in this browser's address bar (a noted or copied address)."""
        self.page.open(address)

    def let_time_pass(self, seconds: int) -> None:
        """The target's clock moves forward (clock hook, contract §3); not verified without it."""
        self.hooks.advance_clock(seconds)

    # The space

    def log_in(self, email: str, password: str) -> None:
        self.open_login_page()
        self.page.fill("Adresse électronique", email)
        self.page.fill("Mot de passe", password)
        self.copy_captcha()
        self.press("Se connecter")
