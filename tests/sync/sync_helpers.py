"""Plain helpers for the sync wiring tests (imported by name; tests/sync is on sys.path):
sample order events, a trustme CA + 127.0.0.1 certificate, a recording receiver on a daemon thread, pointing a clinic
at it, and the spellings in which a personal value could show up in bytes.
"""

from __future__ import annotations

import json
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
import trustme

from maya_desktop.core.db import transaction
from maya_desktop.core.settings import SETTINGS_DDL
from maya_desktop.core.sync import contract, outbox
from maya_desktop.core.sync import settings as sync_settings
from maya_desktop.core.sync.receiver import Recorder, RunningReceiver, start_in_thread


def open_outbox_db(path: str | Path) -> sqlcipher3.Connection:
    """A bare SQLCipher file with a random key holding only the settings table and the sync outbox."""
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    conn.execute(SETTINGS_DDL)
    outbox.ensure_outbox(conn)
    conn.commit()
    return conn


HQ_TOKEN = "hq-token-" + secrets.token_urlsafe(24)


def order_fields(**overrides) -> dict:
    """An order event's own fields (what `outbox.enqueue_order_event` takes): a new order, `overrides` on top."""
    return {
        "order_ref": contract.new_order_ref(),
        "service": "rhinoplasty_analysis",
        "status": "quoted",
        "day": "2026-03-01",
        **overrides,
    }


def event_fields(**overrides) -> dict:
    """All of `contract.make_event`'s fields: the order's, this clinic's id and a new workstation's."""
    return order_fields(**{"clinic_id": "cl_maya", "workstation_id": contract.new_workstation_id(), **overrides})


def sample_event(**overrides) -> dict:
    """One valid order event (built and checked by the contract)."""
    return contract.make_event(**event_fields(**overrides))


@dataclass(frozen=True)
class HqPki:
    cert: str
    key: str
    ca_file: str
    cert_pem: bytes
    folder: Path


def make_pki(folder: Path) -> HqPki:
    folder.mkdir(parents=True, exist_ok=True)
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1")
    cert, key, ca_file = folder / "cert.pem", folder / "key.pem", folder / "ca.pem"
    cert.write_bytes(b"".join(p.bytes() for p in issued.cert_chain_pems))
    issued.private_key_pem.write_to_path(str(key))
    ca.cert_pem.write_to_path(str(ca_file))
    return HqPki(str(cert), str(key), str(ca_file), issued.cert_chain_pems[0].bytes(), folder)


def start_hq(pki: HqPki, *, port: int = 0, token: str = HQ_TOKEN, **kwargs) -> tuple[RunningReceiver, Recorder]:
    recorder = Recorder()
    db_path = pki.folder / f"hq-{secrets.token_hex(4)}.db"
    running = start_in_thread("127.0.0.1", port, pki.cert, pki.key, str(db_path), token, recorder=recorder, **kwargs)
    return running, recorder


def configure_sync(conn, url: str, pki: HqPki, *, token: str = HQ_TOKEN, pin: str | None = None) -> None:
    """Point a clinic at a receiver (what the manager does in the settings dialog)."""
    with transaction(conn):
        sync_settings.set_endpoint(conn, url)
        sync_settings.set_token(conn, token)
        sync_settings.set_ca_file(conn, pki.ca_file)
        sync_settings.set_clinic_id(conn, "cl_maya")
        sync_settings.set_pin(conn, pin)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


FA_DIGITS, AR_DIGITS = "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"


def digits_to(text: str, table: str) -> str:
    return "".join(table[int(c)] if c.isascii() and c.isdigit() else c for c in text)


def digits_to_ascii(text: str) -> str:
    out = []
    for c in text:
        if c in FA_DIGITS:
            c = str(FA_DIGITS.index(c))
        elif c in AR_DIGITS:
            c = str(AR_DIGITS.index(c))
        out.append(c)
    return "".join(out)


def spellings(value: str) -> set[str]:
    """Forms in which a value could show up in bytes: as typed, in every digit script, JSON-escaped."""
    ascii_digits = digits_to_ascii(value)
    base = {value, ascii_digits}
    compact = "".join(c for c in ascii_digits if c not in " +-().")
    if compact.isdigit() and len(compact) >= 10:  # a phone number: also without separators, and 9xxxxxxxxx
        base |= {compact, compact[-10:]}
    forms = set()
    for form in base:
        forms |= {form, digits_to(form, FA_DIGITS), digits_to(form, AR_DIGITS)}
    forms |= {json.dumps(f)[1:-1] for f in forms} | {json.dumps(f, ensure_ascii=False)[1:-1] for f in forms}
    return {f for f in forms if f.strip()}


def leaked(raw: bytes, value: str) -> str | None:
    """The first spelling of ``value`` found in ``raw`` (case-insensitive), else None. Never print it."""
    haystack = raw.lower()
    for form in spellings(value):
        if form.lower().encode("utf-8") in haystack:
            return form
    return None
