"""CAPTCHA image, sound and « Changer l'image »."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, request, url_for

from .. import captcha

bp = Blueprint("captcha", __name__, url_prefix="/captcha")


def _shown(challenge_id: str):
    """Only the challenge currently shown to this session is served."""
    challenge = captcha.shown()
    if challenge is None or challenge.id != challenge_id:
        abort(404)
    return challenge


@bp.get("/<challenge_id>.png")
def image(challenge_id: str):
    return Response(captcha.image_png(_shown(challenge_id)), mimetype="image/png")


@bp.get("/<challenge_id>.wav")
def audio(challenge_id: str):
    return Response(captcha.audio_wav(_shown(challenge_id)), mimetype="audio/wav")


@bp.get("/nouvelle")
def renew():
    """Draw a new challenge and go back to the page that showed the old one."""
    captcha.draw()
    back = request.args.get("retour", "")
    # Browsers drop tabs and line breaks from a Location ("/\t/site" becomes "//site"): none is allowed.
    unsafe = any(c.isspace() or not c.isprintable() for c in back)
    if not back.startswith("/") or back.startswith("//") or "\\" in back or unsafe:
        back = url_for("login.index")
    return redirect(back)
