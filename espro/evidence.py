"""Evidence of a failed scenario: what the person saw, received and downloaded, as files a QA
team can open (PNG, .eml, PDF, Playwright trace), with no secret left in them."""

import zipfile
from pathlib import Path
from urllib.parse import quote, quote_plus

from playwright.sync_api import Error as PlaywrightError

from espro.report import MASKED_FROM_LENGTH

MASK = b"******"


def scrub_bytes(content: bytes, secrets: list[str]) -> bytes:
    """Mask each secret as it can stand in a file: as typed, and URL-encoded as a form sends it."""
    for secret in (s for s in secrets if len(s) >= MASKED_FROM_LENGTH):
        for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
            content = content.replace(form.encode(), MASK)
    return content


def scrub_zip(path: Path, secrets: list[str]) -> None:
    """Mask the secrets in every member of a zip (a Playwright trace records what was typed)."""
    with zipfile.ZipFile(path) as original:
        members = [(info, scrub_bytes(original.read(info), secrets)) for info in original.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info, content in members:
            rewritten.writestr(info, content)


def collect(person, root: Path, name: str, secrets: list[str]) -> dict:
    """Write the evidence under root/evidence/<name>/; each file by kind or name, relative to root."""
    folder = root / "evidence" / name
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    try:
        person.page.screenshot(folder / "screenshot.png")
        found["screenshot"] = str((folder / "screenshot.png").relative_to(root))
    except PlaywrightError as error:
        found["screenshot_error"] = str(error).splitlines()[0]
    try:
        if person.page.save_trace(folder / "trace.zip"):
            scrub_zip(folder / "trace.zip", secrets)
            found["trace"] = str((folder / "trace.zip").relative_to(root))
    except PlaywrightError as error:
        found["trace_error"] = str(error).splitlines()[0]
    for file_name, content in person.kept.items():
        (folder / file_name).write_bytes(scrub_bytes(content, secrets))
        found[file_name] = str((folder / file_name).relative_to(root))
    return found
