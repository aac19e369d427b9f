"""The journey of features/parcours_complet.feature as a plain Playwright script.

The yardstick for what the suite costs: the same clicks, fields and checks, written by hand with no
code of espro or steps/, so that `python -m benchmarks` can set the suite's time beside it. It drives
a reference implementation already running in test mode, reads the CAPTCHA through its hook and the
activation e-mail through an SMTP sink of its own (../shared/CONTRACT.md §2 and §3).

Usage: CONFORMANCE_TOKEN=... python benchmarks/journey_script.py --url http://127.0.0.1:8000/ --mail-port 2525
Prints the journey's time, from Playwright's start to the signed-in space: what the suite's scenario
holds when it runs alone (its first step starts the browser).
"""

import argparse
import io
import os
import re
import secrets
import shutil
import sys
import threading
import time
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path
from urllib.parse import urljoin

from aiosmtpd.controller import Controller
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 30_000
MAIL_WAIT_S = 60
PASSWORD = "Parcours2026EnScript7kQ9"
FORM = {  # label → value, in the order of the form
    "Nom": "DURAND", "Prénom": "Camille", "Téléphone": "0612345678", "Numéro de voie": "12",
    "Nature de la voie": "rue", "Libellé de la voie": "des Lilas", "Code postal": "69003", "Commune": "LYON",
    "Pays": "FRANCE", "Réponse à la question de confiance": "Dominique",
}
TRUST_QUESTION = "Quel est le prénom de votre conjoint(e) ?"


class Failed(Exception):
    """A check of the journey that did not hold."""


def expect(condition, message: str) -> None:
    if not condition:
        raise Failed(message)


class Inbox:
    """An SMTP sink: every message the target sends, kept in memory."""

    def __init__(self):
        self.messages: list[tuple[list[str], bytes]] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        with self.arrived:
            self.messages.append(([rcpt.lower() for rcpt in envelope.rcpt_tos], envelope.content))
            self.arrived.notify_all()
        return "250 OK"

    def activation_code(self, address: str) -> str:
        """The 12 characters after « code suivant : » in the first message to `address`."""
        with self.arrived:
            found = self.arrived.wait_for(lambda: [raw for rcpts, raw in self.messages if address in rcpts],
                                          timeout=MAIL_WAIT_S)
        expect(found, f"aucun courriel pour {address} en {MAIL_WAIT_S} s")
        text = message_from_bytes(found[0], policy=default_policy).get_body(preferencelist=("plain",)).get_content()
        code = re.search(r"code suivant :\s*([A-Za-z0-9]{12})\b", text)
        expect(code, "le courriel ne contient pas de code de 12 caractères")
        return code.group(1)


def field(page, label: str):
    """The field whose label begins with `label` (followed by « : », « * », a hint or nothing)."""
    return page.get_by_label(re.compile("^" + re.escape(label) + r"(\s|:|\*|$)"))


def click(page, role: str, name: str) -> None:
    page.get_by_role(role, name=name, exact=True).click()
    page.wait_for_load_state("domcontentloaded")


def step_is(page, step: str) -> None:
    shown = " ".join(page.locator('[aria-current="step"]').first.inner_text().split())
    expect(shown == step, f"étape « {shown} », attendue « {step} »")


def copy_captcha(page, hooks_url: str, token: str) -> None:
    answer = page.context.request.get(hooks_url + "/captcha", headers={"X-Conformance-Token": token})
    expect(answer.ok, f"crochet CAPTCHA : HTTP {answer.status}")
    field(page, "Recopiez les caractères de l'image").fill(answer.json()["answer"])


def journey(context, url: str, hooks_url: str, token: str, inbox: Inbox) -> None:
    """Pre-registration, activation, recap PDF, first login: each step and check of the feature."""
    email = f"camille.durand.{secrets.token_hex(4)}@example.com"
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    expect("Connexion à votre espace professionnel" in page.inner_text("body"), "pas de page de connexion")
    click(page, "link", "Créer votre espace professionnel")
    click(page, "link", "Créez votre espace en mode expert")
    step_is(page, "Conditions générales")

    # The DSFR draws the box with the checkbox's own label, on top of it: a click lands on the label.
    page.get_by_role("checkbox", name=re.compile("^Je reconnais avoir pris connaissance des conditions générales")).check(force=True)
    copy_captcha(page, hooks_url, token)
    click(page, "button", "Continuer")
    step_is(page, "Identifiants")

    for label, value in (("Adresse électronique de connexion", email), ("Confirmez l'adresse électronique de connexion", email),
                         ("Mot de passe de connexion", PASSWORD), ("Confirmez votre mot de passe de connexion", PASSWORD)):
        field(page, label).fill(value)
    click(page, "button", "Continuer")
    step_is(page, "Formulaire inscription")

    for label, value in FORM.items():
        field(page, label).fill(value)
    field(page, "Question de confiance").select_option(label=TRUST_QUESTION)
    click(page, "button", "Continuer")
    step_is(page, "Récapitulatif")
    recap = page.inner_text("body")
    expect(all(value in recap for value in FORM.values()), "le récapitulatif ne reprend pas toutes les informations")
    expect(PASSWORD not in recap, "le récapitulatif montre le mot de passe")

    click(page, "button", "Valider")
    step_is(page, "Enregistrement")
    expect(email in page.inner_text("body"), "la page ne montre pas l'adresse électronique")
    code = inbox.activation_code(email)

    page.goto(url, wait_until="domcontentloaded")
    click(page, "link", "Activer")
    field(page, "Saisissez le code d'activation").fill(code)
    copy_captcha(page, hooks_url, token)
    click(page, "button", "Continuer")
    field(page, "Saisissez votre adresse électronique de connexion").fill(email)
    click(page, "button", "Continuer")
    step_is(page, "Récapitulatif")
    number = re.search(r"sous le numéro\s+(\d{14})\b", page.inner_text("body"))
    expect(number, "pas de numéro d'abonné de 14 chiffres sur la confirmation")

    href = page.get_by_role("link", name="Sauvegardez ou imprimez le récapitulatif", exact=True).get_attribute("href")
    pdf = context.request.get(urljoin(page.url, href))
    expect(pdf.headers.get("content-type", "").startswith("application/pdf"), "le récapitulatif n'est pas un PDF")
    text = " ".join(" ".join(sheet.extract_text() or "" for sheet in PdfReader(io.BytesIO(pdf.body())).pages).split())
    expect(number.group(1) in text and FORM["Nom"] in text, "le PDF ne reprend pas le numéro d'abonné et le nom")

    page.goto(url, wait_until="domcontentloaded")
    field(page, "Adresse électronique").fill(email)
    field(page, "Mot de passe").fill(PASSWORD)
    copy_captcha(page, hooks_url, token)
    click(page, "button", "Se connecter")
    expect(page.get_by_role("button", name="Se déconnecter", exact=True).count(), "pas connecté")
    expect(not page.get_by_role("button", name="Se connecter", exact=True).count(), "le formulaire de connexion reste")
    expect(number.group(1) in page.inner_text("body"), "l'espace ne montre pas son numéro d'abonné")


def chromium_path(playwright) -> str | None:
    """ESPRO_CHROMIUM, else Playwright's own Chromium where installed, else the system's: the suite's choice."""
    if os.environ.get("ESPRO_CHROMIUM"):
        return os.environ["ESPRO_CHROMIUM"]
    if Path(playwright.chromium.executable_path).exists():
        return None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="journey_script", description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the target's login page")
    parser.add_argument("--hooks-url", help="its test hooks (default: URL + __conformance__)")
    parser.add_argument("--mail-host", default="127.0.0.1", help="where the target sends its mail")
    parser.add_argument("--mail-port", type=int, required=True)
    args = parser.parse_args(argv)
    token = os.environ.get("CONFORMANCE_TOKEN")
    if not token:
        print("journey_script : la variable CONFORMANCE_TOKEN (le jeton des crochets) manque", file=sys.stderr)
        return 2
    hooks_url = (args.hooks_url or urljoin(args.url, "__conformance__")).rstrip("/")
    inbox = Inbox()
    sink = Controller(inbox, hostname=args.mail_host, port=args.mail_port)
    try:
        sink.start()
    except (OSError, RuntimeError) as error:
        print(f"journey_script : pas de puits SMTP sur {args.mail_host}:{args.mail_port} ({error})", file=sys.stderr)
        return 2
    try:
        started = time.perf_counter()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(playwright), args=CHROMIUM_ARGS)
            context = browser.new_context(locale="fr-FR")
            context.set_default_timeout(TIMEOUT_MS)
            journey(context, args.url, hooks_url, token, inbox)
            elapsed = time.perf_counter() - started
            browser.close()
    except (Failed, PlaywrightError) as error:
        print(f"journey_script : {str(error).strip().splitlines()[0]}", file=sys.stderr)
        return 1
    finally:
        sink.stop()
    print(f"parcours : {elapsed:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
