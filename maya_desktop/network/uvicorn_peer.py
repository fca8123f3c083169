"""uvicorn's h11 protocol (with maya_hq's deadlines for slow clients) that hands the app the peer's certificate.

ASGI has no standard place for a TLS client certificate and uvicorn does not pass it on, so each connection
copies the server's state dict and adds the certificate (DER) the TLS handshake verified; Starlette sees it
as ``request.scope["state"]["maya_peer_cert"]`` (None when the client sent none: only pairing allows that).
"""

from __future__ import annotations

import asyncio

from maya_hq.server import DeadlineH11Protocol

PEER_CERT = "maya_peer_cert"


class PeerCertProtocol(DeadlineH11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        ssl_object = transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        self.app_state = {**self.app_state, PEER_CERT: der}
