"""Client of the target's test hooks (contract §3)."""

import httpx

from espro import schemas
from espro.errors import NotVerified, RunError

TOKEN_HEADER = "X-Conformance-Token"


class HooksClient:
    """Calls the hooks a profile declares; a hook it does not declare makes a scenario not verified."""

    def __init__(self, url: str | None, token: str | None, available: tuple[str, ...], timeout_s: float):
        self.url = url
        self.token = token
        self.available = available
        self.timeout_s = timeout_s

    def _call(self, hook: str, method: str, path: str, answer: str, cookies=None, payload=None) -> dict:
        """The hook's JSON answer, checked against `answer`, its schema in schemas/hooks.openapi.yaml."""
        if hook not in self.available or self.url is None:
            raise NotVerified(f"le profil ne déclare pas le crochet de test « {hook} »")
        try:
            response = httpx.request(
                method,
                self.url + path,
                headers={TOKEN_HEADER: self.token},
                cookies=cookies,
                json=payload,
                timeout=self.timeout_s,
            )
        except httpx.HTTPError as error:
            raise RunError(f"crochet {method} {path} injoignable : {error}") from None
        if response.status_code == 401:
            raise RunError(f"crochet {method} {path} : jeton refusé (401), vérifiez hooks.token du profil")
        if response.status_code == 404:
            raise NotVerified(f"la cible ne propose pas le crochet {method} {path} (404)")
        if response.status_code not in (200, 201):
            raise AssertionError(f"crochet {method} {path} : réponse {response.status_code} {response.text[:200]}")
        try:
            body = response.json()
        except ValueError:
            raise AssertionError(f"crochet {method} {path} : la réponse n'est pas du JSON ({response.text[:200]})") from None
        return schemas.check(body, f"hooks.openapi.yaml#/components/schemas/{answer}", f"la réponse de {method} {path}")

    def captcha_answer(self, cookies: dict[str, str]) -> str:
        return self._call("captcha", "GET", "/captcha", "CaptchaAnswer", cookies=cookies)["answer"]

    def advance_clock(self, seconds: int) -> str:
        return self._call("clock", "POST", "/clock", "ClockNow", payload={"advance_seconds": seconds})["now"]

    def add_certificate_space(self, email: str) -> None:
        self._call("certificate-spaces", "POST", "/certificate-spaces", "Empty", payload={"email": email})
