"""The process's one HTTP client for the hooks and mail APIs.

Building an httpx client costs 50 to 100 ms (its TLS context): too much for each hook call or mail poll.
Shared by every scenario, it keeps no cookie: a caller that needs one sends it itself.
"""

from functools import cache
from http.cookiejar import CookieJar, DefaultCookiePolicy

import httpx


# A connection idle for longer is not used again: servers close theirs after a few seconds
# (gunicorn 2 s), and a request sent on a connection the server is closing is lost.
KEEPALIVE_S = 1.0
IDEMPOTENT = ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")


@cache
def shared_client() -> httpx.Client:
    return httpx.Client(cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
                        limits=httpx.Limits(keepalive_expiry=KEEPALIVE_S))


def request(method: str, url: str, **options) -> httpx.Response:
    """One request through the shared client. An idempotent one the server reset or dropped
    before answering (a kept-alive connection it had just closed) is sent once more, as urllib3 does."""
    try:
        return shared_client().request(method, url, **options)
    except (httpx.ReadError, httpx.RemoteProtocolError):
        if method.upper() not in IDEMPOTENT:
            raise
        return shared_client().request(method, url, **options)


def cookie_header(cookies: dict[str, str] | None) -> dict[str, str]:
    """The `Cookie` header that sends `cookies` with one request."""
    return {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())} if cookies else {}
