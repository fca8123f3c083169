"""Compare HQ's copy of the audit anchor with the local log, at every sync that sent something (issue 12).

The slot file's anchor (core.audit) catches a database rolled back on its own; someone who puts back an
old copy of the database *and* of the slot file together leaves nothing locally to compare with. HQ
keeps every `audit.anchor` event the clinic sent, out of reach of anyone at the clinic; `GET /v1/anchor`
returns the furthest one (highest sequence). If the local log no longer holds that entry with the same
keyed tag, the log went back or was rewritten since: `audit.rollback_detected` is recorded in the chain
(source "hq"), once per HQ anchor, so `audit verify` keeps reporting it and the next login shows it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from maya_desktop.core import audit
from maya_desktop.core.db import transaction

SOURCE = "hq"
Fetch = Callable[[], "tuple[int, str] | None"]


def compare_with_hq(conn: Any, fetch: Fetch) -> str | None:
    """Fetch HQ's anchor and compare. Returns the finding (English, nothing personal) or None when the log
    still holds it or HQ holds none. `fetch`'s transport errors pass through (the caller retries later)."""
    anchor = fetch()
    if anchor is None:
        return None
    seq, tag = anchor
    finding = audit.check_anchor(conn, seq, tag)
    if finding is None:
        return None
    if not _already_recorded(conn, seq):
        with transaction(conn):
            audit.append(conn, "system", audit.ROLLBACK_ACTION, "", {**finding.details, "source": SOURCE})
    return finding.message_en


def _already_recorded(conn: Any, seq: int) -> bool:
    for (details,) in conn.execute("SELECT details FROM audit_log WHERE action = ?", (audit.ROLLBACK_ACTION,)):
        info = json.loads(details)
        if info.get("source") == SOURCE and info.get("anchor_seq") == seq:
            return True
    return False
