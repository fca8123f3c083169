"""Helpers of the robustness suite (imported by name; tests/robustness is on sys.path)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from maya_desktop.core import blobstore
from maya_desktop.core.orders.keys import order_key

# The walk lives in tests/factories.py; re-exported under the names this suite uses.
from tests.factories import STEPS, walk_step  # noqa: F401
from tests.factories import walk_order as walk  # noqa: F401

PASSWORD = "Correct-Horse-42!"  # same as tests/conftest.py


def small_jpeg(path: Path, side: int = 384) -> bytes:
    """A real photo scaled down (fast to decode), as a JPEG."""
    with Image.open(path) as img:
        img = img.convert("RGB")
        img.thumbnail((side, side))
        out = io.BytesIO()
        img.save(out, "JPEG", quality=88)
        return out.getvalue()


def decrypted_files(conn, blobs: Path) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """file_id -> decrypted bytes of every registered order file (keys from `conn`)."""
    out = {}
    rows = conn.execute("SELECT file_id, order_id, kind FROM order_files ORDER BY file_id").fetchall()
    for file_id, order_id, kind in rows:
        out[file_id] = blobstore.read_blob(blobs, order_key(conn, order_id), order_id, file_id, kind)
    return out


def dump(conn) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Schema + every row of every table (sqlcipher3 has no iterdump)."""
    out: dict[str, object] = {"user_version": conn.execute("PRAGMA user_version").fetchone()[0]}
    tables = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    out["schema"] = tables
    for kind, name, sql in tables:
        if kind == "table" and not (sql or "").upper().startswith("CREATE VIRTUAL"):
            out[name] = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
    return out


def raw_conn(db_path: Path, key: bytes):  # type: ignore[no-untyped-def]
    """A read-only look at a database without logging in (no 'login' audit entry is written)."""
    import sqlcipher3

    from maya_desktop.core import db

    conn = sqlcipher3.connect(str(db_path), isolation_level=None)
    conn.execute(db._key_pragma(key))
    conn.execute("PRAGMA query_only = ON")
    return conn
