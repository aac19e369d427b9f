"""A local stand-in for Mailpit: no Mailpit build can be installed here, and MailpitReader needs a server.

Built from Mailpit's API v1 documentation only (https://mailpit.axllent.org/docs/api-v1/, that is
docs/apiv1/Messages.md, Message.md and Search.md in axllent/mailpit), and only for the endpoints the
reader uses, with Mailpit's JSON names:
- GET /api/v1/messages and GET /api/v1/search?query=to:"..." : summaries (ID, Created, To, Cc, Bcc...)
  newest first, in pages (`start`, `limit`, 50 by default). `to:` matches part of the To list, case aside,
  as Mailpit's SQL LIKE does; quotes only group, as in Mailpit's query parser. Other filters are refused.
- GET /api/v1/message/{ID}/raw : the message as received.
- DELETE /api/v1/messages {"IDs": [...]} (key read case aside, as Go's JSON decoding does) : deletes
  those. With the IDs missing, empty or unreadable it deletes EVERYTHING, as Mailpit does
  (server/apiv1/messages.go), so that a test catches a reader that would.
"""

import json
import re
import threading
import uuid
from datetime import datetime, timezone
from email import message_from_bytes
from email.policy import default as default_policy
from email.utils import getaddresses

from aiosmtpd.controller import Controller
from flask import Flask, Response, request
from werkzeug.serving import make_server

PAGE = 50


def _people(message, header: str) -> list[dict]:
    return [{"Name": name, "Address": address} for name, address in getaddresses(message.get_all(header, []))]


def _number(name: str, default: int) -> int:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


class MailpitStandIn:
    """SMTP in, Mailpit's HTTP API out, everything in memory."""

    def __init__(self, host: str, smtp_port: int, http_port: int):
        self.smtp_port = smtp_port
        self.url = f"http://{host}:{http_port}"
        self._stored: list[tuple[dict, bytes]] = []  # arrival order
        self._lock = threading.Lock()
        self._smtp = Controller(self, hostname=host, port=smtp_port)
        self._http = make_server(host, http_port, self._app(), threaded=True)
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    def start(self) -> None:
        self._smtp.start()
        self._thread.start()

    def stop(self) -> None:
        self._http.shutdown()
        self._smtp.stop()

    async def handle_DATA(self, server, session, envelope):
        """aiosmtpd's hook: keep the message, with Bcc as Mailpit computes it (recipients not shown)."""
        raw = envelope.original_content
        message = message_from_bytes(raw, policy=default_policy)
        to, cc = _people(message, "To"), _people(message, "Cc")
        shown = {person["Address"].lower() for person in to + cc}
        summary = {
            "ID": uuid.uuid4().hex,
            "Created": datetime.now(timezone.utc).isoformat(),
            "From": (_people(message, "From") or [None])[0],
            "To": to,
            "Cc": cc,
            "Bcc": [{"Name": "", "Address": rcpt} for rcpt in envelope.rcpt_tos if rcpt.lower() not in shown],
            "Subject": str(message.get("Subject", "")),
            "Read": False,
            "Size": len(raw),
            "Attachments": 0,
        }
        with self._lock:
            self._stored.append((summary, raw))
        return "250 Message accepted for delivery"

    def _listing(self, summaries: list[dict]):
        start, limit = _number("start", 0), _number("limit", PAGE)
        newest_first = summaries[::-1]
        page = newest_first[start:start + limit]
        return {"total": len(self._stored), "unread": len(self._stored), "count": len(page),
                "messages_count": len(summaries), "start": start, "tags": [], "messages": page}

    def _app(self) -> Flask:
        app = Flask(__name__)

        @app.get("/api/v1/messages")
        def messages():
            with self._lock:
                return self._listing([summary for summary, _ in self._stored])

        @app.get("/api/v1/search")
        def search():
            terms = [term.replace('"', "") for term in re.findall(r'(?:[^\s"]|"[^"]*")+', request.args.get("query", ""))]
            if not terms:
                return Response("Error: no search query", 400, mimetype="text/plain")
            if not all(term.lower().startswith("to:") for term in terms):
                return Response("stand-in : seul le filtre to: est pris en charge", 400, mimetype="text/plain")
            with self._lock:
                return self._listing([
                    summary for summary, _ in self._stored
                    if all(term[3:].lower() in json.dumps(summary["To"]).lower() for term in terms)
                ])

        @app.get("/api/v1/message/<message_id>/raw")
        def raw(message_id):
            with self._lock:
                found = [raw for summary, raw in self._stored if summary["ID"] == message_id]
            if not found:
                return Response("404 page not found", 404, mimetype="text/plain")
            return Response(found[0], mimetype="text/plain")

        @app.delete("/api/v1/messages")
        def delete():
            try:
                ids = {key.lower(): value for key, value in json.loads(request.get_data()).items()}.get("ids")
            except (ValueError, AttributeError):
                ids = None
            with self._lock:
                self._stored = [(summary, raw) for summary, raw in self._stored if ids and summary["ID"] not in ids]
            return Response("ok", mimetype="text/plain")

        return app
