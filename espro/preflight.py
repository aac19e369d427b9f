"""Checks made before a run: `espro doctor` prints them all, `espro run` stops at the first that fails.

Each check reaches the target the way the contract says (§1 the login page, §2 the mail, §3 the
hooks) and ends in one line a person can act on.
"""

import html
import re
import secrets
import socket
from dataclasses import dataclass

import httpx

from espro import catalogue
from espro.drivers.hooks import TOKEN_HEADER
from espro.drivers.mail_api import reader_for
from espro.errors import RunError

LOGIN_HEADING = "Connexion à votre espace professionnel"
HOOK_PROBES = {
    "captcha": ("GET", "/captcha", None),
    "clock": ("POST", "/clock", {"advance_seconds": 0}),
    "certificate-spaces": ("POST", "/certificate-spaces", None),
}


@dataclass(frozen=True)
class Check:
    """One line of the doctor's table; `ok` is None for what is only worth knowing."""

    name: str
    ok: bool | None
    detail: str


def _visible_text(body: str) -> str:
    without_tags = re.sub(r"(?is)<(script|style)\b.*?</\1>|<[^>]+>", " ", body)
    return " ".join(html.unescape(without_tags).split())


def check_target(profile) -> Check:
    """The target answers, and its first page is the login page the guide shows."""
    try:
        response = httpx.get(profile.target_url, timeout=profile.timeout("page"), follow_redirects=True)
    except httpx.HTTPError as error:
        return Check("Cible", False, f"cible injoignable : {profile.target_url} ({type(error).__name__}: {error})")
    if LOGIN_HEADING not in _visible_text(response.text):
        return Check("Cible", False, f"{profile.target_url} répond {response.status_code} mais n'affiche pas "
                                     f"« {LOGIN_HEADING} » : ce n'est pas la page de connexion")
    return Check("Cible", True, f"{profile.target_url} : page de connexion reconnue")


def hook_request(profile, client, hook, token):
    """One hook's probe request (HOOK_PROBES), with the token or without it (token None)."""
    method, path, payload = HOOK_PROBES[hook]
    if hook == "certificate-spaces":
        payload = {"email": f"espro-doctor-{secrets.token_hex(6)}@exemple.fr"}
    headers = {TOKEN_HEADER: token} if token is not None else {}
    return client.request(method, profile.hooks_url + path, headers=headers, json=payload)


def check_hook(profile, hook: str) -> Check:
    """A declared hook answers with the token and refuses without it (contract §3).

    The CAPTCHA hook is asked with the cookies of a visit to the login page, which shows an image."""
    name = f"Crochet {hook}"
    try:
        with httpx.Client(timeout=profile.timeout("hooks"), follow_redirects=True) as client:
            if hook == "captcha":
                client.get(profile.target_url)
            answered = hook_request(profile, client, hook, profile.hooks_token)
            refused = hook_request(profile, client, hook, None)
    except httpx.HTTPError as error:
        return Check(name, False, f"crochets injoignables : {profile.hooks_url} ({type(error).__name__}: {error})")
    if answered.status_code == 401:
        return Check(name, False, f"jeton refusé (401) par {profile.hooks_url} : vérifiez hooks.token du profil")
    if answered.status_code == 404:
        return Check(name, False, f"le profil déclare le crochet {hook} mais la cible répond 404 (mode test éteint ?)")
    if answered.status_code not in (200, 201):
        return Check(name, False, f"réponse {answered.status_code} avec le jeton : {answered.text[:120]}")
    if refused.status_code != 401:
        return Check(name, False, f"répond {refused.status_code} sans jeton au lieu de 401 : le crochet n'est pas protégé")
    return Check(name, True, "répond avec le jeton, refuse sans (401)")


def check_mail(profile) -> Check:
    """The suite's SMTP sink can listen, or the mail server's API answers."""
    mail = profile.mail
    if mail["kind"] == "smtp":
        with socket.socket() as sock:
            try:
                sock.bind((mail["host"], mail["port"]))
            except OSError as error:
                return Check("Courrier", False, f"le puits SMTP ne pourra pas écouter sur {mail['host']}:{mail['port']} "
                                                f"({error.strerror or error})")
        return Check("Courrier", True, f"le puits SMTP pourra écouter sur {mail['host']}:{mail['port']}")
    try:
        reader_for(profile.mail, profile.timeout("mail")).check()
    except RunError as error:
        return Check("Courrier", False, str(error))
    return Check("Courrier", True, f"{mail['kind']} répond sur {mail['url']}")


def _reach_identifiants(profile, mode: str) -> tuple[str | None, list[str]]:
    """Prepare up to « Identifiants » as a `Soit` step does with `mode`, then read the step in the
    browser: what went wrong (None when it is reached), and what HTTP left to the browser."""
    from playwright.sync_api import Error as PlaywrightError

    from espro.drivers.browser import Browser
    from espro.drivers.hooks import HooksClient
    from espro.drivers.locators import Locators
    from espro.drivers.preparation import Preparation, Tab
    from espro.errors import HookFailed, NotVerified
    from espro.testdata import new_applicant
    from espro.user import User

    browser = Browser()
    preparation = Preparation(mode)
    person = User(lambda: Tab(browser.new_page(profile.target_url, Locators(profile.locators), profile.timeout("page")),
                              preparation), HooksClient.of(profile), None, profile, new_applicant(0))
    try:
        preparation.begin()
        try:
            person.advance("Identifiants")
        finally:
            preparation.end()
        shown = person.current_step()
        failure = None if shown == "Identifiants" else f"la page montre l'étape « {shown} », pas « Identifiants »"
    except (AssertionError, PlaywrightError, HookFailed, NotVerified) as error:
        failure = " ".join(str(error).split())[:200]
    finally:
        person.close()
        browser.close()
    return failure, preparation.scripted()


def check_preparation(profile) -> Check:
    """Which preparation a run uses, and whether it works here: HTTP is tried first; when it fails,
    the browser, to tell a target that needs scripts from one that cannot be prepared at all."""
    from espro.drivers.preparation import BROWSER, HTTP

    try:
        failure, scripted = _reach_identifiants(profile, HTTP)
        if failure is None:
            works = "l'étape « Identifiants » est atteinte par HTTP" + (
                f", le navigateur pour {', '.join(scripted)}" if scripted else "")
            if profile.preparation == HTTP:
                return Check("Préparation", True, f"{HTTP} (profil) : {works}")
            return Check("Préparation", None, f"{BROWSER} (profil) ; {works} : « preparation: {HTTP} » irait plus vite")
        in_browser, _ = _reach_identifiants(profile, BROWSER)
    except RunError as error:
        return Check("Préparation", False, str(error))
    if in_browser is not None:
        return Check("Préparation", None, f"{profile.preparation} (profil) ; l'étape « Identifiants » n'est atteinte "
                                          f"ni par HTTP ni dans le navigateur ({in_browser}) : la course dira pourquoi")
    if profile.preparation == HTTP:
        return Check("Préparation", False, f"par HTTP, l'étape « Identifiants » n'est pas atteinte ({failure}), "
                                           f"dans le navigateur si : mettez « preparation: {BROWSER} » dans le profil")
    return Check("Préparation", True, f"{BROWSER} (profil) : l'étape « Identifiants » n'est atteinte que dans le "
                                      f"navigateur ({failure} par HTTP)")


def missing_needs(profile) -> dict[str, str]:
    """What the catalogue's `besoin` values lack with this profile, and why."""
    missing = {}
    if not profile.has_hook("captcha"):
        missing["lecture-captcha"] = "pas de crochet captcha : rien ne dit quels caractères l'image montre"
        if profile.captcha["mode"] != "fixed":
            missing["captcha"] = "pas de crochet captcha ni de réponse fixe : aucune image ne peut être franchie"
    if not profile.has_hook("clock"):
        missing["horloge"] = "pas de crochet clock : l'horloge de la cible ne peut pas avancer (délai de 48 heures, dates)"
    if not profile.has_hook("certificate-spaces"):
        missing["certificat"] = "pas de crochet certificate-spaces : aucun espace avec certificat ne peut être créé"
    return missing


def unverifiable_rules(profile) -> dict[str, str]:
    """The rules that will end as not verified with this profile, each with its reason."""
    missing = missing_needs(profile)
    found = {}
    for rule_id, rule in catalogue.rules().items():
        reasons = [missing[need] for need in rule.get("besoin", []) if need in missing]
        if reasons:
            found[rule_id] = reasons[0]
    return found


def required_checks(profile) -> list[Check]:
    """Everything that must hold for a run to be worth making, in the order a person fixes it."""
    checks = [check_target(profile)]
    if checks[0].ok:
        checks += [check_hook(profile, hook) for hook in profile.hooks_available]
    return checks


def ensure_ready(profile) -> None:
    """Raise RunError with the first failing check's line (what `espro run` needs)."""
    for check in required_checks(profile):
        if check.ok is False:
            raise RunError(check.detail)
