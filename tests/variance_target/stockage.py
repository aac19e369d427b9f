"""Ce que la cible partage avec la référence : ses tables (modèles SQLAlchemy, où un code
d'activation n'est gardé que par son empreinte), son envoi de courriel et sa génération d'images
CAPTCHA. Tout le reste (décisions) est dans ce dossier."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from captcha.audio import AudioCaptcha
from captcha.image import ImageCaptcha
from flask import session
from sqlalchemy import update

from reference_impl.extensions import csrf, db  # noqa: F401  (réexportés)
from reference_impl.mail import MailError, send_activation  # noqa: F401
from reference_impl.security import code_digest  # noqa: F401
from reference_impl.models import (  # noqa: F401
    ActivationRequest, CaptchaChallenge, CertificateSpace, ClockOffset, RegistrationDraft, Space,
)

from . import regles

_IMAGE = ImageCaptcha(width=240, height=80)
_SON = AudioCaptcha()
_CLE_IMAGE = "variance_image"


# L'horloge : l'heure réelle plus un décalage en base, que le crochet avance.

def maintenant() -> datetime:
    decalage = db.session.scalar(db.select(ClockOffset.seconds).filter_by(id=7)) or 0
    return datetime.now(UTC) + timedelta(seconds=decalage)


def avancer(secondes: int) -> datetime:
    if db.session.get(ClockOffset, 7) is None:
        db.session.add(ClockOffset(id=7, seconds=0))
        db.session.commit()
    db.session.execute(update(ClockOffset).where(ClockOffset.id == 7)
                       .values(seconds=ClockOffset.seconds + secondes))
    db.session.commit()
    return maintenant()


# Les images : une par session, tirée à l'affichage, consommée à la vérification.

def image_montree() -> CaptchaChallenge | None:
    ident = session.get(_CLE_IMAGE)
    return db.session.get(CaptchaChallenge, ident) if ident else None


def nouvelle_image(longueur: int = regles.LONGUEUR_IMAGE) -> CaptchaChallenge:
    ancienne = image_montree()
    if ancienne is not None:
        db.session.delete(ancienne)
    image = CaptchaChallenge(id=secrets.token_hex(16),
                             answer="".join(secrets.choice(regles.ALPHABET_IMAGE) for _ in range(longueur)))
    db.session.add(image)
    db.session.commit()
    session[_CLE_IMAGE] = image.id
    return image


def image_a_montrer(longueur: int = regles.LONGUEUR_IMAGE) -> CaptchaChallenge:
    """L'image non encore répondue de la session si elle a la bonne longueur, sinon une nouvelle."""
    image = image_montree()
    if image is None or len(image.answer) != longueur:
        image = nouvelle_image(longueur)
    return image


def verifier_image(reponse: str | None) -> bool:
    """CG-04 : comparaison exacte (casse comprise) ; l'image ne sert qu'une fois (CG-08)."""
    image = image_montree()
    session.pop(_CLE_IMAGE, None)
    if image is None:
        return False
    attendu = image.answer
    db.session.delete(image)
    db.session.commit()
    return bool(reponse) and secrets.compare_digest(reponse.strip().encode(), attendu.encode())


def image_png(image: CaptchaChallenge) -> bytes:
    return _IMAGE.generate(image.answer, format="png").getvalue()


def image_son(image: CaptchaChallenge) -> bytes:
    return bytes(_SON.generate(image.answer))
