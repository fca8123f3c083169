"""Sync settings (endpoint, token, certificate pin, clinic/workstation ids) with validation.

They live in the encrypted ``settings`` table. Setters validate and write but do not commit
(the caller owns the transaction). There is deliberately no setting that disables TLS
verification: the only knobs are *more* trust (a private CA file) or *less* (a pin).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.settings import delete_setting, get_setting, set_setting
from maya_desktop.core.sync.contract import UNASSIGNED_CLINIC_ID, load_schema, new_workstation_id

if TYPE_CHECKING:
    from maya_desktop.core.session import Session

KEY_ENDPOINT = "sync.endpoint"
KEY_TOKEN = "sync.token"  # noqa: S105 - a settings key, not a secret  # nosec B105
KEY_PIN = "sync.pin_sha256"
KEY_CLINIC = "sync.clinic_id"
KEY_WORKSTATION = "sync.workstation_id"
KEY_CA_FILE = "sync.ca_file"

_TOKEN_RE = re.compile(r"[A-Za-z0-9\-._~+/]{16,512}=*")  # RFC 6750 b64token


@dataclass(frozen=True)
class SyncConfig:
    """Everything the client needs. ``token`` is kept out of repr() so it never reaches a log."""

    endpoint: str
    token: str = field(repr=False)
    pin_sha256: str | None
    clinic_id: str
    workstation_id: str
    ca_file: str | None = None


def validate_endpoint(url: str) -> str:
    """Return the normalised base URL (no trailing slash). Only https:// with a host is accepted."""
    text = url.strip() if isinstance(url, str) else ""
    parts = urlsplit(text)
    if parts.scheme.lower() == "http":
        raise ValidationError.coded("sync.endpoint_not_https", KEY_ENDPOINT)
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    if (
        parts.scheme.lower() != "https"
        or not parts.hostname
        or parts.username
        or parts.password
        or parts.query
        or parts.fragment
        or not port_ok
        or any(c.isspace() for c in text)
    ):
        raise ValidationError.coded("sync.endpoint_malformed", KEY_ENDPOINT)
    return "https://" + parts.netloc.lower() + parts.path.rstrip("/")


def validate_token(token: str) -> str:
    text = token.strip() if isinstance(token, str) else ""
    if not _TOKEN_RE.fullmatch(text):
        raise ValidationError.coded("sync.token_malformed", KEY_TOKEN)
    return text


def normalize_pin(pin: str) -> str:
    """Accept a SHA-256 of the SubjectPublicKeyInfo as hex (colons allowed) or base64
    (optionally prefixed ``sha256/`` as in HPKP); return 64 lower-case hex digits."""
    text = pin.strip() if isinstance(pin, str) else ""
    if text.lower().startswith("sha256/"):
        text = text[7:]
    hex_text = text.replace(":", "").lower()
    if re.fullmatch(r"[0-9a-f]{64}", hex_text):
        return hex_text
    try:
        raw = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) == 32:
        return raw.hex()
    raise ValidationError.coded("sync.pin_malformed", KEY_PIN)


def spki_sha256(cert_der: bytes) -> str:
    """Hex SHA-256 of the certificate's SubjectPublicKeyInfo (the value to pin)."""
    cert = x509.load_der_x509_certificate(cert_der)
    spki = cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).hexdigest()


def spki_sha256_of_pem(cert_pem: bytes) -> str:
    """Same as :func:`spki_sha256` for a PEM certificate (for the settings dialog / admins)."""
    return spki_sha256(x509.load_pem_x509_certificate(cert_pem).public_bytes(serialization.Encoding.DER))


def _check_pattern(value: str, prop: str, key: str) -> str:
    pattern = load_schema()["$defs"]["order_event"]["properties"][prop]["pattern"]
    text = value.strip() if isinstance(value, str) else ""
    if not re.fullmatch(pattern, text):
        raise ValidationError.coded("sync.id_malformed", key, prop=prop, words=prop.replace("_", " "))
    return text


def set_endpoint(conn: Any, url: str) -> None:
    set_setting(conn, KEY_ENDPOINT, validate_endpoint(url))


def set_token(conn: Any, token: str) -> None:
    set_setting(conn, KEY_TOKEN, validate_token(token))


def set_pin(conn: Any, pin: str | None) -> None:
    """Set (or with None / empty string, remove) the SPKI pin."""
    if pin is None or (isinstance(pin, str) and not pin.strip()):
        delete_setting(conn, KEY_PIN)
    else:
        set_setting(conn, KEY_PIN, normalize_pin(pin))


def set_clinic_id(conn: Any, clinic_id: str) -> None:
    set_setting(conn, KEY_CLINIC, _check_pattern(clinic_id, "clinic_id", KEY_CLINIC))


def set_workstation_id(conn: Any, workstation_id: str) -> None:
    set_setting(conn, KEY_WORKSTATION, _check_pattern(workstation_id, "workstation_id", KEY_WORKSTATION))


def set_ca_file(conn: Any, path: str | None) -> None:
    """Extra CA certificates (PEM file) to trust *in addition to* the system/certifi ones."""
    if path is None or not str(path).strip():
        delete_setting(conn, KEY_CA_FILE)
    else:
        set_setting(conn, KEY_CA_FILE, str(path).strip())


def clinic_id(conn: Any) -> str:
    return get_setting(conn, KEY_CLINIC) or UNASSIGNED_CLINIC_ID


def workstation_id(conn: Any) -> str:
    """The workstation id; generated (random) and stored on first use. Does not commit."""
    value = get_setting(conn, KEY_WORKSTATION)
    if not value:
        value = new_workstation_id()
        set_setting(conn, KEY_WORKSTATION, value)
    return str(value)


def load_config(conn: Any) -> SyncConfig | None:
    """The saved configuration, or None when no endpoint/token is set yet.

    Values are re-validated: a row edited behind our back must not loosen anything.
    """
    endpoint = get_setting(conn, KEY_ENDPOINT)
    token = get_setting(conn, KEY_TOKEN)
    if not endpoint or not token:
        return None
    pin = get_setting(conn, KEY_PIN)
    ca_file = get_setting(conn, KEY_CA_FILE)
    return SyncConfig(
        endpoint=validate_endpoint(endpoint),
        token=validate_token(token),
        pin_sha256=normalize_pin(pin) if pin else None,
        clinic_id=clinic_id(conn),
        workstation_id=get_setting(conn, KEY_WORKSTATION) or "",
        ca_file=ca_file or None,
    )


def save_config(
    session: Session,
    *,
    endpoint: str,
    token: str | None,
    pin: str | None,
    ca_file: str | None,
    clinic: str | None = None,
) -> None:
    """Validate and save the HQ connection in one audited transaction (settings dialog and CLI).

    ``token`` None keeps the saved one (refused when there is none). ``pin`` / ``ca_file`` None remove them.
    The audit entry says what kind of change it was, never the address, token or pin.
    """
    from maya_desktop.core.db import transaction
    from maya_desktop.core.settings import get_setting

    conn = session.conn
    session.require("settings.manage")
    new_token = token.strip() if token else ""
    if not new_token and not get_setting(conn, KEY_TOKEN):
        raise ValidationError.coded("sync.token_missing", KEY_TOKEN)
    if ca_file and not Path(ca_file).is_file():
        raise ValidationError.coded("sync.ca_file_missing", KEY_CA_FILE)
    with session.vault.lock, transaction(conn):
        set_endpoint(conn, endpoint)
        if new_token:
            set_token(conn, new_token)
        set_pin(conn, pin)
        set_ca_file(conn, ca_file)
        if clinic and clinic.strip():
            set_clinic_id(conn, clinic)
        session.audit(
            "sync.settings_changed",
            "",
            {"pin": bool(pin and pin.strip()), "private_ca": ca_file is not None, "token_changed": bool(new_token)},
        )
