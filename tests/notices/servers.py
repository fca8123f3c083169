"""Real servers on 127.0.0.1 for the notice tests: SMTP (aiosmtpd, STARTTLS or implicit TLS) and an
HTTPS server speaking Kavenegar's `sms/send.json` API. Certificates come from trustme."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from aiosmtpd.controller import Controller


@dataclass
class Mailbox:
    messages: list[EmailMessage] = field(default_factory=list)
    hold_at: int | None = None  # the n-th message's DATA waits for `release` (a test kills the sender then)
    release: threading.Event = field(default_factory=threading.Event)
    holding: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # aiosmtpd handler
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append(msg)  # type: ignore[arg-type]
        if self.hold_at is not None and len(self.messages) == self.hold_at:
            self.holding.set()
            import asyncio

            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return "250 OK"

    def message_ids(self) -> list[str]:
        return [str(m["Message-ID"]) for m in self.messages]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_smtp(server_ctx: ssl.SSLContext | None, mode: str, mailbox: Mailbox) -> Controller:
    """mode 'starttls': a plain port that requires STARTTLS before anything else; 'tls': TLS from the first
    byte; 'plain': no TLS at all (to show the sender refuses it)."""
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=_free_port(),
        ssl_context=server_ctx if mode == "tls" else None,
        tls_context=server_ctx if mode == "starttls" else None,
        require_starttls=mode == "starttls",
    )
    controller.start()
    return controller


@dataclass
class Gateway:
    """What the Kavenegar-speaking server received. `localid` repeats are answered, not re-sent
    (Kavenegar documents localid as its guard against sending the same message twice)."""

    api_key: str
    sent: list[dict[str, str]] = field(default_factory=list)
    by_local_id: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    status: int = 200  # what `return.status` to answer (e.g. 418: no credit)
    hold_at: int | None = None  # the n-th accepted message's answer waits for `release`
    release: threading.Event = field(default_factory=threading.Event)
    holding: threading.Event = field(default_factory=threading.Event)


def _handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _answer(self, code: int, body: dict[str, Any]) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            gateway.requests += 1
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            parts = self.path.strip("/").split("/")  # v1/{API-KEY}/sms/send.json
            if len(parts) != 4 or parts[0] != "v1" or parts[2:] != ["sms", "send.json"]:
                self._answer(404, {"return": {"status": 404, "message": "not found"}, "entries": None})
                return
            if parts[1] != gateway.api_key:
                self._answer(403, {"return": {"status": 403, "message": "invalid api key"}, "entries": None})
                return
            if gateway.status != 200:
                self._answer(gateway.status, {"return": {"status": gateway.status, "message": "x"}, "entries": None})
                return
            if not form.get("receptor") or not form.get("message"):
                self._answer(400, {"return": {"status": 400, "message": "missing"}, "entries": None})
                return
            local = form.get("localid")
            if local and local in gateway.by_local_id:
                message_id = gateway.by_local_id[local]
            else:
                gateway.sent.append(form)
                message_id = 8_000_000 + len(gateway.sent)
                if local:
                    gateway.by_local_id[local] = message_id
                if gateway.hold_at is not None and len(gateway.sent) == gateway.hold_at:
                    gateway.holding.set()  # accepted, but the sender has not heard so yet
                    gateway.release.wait(60)
            entry = {
                "messageid": message_id,
                "message": form["message"],
                "status": 1,
                "statustext": "در صف ارسال",
                "sender": form.get("sender", ""),
                "receptor": form["receptor"],
                "date": 1356619709,
                "cost": 120,
            }
            self._answer(200, {"return": {"status": 200, "message": "تایید شد"}, "entries": [entry]})

    return Handler


def start_gateway(server_ctx: ssl.SSLContext, gateway: Gateway) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(gateway))
    httpd.socket = server_ctx.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"https://127.0.0.1:{httpd.server_address[1]}/v1"
