"""The audit page's operations and `maya-desktop audit verify` (plain data in and out).

Every one checks `audit.read` in core (a refusal is audited). The entries themselves are plain data; the
window turns them into words in the interface language (core does not know the displayed names), and
`audit.export_csv` writes those words to a file whole or not at all and records the export.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from maya_desktop.core import audit
from maya_desktop.core.audit import AuditEntry, AuditQuery
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session

PERMISSION = "audit.read"


@dataclass(frozen=True)
class SearchAudit:
    """One page of the entries matching `query`, newest first; `offset` is clamped to the last page."""

    query: AuditQuery = field(default_factory=AuditQuery)
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True)
class AuditPageResult:
    entries: tuple[AuditEntry, ...]
    total: int  # matching entries, all pages
    offset: int  # the offset actually shown (clamped)


@dataclass(frozen=True)
class AuditChoices:
    actors: tuple[str, ...]  # everyone who appears in the log
    actions: tuple[str, ...]  # action codes that occur in it


@dataclass(frozen=True)
class AuditMatching:
    """Every entry matching `query` (for an export), newest first."""

    query: AuditQuery = field(default_factory=AuditQuery)


@dataclass(frozen=True)
class ExportAuditCsv:
    """The rows as the manager reads them (words in the interface language), written to `path`."""

    path: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    filtered: bool


@dataclass(frozen=True)
class AuditCheck:
    ok: bool  # the chain is intact
    count: int  # entries verified (before the first bad one, when broken)
    first_bad_id: int | None
    reason: str
    rollbacks: tuple[str, ...]  # what logins recorded in the chain (English, oldest first)
    anchor_en: str | None  # the anchor compared now, when the log no longer reaches it
    anchor_fa: str | None

    @property
    def anchored(self) -> bool:
        """Nothing went back or was rewritten (the chain alone cannot tell)."""
        return not self.rollbacks and self.anchor_en is None

    @property
    def problems_en(self) -> tuple[str, ...]:
        return self.rollbacks + ((self.anchor_en,) if self.anchor_en else ())


@operation("audit.search")
def search(session: Session, request: SearchAudit) -> AuditPageResult:
    session.require(PERMISSION)
    total = audit.count_matching(session.conn, request.query)
    limit = max(1, request.limit)
    offset = max(0, min(request.offset, max(0, total - 1) // limit * limit))
    entries = audit.search(session.conn, request.query, limit=limit, offset=offset)
    return AuditPageResult(tuple(entries), total, offset)


@operation("audit.choices")
def choices(session: Session, request: NoRequest) -> AuditChoices:
    session.require(PERMISSION)
    return AuditChoices(tuple(audit.actors(session.conn)), tuple(audit.logged_actions(session.conn)))


@operation("audit.matching")
def matching(session: Session, request: AuditMatching) -> tuple[AuditEntry, ...]:
    session.require(PERMISSION)
    return tuple(audit.iter_matching(session.conn, request.query))


@operation("audit.export_csv", changes={"audit"})
def export_csv(session: Session, request: ExportAuditCsv) -> int:
    """Write the rows (OSError when the file cannot be written); audited with the row count only."""
    session.require(PERMISSION)
    rows = audit.write_csv_rows(request.path, request.header, request.rows)
    session.audit("audit.exported", "", {"rows": rows, "filtered": request.filtered})
    return rows


@operation("audit.verify")
def verify(session: Session, request: NoRequest) -> AuditCheck:
    """The hash chain, and whether the log still reaches the anchor kept outside the database."""
    session.require(PERMISSION)
    return check_chain(session)


def check_chain(session: Session) -> AuditCheck:
    """`audit.verify` without the permission check (self-check: any account checks its installation)."""
    result = audit.verify(session.conn)
    rollbacks = tuple(audit.recorded_rollbacks(session.conn))
    anchor = session.vault.slots.audit_anchor()
    finding = None if anchor is None else audit.check_anchor(session.conn, *anchor)
    return AuditCheck(
        result.ok,
        result.count,
        result.first_bad_id,
        result.reason,
        rollbacks,
        None if finding is None else finding.message_en,
        None if finding is None else finding.message_fa,
    )
