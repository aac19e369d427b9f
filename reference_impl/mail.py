"""The activation e-mail, sent by SMTP at once: the guide's text, plain and HTML (UTF-8)."""

from __future__ import annotations

import html
import re
import smtplib
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from flask import current_app

SENDER = "ne-pas-repondre@dgfip.finances.gouv.fr"
SUBJECT = "Espace professionnel - Création ou modification de l'espace"
# The guide's example message, word for word; the code stands alone on its line.
BODY = """\
Bonjour,

Vous avez demandé la création d'un espace professionnel ou vous y avez apporté une modification. Cette demande a bien été prise en compte. Votre espace professionnel sera actif lorsque vous aurez saisi le code suivant :

{code}

Remarque : ce code n'est pas un mot de passe. Il ne doit être utilisé qu'une seule fois pour activer votre espace professionnel.

Pour activer votre espace professionnel, veuillez suivre la procédure suivante :

1. connectez-vous sur le site impots.gouv.fr
2. cliquez sur "Connexion à l'espace professionnel" situé en haut à droite de l'écran
3. cliquez sur "Activer" de la rubrique "Activation de votre espace professionnel et de vos services"
4. saisissez le code d'activation reçu ci-dessus et validez
5. saisissez l'adresse électronique de connexion à l'espace et validez

Vous disposez d'un délai de 48 heures maximum pour activer votre espace professionnel à compter de l'envoi de ce message.

Nous vous recommandons d'adhérer au service Messagerie ou de vous le faire déléguer, pour chacune des entreprises gérées dans votre espace.

En effet, ce service garantit la sécurité et la confidentialité des échanges, tout en vous permettant de suivre les demandes formulées pour le compte de l'entreprise. Les réponses, conservées dans l'historique, sont opposables à l'administration.

Plus d'informations sur impots.gouv.fr > Connexion à l'espace professionnel > Aide : accéder aux fiches pratiques > Fiche AIU 27 : Ecrire à l'administration via la messagerie.

La DGFIP vous remercie de l'intérêt que vous portez à ses services.

Si vous avez une question particulière, nous vous invitons à ne pas répondre à l'adresse électronique de ce message mais à vous connecter sur notre site impots.gouv.fr où vous trouverez les réponses aux questions les plus fréquentes.

Pour votre sécurité :

- ne répondez jamais à un courriel vous demandant votre numéro de carte bancaire ou une copie de vos pièces d'identité ;
- ne partagez jamais vos identifiants d'accès à l'espace professionnel DGFIP, et pensez à renouveler régulièrement votre mot de passe ;
- vérifiez toujours l'adresse de l'expéditeur des messages avant de les ouvrir. Pour la DGFIP, la partie droite de l'adresse doit être égale à @dgfip.finances.gouv.fr. Sinon, il s'agit d'un message frauduleux.
"""


class MailError(Exception):
    """The message could not be handed to the SMTP server."""


def html_body(text: str) -> str:
    """The same text as HTML: paragraphs, numbered steps as <ol>, bullets as <ul>."""
    blocks = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        if all(re.match(r"\d+\. ", line) for line in lines):
            items = "".join(f"<li>{html.escape(line.split('. ', 1)[1])}</li>" for line in lines)
            blocks.append(f"<ol>{items}</ol>")
        elif all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{html.escape(line[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append(f"<p>{html.escape(block)}</p>")
    title = html.escape(SUBJECT)
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body>{''.join(blocks)}</body></html>")


def activation_message(to: str, code: str, sent_at: datetime) -> EmailMessage:
    text = BODY.format(code=code)
    message = EmailMessage()
    message["From"] = SENDER
    message["To"] = to
    message["Subject"] = SUBJECT
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = make_msgid(domain="dgfip.finances.gouv.fr")
    message.set_content(text, charset="utf-8")
    message.add_alternative(html_body(text), subtype="html", charset="utf-8")
    return message


def send_activation(to: str, code: str, sent_at: datetime) -> None:
    config = current_app.config
    try:
        with smtplib.SMTP(config["MAIL_HOST"], config["MAIL_PORT"], timeout=10) as smtp:
            smtp.send_message(activation_message(to, code, sent_at))
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(str(error)) from error
