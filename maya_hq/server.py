"""Running the app under uvicorn, with deadlines for the TLS handshake and for request headers.

asyncio gives a TLS handshake 60 s by default and uvicorn has no option to change it, so a client that opens
TCP and never starts TLS holds a connection for a minute. :class:`HandshakeDeadlineLoop` (given to uvicorn as
its ``loop`` factory) makes every TLS server it creates use ``ssl_handshake_timeout`` =
``MAYA_HQ_TLS_HANDSHAKE_TIMEOUT`` seconds.

uvicorn (h11) has a keep-alive timeout but none for a request that arrives one byte at a time, so a
slowloris client could hold a connection (and a file descriptor) for ever. :class:`DeadlineH11Protocol`
closes a connection whose request headers are not complete within ``MAYA_HQ_REQUEST_TIMEOUT`` seconds
of the connection (or of the previous answer); the app itself bounds the time to read the body.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

TIMEOUT_ENV = "MAYA_HQ_REQUEST_TIMEOUT"
HANDSHAKE_TIMEOUT_ENV = "MAYA_HQ_TLS_HANDSHAKE_TIMEOUT"


class HandshakeDeadlineLoop(asyncio.SelectorEventLoop):
    """The plain asyncio selector loop, with a TLS handshake deadline on the servers it creates."""

    async def create_server(self, *args: Any, **kwargs: Any) -> asyncio.Server:  # type: ignore[override]
        if kwargs.get("ssl") is not None and kwargs.get("ssl_handshake_timeout") is None:
            kwargs["ssl_handshake_timeout"] = float(os.environ.get(HANDSHAKE_TIMEOUT_ENV, "10"))
        return await super().create_server(*args, **kwargs)


class DeadlineH11Protocol(H11Protocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = float(os.environ.get(TIMEOUT_ENV, "15"))
        self._deadline: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        waiting_since = self.cycle  # a new cycle object appears once a request's headers are complete
        self._deadline = self.loop.call_later(self.header_timeout, self._too_slow, waiting_since)

    def _too_slow(self, waiting_since: object) -> None:
        if self.cycle is waiting_since and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        super().connection_lost(exc)


def run(
    *,
    host: str,
    port: int,
    workers: int,
    tls_cert: str | None,
    tls_key: str | None,
    request_timeout: float,
    handshake_timeout: float = 10.0,
) -> None:
    os.environ[TIMEOUT_ENV] = str(request_timeout)
    os.environ[HANDSHAKE_TIMEOUT_ENV] = str(handshake_timeout)
    uvicorn.run(
        "maya_hq.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http=DeadlineH11Protocol,
        loop="maya_hq.server:HandshakeDeadlineLoop",
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
        timeout_keep_alive=5,
        proxy_headers=False,
        server_header=False,
        date_header=False,
        log_level="warning",
        access_log=False,  # request lines carry nothing personal, but nothing is needed from them either
    )
