"""Client of the target's test hooks (contract §3)."""

import httpx

from espro import schemas
from espro.drivers.http_client import cookie_header, request
from espro.errors import HookFailed, NotVerified

TOKEN_HEADER = "X-Conformance-Token"
# What a wrong answer of a declared hook most likely means, by hook, said to the person who reads the report.
LIKELY_CAUSE = {
    "captcha": "aucune image montrée à cette session ?",
    "clock": "mode test éteint ?",
    "certificate-spaces": "mode test éteint ?",
}


class HooksClient:
    """Calls the hooks a profile declares.

    A hook the profile does not declare makes a scenario not verified (NotVerified); a declared hook
    that does not answer as contract §3 says is the target's failure (HookFailed), whatever its
    status: 404, 401, 5xx, an answer off its schema, or no answer at all. The start-up checks
    (espro.preflight) probe the hooks on their own and end a run with one line before any scenario.
    """

    def __init__(self, url: str | None, token: str | None, available: tuple[str, ...], timeout_s: float):
        self.url = url
        self.token = token
        self.available = available
        self.timeout_s = timeout_s

    @classmethod
    def of(cls, profile) -> "HooksClient":
        """The hooks a target profile declares."""
        return cls(profile.hooks_url, profile.hooks_token, profile.hooks_available, profile.timeout("hooks"))

    def _call(self, hook: str, method: str, path: str, answer: str, cookies=None, payload=None) -> dict:
        """The hook's JSON answer, checked against `answer`, its schema in schemas/hooks.openapi.yaml."""
        if hook not in self.available or self.url is None:
            raise NotVerified(f"le profil ne déclare pas le crochet de test « {hook} »")
        declared = f"le crochet déclaré {method} {path}"
        try:
            response = request(
                method,
                self.url + path,
                headers={TOKEN_HEADER: self.token, **cookie_header(cookies)},
                json=payload,
                timeout=self.timeout_s,
            )
        except httpx.HTTPError as error:
            raise HookFailed(f"{declared} ne répond pas : {type(error).__name__}: {error}") from None
        status = response.status_code
        if status == 401:
            raise HookFailed(f"{declared} a répondu 401 : jeton refusé en cours de scénario "
                             f"(il était accepté au démarrage ; hooks.token du profil ?)")
        if status == 404:
            raise HookFailed(f"{declared} a répondu 404 : {LIKELY_CAUSE.get(hook, 'mode test éteint ?')}")
        if status not in (200, 201):
            raise HookFailed(f"{declared} a répondu {status} : {' '.join(response.text[:200].split())}")
        try:
            body = response.json()
        except ValueError:
            raise HookFailed(f"{declared} : la réponse n'est pas du JSON ({response.text[:200]})") from None
        try:
            return schemas.check(body, f"hooks.openapi.yaml#/components/schemas/{answer}", f"la réponse de {method} {path}")
        except HookFailed:
            raise
        except AssertionError as error:
            raise HookFailed(f"{declared} : {error}") from None

    def captcha_answer(self, cookies: dict[str, str]) -> str:
        return self._call("captcha", "GET", "/captcha", "CaptchaAnswer", cookies=cookies)["answer"]

    def advance_clock(self, seconds: int) -> str:
        return self._call("clock", "POST", "/clock", "ClockNow", payload={"advance_seconds": seconds})["now"]

    def add_certificate_space(self, email: str) -> None:
        self._call("certificate-spaces", "POST", "/certificate-spaces", "Empty", payload={"email": email})
