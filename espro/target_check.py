"""Checks made before a run: is the target there at all?"""

import httpx

from espro.errors import RunError


def ensure_reachable(url: str, timeout_s: float) -> None:
    """Raise RunError with one line when nothing answers at `url`."""
    try:
        httpx.get(url, timeout=timeout_s, follow_redirects=True)
    except httpx.HTTPError as error:
        raise RunError(f"cible injoignable : {url} ({type(error).__name__}: {error})") from None
