"""Mail readers for servers that catch the target's mail and show it over HTTP: Mailpit and MailDev.

They answer like MaildirReader (`messages_for`), so `wait_for` and the steps use them unchanged.
Every failure of the server ends in a RunError of one French line, never in a traceback.
"""

import httpx

from espro.drivers.http_client import request
from espro.errors import RunError

MAILPIT_PAGE = 50  # Mailpit's own default page size for a search


def _addressed_to(address: str, summary: dict, fields: tuple[str, ...], key: str) -> bool:
    """Whether one of the summary's recipient lists holds exactly `address`, case aside."""
    wanted = address.strip().lower()
    entries = [entry for field in fields for entry in (summary.get(field) or [])]
    return any(isinstance(entry, dict) and str(entry.get(key, "")).strip().lower() == wanted for entry in entries)


class _HttpMailReader:
    """What both readers share: the HTTP calls, their errors, the filtering by recipient, the deletion guard."""

    server = ""
    recipient_fields: tuple[str, ...] = ()
    address_key = ""
    id_key = ""
    listing_key = ""  # where a listing puts its summaries: at the top (empty) or under this key

    def __init__(self, url: str, timeout_s: float):
        self.url = url.rstrip("/")
        self.timeout_s = timeout_s

    def _call(self, method: str, path: str, **options) -> httpx.Response:
        try:
            response = request(method, self.url + path, timeout=self.timeout_s, **options)
        except httpx.HTTPError as error:
            reason = " ".join(str(error).split())
            raise RunError(f"serveur {self.server} injoignable : {self.url} ({type(error).__name__}: {reason})") from None
        if response.is_error:
            raise self._unexpected(method, path, f"statut {response.status_code}")
        return response

    def _unexpected(self, method: str, path: str, what: str) -> RunError:
        return RunError(f"{self.url} ne répond pas comme l'API de {self.server} : {method} {path} → {what}")

    def _summaries(self, path: str, **options) -> list[dict]:
        """The message summaries a listing returns, each with its id, or a RunError."""
        try:
            answer = self._call("GET", path, **options).json()
        except ValueError:
            raise self._unexpected("GET", path, "pas du JSON") from None
        if self.listing_key:
            answer = answer.get(self.listing_key) if isinstance(answer, dict) else None
        if not isinstance(answer, list) or not all(isinstance(item, dict) and item.get(self.id_key) for item in answer):
            raise self._unexpected("GET", path, "réponse inattendue")
        return answer

    def _ids_for(self, address: str) -> list[str]:
        return [
            summary[self.id_key]
            for summary in self._oldest_first(address)
            if _addressed_to(address, summary, self.recipient_fields, self.address_key)
        ]

    def messages_for(self, address: str) -> list[bytes]:
        """Raw RFC 822 messages sent to `address`, oldest first."""
        return [self._call("GET", self._raw_path(message_id)).content for message_id in self._ids_for(address)]

    def delete_for(self, address: str) -> None:
        """Delete that recipient's messages only, by their ids; with none, send nothing (see Mailpit's delete-all)."""
        ids = self._ids_for(address)
        if ids:
            self._delete(ids)


class MailpitReader(_HttpMailReader):
    """Mailpit's API v1 (https://mailpit.axllent.org/docs/api-v1/): search, raw source, delete by ids."""

    server = "Mailpit"
    recipient_fields = ("To", "Cc", "Bcc")
    address_key = "Address"
    id_key = "ID"
    listing_key = "messages"

    def check(self) -> None:
        self._summaries("/api/v1/messages", params={"limit": 1})

    def _oldest_first(self, address: str) -> list[dict]:
        """The search pages (newest first, by Mailpit's doc) read to the end, then turned around.

        `to:` is a substring match, so the caller still filters on the exact address.
        """
        found, start = {}, 0
        while True:
            page = self._summaries(
                "/api/v1/search", params={"query": f'to:"{address}"', "start": start, "limit": MAILPIT_PAGE}
            )
            for summary in page:
                found.setdefault(summary["ID"], summary)
            start += len(page)
            if len(page) < MAILPIT_PAGE:
                return list(reversed(found.values()))

    def _raw_path(self, message_id: str) -> str:
        return f"/api/v1/message/{message_id}/raw"

    def _delete(self, ids: list[str]) -> None:
        self._call("DELETE", "/api/v1/messages", json={"IDs": ids})


class MailDevReader(_HttpMailReader):
    """MailDev 2's REST API (https://github.com/maildev/maildev/blob/master/docs/rest.md), at the web port's root."""

    server = "MailDev"
    recipient_fields = ("to", "cc", "calculatedBcc")
    address_key = "address"
    id_key = "id"

    def check(self) -> None:
        self._summaries("/email")

    def _oldest_first(self, address: str) -> list[dict]:
        """GET /email lists every message in arrival order (its `time` is the Date header, not the arrival)."""
        return self._summaries("/email")

    def _raw_path(self, message_id: str) -> str:
        return f"/email/{message_id}/source"

    def _delete(self, ids: list[str]) -> None:
        for message_id in ids:
            self._call("DELETE", f"/email/{message_id}")


def reader_for(mail: dict, timeout_s: float) -> MailpitReader | MailDevReader:
    """The reader for a profile's `mail` entry that names an HTTP server (kind mailpit or maildev)."""
    return {"mailpit": MailpitReader, "maildev": MailDevReader}[mail["kind"]](mail["url"], timeout_s)
