"""Read an activation e-mail as a mail client would, and find its code (contract §2)."""

import re
from dataclasses import dataclass
from email import message_from_bytes
from email.policy import default as default_policy
from html.parser import HTMLParser

CODE_PATTERN = re.compile(r"code suivant\s*:\s*([A-Za-z0-9]{12})(?![A-Za-z0-9])")


@dataclass(frozen=True)
class ActivationEmail:
    sender: str
    to: str
    subject: str
    date: str
    text: str


class _TextOfHtml(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    return "".join(parser.parts)


def read(raw: bytes) -> ActivationEmail:
    """Decode headers and body (MIME parts, transfer encodings, charsets); prefer plain text."""
    message = message_from_bytes(raw, policy=default_policy)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        text = ""
    elif body.get_content_type() == "text/html":
        text = html_to_text(body.get_content())
    else:
        text = body.get_content()
    return ActivationEmail(
        sender=str(message.get("From", "")).strip(),
        to=str(message.get("To", "")).strip(),
        subject=str(message.get("Subject", "")).strip(),
        date=str(message.get("Date", "")).strip(),
        text=text,
    )


def activation_code(text: str) -> str | None:
    """The 12-character token that follows "code suivant :", or None."""
    match = CODE_PATTERN.search(text)
    return match.group(1) if match else None
