"""What every response says to the browser about itself: where its content may come from, that it
may not be framed, sniffed or (personal data) kept in a cache, and that the session cookie travels
only over HTTPS when the site is served over HTTPS."""

from __future__ import annotations

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface

# The pages load their script, style and images from the site itself; no inline code anywhere. Images
# may also be data: URIs: the DSFR's stylesheet draws its logo, ticks and chevrons with them (an image
# runs no script).
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "media-src 'self'",
    "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class _SessionCookie(SecureCookieSessionInterface):
    """`Secure` whenever the request came over HTTPS, even if the configuration does not say so."""

    def get_cookie_secure(self, app) -> bool:
        return super().get_cookie_secure(app) or request.is_secure


def _headers(response):
    response.headers.update({key: value for key, value in SECURITY_HEADERS.items() if key not in response.headers})
    if request.endpoint != "static":  # every page may show personal data or a CAPTCHA: none is kept
        response.headers["Cache-Control"] = "no-store"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000"
    return response


def install(app: Flask) -> None:
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    app.session_interface = _SessionCookie()
    app.after_request(_headers)
