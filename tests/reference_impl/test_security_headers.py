"""What every response tells the browser: the security headers, no cache for what is personal,
the session cookie's flags; and a login starts a new session."""

from __future__ import annotations

import pytest

# What the reference promises (README, « ce qu'elle garantit »), written here rather than read from
# reference_impl.headers: a header dropped there must fail this test.
REQUIRED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
# Each directive the policy must hold; no inline script or style anywhere.
REQUIRED_POLICY = {"default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                   "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"}


@pytest.fixture
def pages(visitor, activated):
    """A response of each kind: pages of each part, the PDF, a CAPTCHA image, errors."""
    client = visitor.client
    challenge = client.get("/").get_data(as_text=True).split('/captcha/', 1)[1].split('.png', 1)[0]
    return {
        "login": client.get("/"),
        "terms": client.get("/creation/conditions-generales"),
        "activation": client.get("/activation"),
        "space": client.get("/espace"),
        "pdf": client.get("/espace/recapitulatif.pdf"),
        "captcha image": client.get(f"/captcha/{challenge}.png"),
        "not found": client.get("/nulle-part"),
        "csrf refused": client.post("/", data={"email": "x"}),
    }


def test_every_response_carries_the_security_headers(pages):
    for kind, response in pages.items():
        for header, value in REQUIRED_HEADERS.items():
            assert response.headers.get(header) == value, f"{kind}: {header}"
        policy = {directive.strip() for directive in response.headers.get("Content-Security-Policy", "").split(";")}
        assert REQUIRED_POLICY <= policy, f"{kind}: {REQUIRED_POLICY - policy}"
        assert not any("unsafe" in directive for directive in policy), kind


def test_pages_and_the_pdf_are_never_cached(pages):
    for kind, response in pages.items():
        assert response.headers.get("Cache-Control") == "no-store", kind
    assert pages["pdf"].mimetype == "application/pdf" and pages["space"].status_code == 200


def test_static_files_may_be_cached(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "")


def _session_cookie(response) -> str:
    return next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))


def test_session_cookie_is_httponly_and_samesite_and_secure_only_over_https(app):
    plain = _session_cookie(app.test_client().get("/"))
    assert "HttpOnly" in plain and "SameSite=Lax" in plain and "Secure" not in plain
    secure = _session_cookie(app.test_client().get("/", base_url="https://localhost"))
    assert "Secure" in secure
    assert app.test_client().get("/", base_url="https://localhost").headers["Strict-Transport-Security"]


def test_a_login_starts_a_new_session(visitor, activated):
    visitor.post("/deconnexion")
    visitor.accept_terms()  # a registration under way: its draft is in the session
    with visitor.client.session_transaction() as before:
        assert "draft_id" in before
    visitor.login(activated)
    with visitor.client.session_transaction() as after:
        assert "draft_id" not in after and after.get("space_id")


def test_every_form_refuses_a_post_without_its_csrf_token(app, visitor, activated):
    posted = [rule.rule for rule in app.url_map.iter_rules()
              if "POST" in rule.methods and not rule.rule.startswith("/__conformance__")]
    assert len(posted) >= 8
    for path in posted:
        refused = visitor.client.post(path, data={"email": activated, "captcha": "X", "terms": "1"})
        assert refused.status_code == 400 and "Formulaire refusé" in refused.get_data(as_text=True), path
