"""The contract's locators (§1): the guide's words find the controls, the profile may override them."""

import re

STEP_MARKER = "etape-courante"
PAGE_ERROR = "erreur-page"
DEFAULT_CSS = {STEP_MARKER: '[aria-current="step"]', PAGE_ERROR: '[role="alert"]'}

# Every name the contract (§1) gives a control: the suite finds nothing else, and a profile
# may override exactly these (schemas/profile.schema.json lists them under `locators`).
FIELDS = (
    "Adresse électronique", "Mot de passe", "Recopiez les caractères de l'image",
    "Adresse électronique de connexion", "Confirmez l'adresse électronique de connexion",
    "Mot de passe de connexion", "Confirmez votre mot de passe de connexion",
    "Nom", "Prénom", "Téléphone", "Indicatif", "Numéro de voie", "Nature de la voie", "Libellé de la voie",
    "Complément d'adresse", "Code postal", "Commune", "Pays", "Question de confiance",
    "Réponse à la question de confiance", "Saisissez le code d'activation",
    "Saisissez votre adresse électronique de connexion",
    "Je reconnais avoir pris connaissance des conditions générales",
)
CONTROLS = (
    "Créer votre espace professionnel", "Créez votre espace en mode expert", "Continuer", "Etape précédente",
    "Effacer", "Valider", "Changer l'image", "Ecouter l'extrait sonore", "conditions générales",
    "Activez votre espace professionnel", "Activer", "Se connecter", "Sauvegardez ou imprimez le récapitulatif",
    "Accédez à vos services en ligne", "Se déconnecter",
)
# Other links and buttons the guide names, which some scenarios look for by those words.
GUIDE_CONTROLS = (
    "Afficher", "Fermer", "Mot de passe oublié ?", "Créez votre espace en mode simplifié", "Annulez votre demande",
    "En savoir plus", "Recommandations pour prévenir les usurpations", "Gérer les services",
    "Modifier mes coordonnées", "Accéder au formuel", "Accéder aux fiches pratiques.",
    "Connexion à l'espace particulier", "Connexion à l'espace professionnel",
)
MARKERS = (STEP_MARKER, PAGE_ERROR)
FIELD_ELEMENTS = ", ".join(["input:not([type=hidden])", "select", "textarea", "[contenteditable=true]"] + [
    f"[role={role}]" for role in ("textbox", "combobox", "listbox", "checkbox", "radio", "spinbutton", "searchbox",
                                  "switch")])
CONTRACT_NAMES = FIELDS + CONTROLS + GUIDE_CONTROLS + MARKERS


def label_pattern(label: str) -> re.Pattern:
    """An accessible name that begins with `label`, then maybe ` :`, `*` and a hint.

    Whitespace is folded and E/É at the start of a word are the same letter (contract §1).
    """
    return re.compile(r"^\s*" + label_source(label) + r"(?=$|[\s:*(])")


def label_source(label: str) -> str:
    """The regular expression (valid in Python and in JavaScript) of `label` as the contract
    reads it: whitespace folded, E/É the same letter at the start of a word."""
    parts = []
    for index, char in enumerate(label):
        at_word_start = index == 0 or not label[index - 1].isalnum()
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in "EÉ" and at_word_start:
            parts.append("[EÉ]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


class Locators:
    """Turns the guide's name of a control into a Playwright locator on a page."""

    def __init__(self, overrides: dict | None = None):
        self.overrides = overrides or {}

    def name_of(self, key: str) -> str | None:
        """The name the target gives the control: the guide's, or the one the profile says;
        None when the profile finds it by CSS (its name is then unknown)."""
        override = self._known(key)
        return None if "css" in override else override.get("name", key)

    def _known(self, key: str) -> dict:
        if key not in CONTRACT_NAMES:
            raise AssertionError(f"« {key} » n'est ni un nom du contrat (§1) ni un contrôle connu du guide")
        return self.overrides.get(key) or {}

    def override(self, key: str) -> tuple[str | None, str | None]:
        """(CSS, None) when the profile finds `key` by CSS, else (None, the name the target gives it)."""
        override = self._known(key)
        return (override["css"], None) if "css" in override else (None, override.get("name", key))

    def _override(self, page, key):
        css, name = self.override(key)
        return (page.locator(css), None) if css is not None else (None, name)

    def field(self, page, label: str):
        """A form field by its accessible name: only a field (an input, a list, a text area, or an
        element with a field's role), not a region or a group that bears the same name."""
        located, name = self._override(page, label)
        if located is not None:
            return located
        return page.get_by_label(label_pattern(name)).and_(page.locator(FIELD_ELEMENTS))

    def checkbox(self, page, label: str):
        located, name = self._override(page, label)
        if located is not None:
            return located
        return page.get_by_role("checkbox", name=label_pattern(name))

    def control(self, page, name: str):
        """A button or a link, by its exact accessible name."""
        located, name = self._override(page, name)
        if located is not None:
            return located
        return page.get_by_role("button", name=name, exact=True).or_(
            page.get_by_role("link", name=name, exact=True)
        )

    def marker(self, page, key: str):
        located, _ = self._override(page, key)
        return located if located is not None else page.locator(DEFAULT_CSS[key])
