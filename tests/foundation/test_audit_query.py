"""The manager's look through the audit log: filters, paging past 500 entries, CSV export (issue 15)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from maya_desktop.core import audit
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.clients import search_clients


def _fill(session, n: int) -> None:
    for i in range(n):
        session.audit("case.opened", f"order:{i}", {"photo": i})


def test_paging_reaches_every_entry_past_500(demo):
    _fill(demo, 620)
    total = audit.count_matching(demo.conn, AuditQuery())
    assert total >= 620
    seen = []
    for offset in range(0, total, 100):
        seen += [e.id for e in audit.search(demo.conn, AuditQuery(), limit=100, offset=offset)]
    assert seen == list(range(total, 0, -1))  # newest first, nothing skipped or repeated
    assert [e.id for e in audit.iter_matching(demo.conn, AuditQuery(), batch=64)] == seen


def test_filters_by_person_action_date_and_text(demo, login):
    from maya_desktop.core.staff import accept_agreement

    reception = login("reception")
    accept_agreement(reception)
    _fill(demo, 3)
    by_reception = audit.search(demo.conn, AuditQuery(actor="reception"), limit=1000)
    assert by_reception and {e.actor for e in by_reception} == {"reception"}
    opened = audit.search(demo.conn, AuditQuery(actions=("case.opened",)), limit=1000)
    assert len(opened) == 3 and {e.action for e in opened} == {"case.opened"}
    assert audit.search(demo.conn, AuditQuery(actions=()), limit=10) == []
    now = datetime.now(UTC)
    future = AuditQuery(since=(now + timedelta(days=1)).isoformat())
    assert audit.count_matching(demo.conn, future) == 0
    past = AuditQuery(until=(now - timedelta(days=1)).isoformat())
    assert audit.count_matching(demo.conn, past) == 0
    today = AuditQuery(since=(now - timedelta(hours=1)).isoformat(), until=(now + timedelta(hours=1)).isoformat())
    assert audit.count_matching(demo.conn, today) == audit.count_matching(demo.conn, AuditQuery())
    assert {e.object_ref for e in audit.search(demo.conn, AuditQuery(text="order:1"), limit=10)} == {"order:1"}
    # a displayed name that matched (the GUI passes its codes) widens the text search
    widened = AuditQuery(text="no such text", text_actions=("case.opened",))
    assert audit.count_matching(demo.conn, widened) == 3
    # LIKE wildcards are literal: "%" finds nothing rather than everything
    assert audit.count_matching(demo.conn, AuditQuery(text="%")) == 0
    assert "reception" in audit.actors(demo.conn) and "case.opened" in audit.logged_actions(demo.conn)
    combined = AuditQuery(actor="admin", actions=("case.opened",), text="order:2")
    assert [e.object_ref for e in audit.search(demo.conn, combined)] == ["order:2"]


def test_csv_export_is_whole_holds_no_personal_data_and_defuses_formulas(demo, tmp_path: Path):
    demo.audit("case.opened", "=HYPERLINK(1)", {"photo": 1})
    out_dir = tmp_path / "export"
    out_dir.mkdir()
    out = out_dir / "audit.csv"
    rows = audit.write_csv(
        demo.conn,
        AuditQuery(),
        out,
        ["id", "actor", "action", "object", "details"],
        lambda e: [e.id, e.actor, e.action, e.object_ref, str(e.details)],
    )
    text = out.read_text(encoding="utf-8-sig")
    table = list(csv.reader(text.splitlines()))
    assert rows == len(table) - 1 == audit.count_matching(demo.conn, AuditQuery())
    assert "'=HYPERLINK(1)" in text and not any(cell.startswith("=") for line in table for cell in line)
    # the demo's clients (names, mobiles, emails) appear nowhere in the exported log
    for client in search_clients(demo, "", limit=50):
        for value in (client.first_name, client.last_name, client.mobile, client.email):
            if value:
                assert value not in text
    assert [p.name for p in out_dir.iterdir()] == ["audit.csv"]  # no temporary file left


def test_csv_export_leaves_nothing_when_it_fails(demo, tmp_path: Path):
    def broken(entry):
        raise RuntimeError("mid-way")

    out_dir = tmp_path / "export"
    out_dir.mkdir()
    try:
        audit.write_csv(demo.conn, AuditQuery(), out_dir / "audit.csv", ["id"], broken)
    except RuntimeError:
        pass
    assert list(out_dir.iterdir()) == []
