"""Read an activation e-mail as a mail client would, and find its code (contract §2)."""

import re
from dataclasses import dataclass
from datetime import UTC
from email import message_from_bytes
from email.policy import default as default_policy
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

from espro import SCHEMAS_DIR, schemas

CODE_PATTERN = re.compile(r"code suivant\s*:\s*([A-Za-z0-9]{12})(?![A-Za-z0-9])")
SCHEMA_FILE = SCHEMAS_DIR / "activation-email.schema.json"
# RFC 5322 §3.3, without the obsolete forms a sender must not generate (two-digit years, named zones).
RFC5322_DATE = re.compile(
    r"^\s*(?:(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s*,\s*)?\d{1,2}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+[+-]\d{4}"
    r"(?:\s*\([^()]*\))?\s*$")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


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
        self.lists = []  # for each open list, the number of its next item (None: a bulleted list)

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")
        # A mail client numbers the items of an ordered list and bullets the others.
        if tag in ("ol", "ul"):
            start = dict(attrs).get("start") or "1"
            self.lists.append(int(start) if tag == "ol" and start.isdigit() else None)
        if tag == "li" and self.lists:
            number = self.lists[-1]
            self.parts.append("- " if number is None else f"{number}. ")
            if number is not None:
                self.lists[-1] += 1

    def handle_endtag(self, tag):
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()


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


# The activation e-mail as a record (schemas/activation-email.schema.json)

def _addresses(header: str) -> list[str]:
    return [address for _, address in getaddresses([header]) if address]


def iso_date(header: str) -> str | None:
    """The Date header as ISO 8601 with its offset, as a mail client parses it; None when unreadable.
    A zone of -0000 (RFC 5322: UTC, local zone unknown) reads as UTC."""
    try:
        moment = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def is_rfc5322_date(header: str) -> bool:
    """Whether a Date header follows RFC 5322 §3.3 (no obsolete form), its day of the week true."""
    match = RFC5322_DATE.match(header)
    if match is None or iso_date(header) is None:
        return False
    weekday = match.group("weekday")
    return weekday is None or WEEKDAYS[parsedate_to_datetime(header).weekday()] == weekday


def to_record(email: ActivationEmail) -> dict:
    """What the suite reads of an activation e-mail, as the record the schema validates:
    the sender's address, the recipients' addresses (To), the subject, the date (ISO 8601),
    the code (contract §2) and the text. What cannot be read is None, which the schema refuses."""
    senders = _addresses(email.sender)
    return {
        "sender": senders[0] if len(senders) == 1 else None,
        "recipients": _addresses(email.to),
        "subject": email.subject,
        "date": iso_date(email.date),
        "code": activation_code(email.text),
        "text": email.text,
    }


def record_problems(record: dict) -> list[str]:
    """Where a record departs from the schema, one line each (« where : what »)."""
    return schemas.problems(record, SCHEMA_FILE.name, "le message")


def validated(record: dict) -> dict:
    """The record itself, or AssertionError saying where it departs from the schema."""
    return schemas.check(record, SCHEMA_FILE.name, "le courriel d'activation lu")


def everything_shown(raw: bytes) -> str:
    """All that a mail client can show or reveal of a message: every header decoded (those of the
    MIME parts too), every text part decoded, HTML both as its source and as text."""
    message = message_from_bytes(raw, policy=default_policy)
    shown = []
    for part in message.walk():
        shown += [f"{name}: {value}" for name, value in part.items()]
        if part.get_content_maintype() != "text":
            continue
        try:
            content = part.get_content()
        except (LookupError, ValueError):
            content = (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")
        shown.append(content)
        if part.get_content_subtype() == "html":
            shown.append(html_to_text(content))
    return "\n".join(shown)
