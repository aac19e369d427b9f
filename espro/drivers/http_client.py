"""The process's one HTTP client for the hooks and mail APIs.

Building an httpx client costs 50 to 100 ms (its TLS context): too much for each hook call or mail poll.
Shared by every scenario, it keeps no cookie: a caller that needs one sends it itself.
"""

from functools import cache
from http.cookiejar import CookieJar, DefaultCookiePolicy

import httpx


@cache
def shared_client() -> httpx.Client:
    return httpx.Client(cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])))


def cookie_header(cookies: dict[str, str] | None) -> dict[str, str]:
    """The `Cookie` header that sends `cookies` with one request."""
    return {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())} if cookies else {}
