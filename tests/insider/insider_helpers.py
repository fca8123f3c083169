"""What an attacker does by hand: raw SQLCipher with a key, the slot file as JSON, decrypting files."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import sqlcipher3

from maya_desktop.core import blobstore
from maya_desktop.core.crypto import DecryptionFailed

PASSWORD = "Correct-Horse-42!"  # same as tests/conftest.py


def raw_open(db_path: Path, key: bytes) -> sqlcipher3.Connection | None:
    """SQLCipher with a raw key, as an attacker would (no Maya code): None when the key does not open it."""
    conn = sqlcipher3.connect(str(db_path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        return None
    return conn


def read_slots(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write_slots(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


def decrypt_any(candidates: list[Path], keys: dict[int, bytes], file_ids: dict[str, tuple[int, str]]) -> list[str]:
    """Try every (file, order key) pair: returns the file ids that decrypt (an attacker's best effort)."""
    opened = []
    for path in candidates:
        target = file_ids.get(path.name)
        if target is None or not path.is_file():
            continue
        order_id, kind = target
        key = keys.get(order_id)
        if key is None:
            continue
        try:
            blobstore.decrypt_bytes(key, blobstore.blob_aad(order_id, path.name, kind), path.read_bytes())
        except DecryptionFailed:
            continue
        opened.append(path.name)
    return opened
