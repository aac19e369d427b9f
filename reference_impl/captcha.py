"""CAPTCHA challenges: drawn per session, stored server side, consumed when checked."""

from __future__ import annotations

import secrets
import string
from functools import lru_cache

from captcha.audio import AudioCaptcha
from captcha.image import ImageCaptcha
from flask import session

from .extensions import db
from .models import CaptchaChallenge

ALPHABET = string.ascii_uppercase + string.digits
LENGTH = 6
_SESSION_KEY = "captcha_id"
_image = ImageCaptcha(width=200, height=70)
_audio = AudioCaptcha()


def shown() -> CaptchaChallenge | None:
    """The challenge this session is looking at, if any."""
    challenge_id = session.get(_SESSION_KEY)
    return db.session.get(CaptchaChallenge, challenge_id) if challenge_id else None


def _discard(challenge: CaptchaChallenge | None) -> None:
    session.pop(_SESSION_KEY, None)
    if challenge is not None:
        db.session.delete(challenge)
        db.session.commit()


def draw() -> CaptchaChallenge:
    """Replace the session's challenge by a new one (the old answer stops working)."""
    _discard(shown())
    challenge = CaptchaChallenge(
        id=secrets.token_urlsafe(24),
        answer="".join(secrets.choice(ALPHABET) for _ in range(LENGTH)),
    )
    db.session.add(challenge)
    db.session.commit()
    session[_SESSION_KEY] = challenge.id
    return challenge


def current() -> CaptchaChallenge:
    """The challenge to show: the session's unanswered one, or a new one."""
    return shown() or draw()


def check(answer: str | None) -> bool:
    """Compare case-insensitively, then consume the challenge whatever the result."""
    challenge = shown()
    _discard(challenge)
    if challenge is None or answer is None:
        return False
    return secrets.compare_digest(answer.strip().upper().encode(), challenge.answer.encode())


def image_png(challenge: CaptchaChallenge) -> bytes:
    return _drawn(challenge.id, challenge.answer)


@lru_cache(maxsize=256)
def _drawn(challenge_id: str, answer: str) -> bytes:
    """Drawn once per challenge (40 ms): the page and a reload show the same image."""
    return _image.generate(answer, format="png").getvalue()


def audio_wav(challenge: CaptchaChallenge) -> bytes:
    return bytes(_audio.generate(challenge.answer))
