"""The audit page's operations on a real vault: pages, choices, export, verify (the CLI's too), refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from maya_desktop.core import audit
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.operations import OperationExecutor, get
from maya_desktop.core.operations.audit import AuditMatching, ExportAuditCsv, SearchAudit
from maya_desktop.core.operations.catalogue import NoRequest


def test_what_the_audit_operations_change() -> None:
    assert get("audit.export_csv").changes == frozenset({"audit"})
    for name in ("audit.search", "audit.choices", "audit.matching", "audit.verify"):
        assert get(name).changes == frozenset(), name


def test_pages_are_clamped_and_choices_are_what_occurs(demo, ops: OperationExecutor) -> None:
    for i in range(130):
        demo.audit("case.opened", f"order:{i + 1}", {"photo": i})
    total = audit.count_matching(demo.conn, AuditQuery())
    first = ops.call("audit.search", SearchAudit(AuditQuery(), 0, 100))
    assert first.total == total and len(first.entries) == 100 and first.offset == 0
    assert first.entries[0].id == total  # newest first
    beyond = ops.call("audit.search", SearchAudit(AuditQuery(), 10_000, 100))
    assert beyond.offset == (total - 1) // 100 * 100 and len(beyond.entries) == total - beyond.offset
    opened = ops.call("audit.search", SearchAudit(AuditQuery(actions=("case.opened",)), 0, 100))
    assert opened.total == 130
    choices = ops.call("audit.choices", NoRequest())
    assert "admin" in choices.actors and "case.opened" in choices.actions
    every = ops.call("audit.matching", AuditMatching(AuditQuery(actions=("case.opened",))))
    assert len(every) == 130 and every[0].object_ref == "order:130"


def test_export_writes_the_words_whole_and_is_audited(demo, ops: OperationExecutor, tmp_path: Path) -> None:
    out = tmp_path / "usb" / "audit.csv"
    out.parent.mkdir()
    rows = (("۱", "=HYPERLINK(1)", "باز کردن پرونده"), ("۲", "admin", "ورود"))
    assert ops.call("audit.export_csv", ExportAuditCsv(str(out), ("شماره", "کاربر", "رویداد"), rows, True)) == 2
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["شماره,کاربر,رویداد", "۱,'=HYPERLINK(1),باز کردن پرونده", "۲,admin,ورود"]
    assert [p.name for p in out.parent.iterdir()] == ["audit.csv"]  # no partial file beside it
    exported = audit.search(demo.conn, AuditQuery(actions=("audit.exported",)), limit=1)[0]
    assert exported.details == {"rows": 2, "filtered": True}
    with pytest.raises(OSError):  # a folder that is not there: nothing written, nothing audited
        ops.call("audit.export_csv", ExportAuditCsv(str(tmp_path / "no" / "a.csv"), ("x",), (("1",),), False))
    assert audit.count_matching(demo.conn, AuditQuery(actions=("audit.exported",))) == 1


def test_verify_finds_a_broken_chain_and_the_cli_says_the_same(demo, ops: OperationExecutor) -> None:
    check = ops.call("audit.verify", NoRequest())
    assert check.ok and check.anchored and check.count == audit.count_matching(demo.conn, AuditQuery())
    demo.conn.execute("UPDATE audit_log SET actor = 'someone' WHERE id = 3")
    demo.conn.commit()
    broken = ops.call("audit.verify", NoRequest())
    assert not broken.ok and broken.first_bad_id == 3 and broken.count == 2


def test_the_cli_verify_runs_the_operation(demo, data_dir: Path, capsys, monkeypatch) -> None:
    from maya_desktop.cli import main
    from maya_desktop.core.operations import audit as audit_ops
    from tests.conftest import PASSWORD

    ran: list[str] = []
    original = audit_ops.check_chain
    monkeypatch.setattr(audit_ops, "check_chain", lambda s: ran.append("verify") or original(s))
    demo.vault.close()
    assert main(["audit", "verify", "--data-dir", str(data_dir), "--password", PASSWORD]) == 0
    assert ran == ["verify"] and "chain intact, anchored" in capsys.readouterr().out


def test_a_receptionist_is_refused_by_every_audit_operation_and_it_is_audited(clinic, tmp_path: Path) -> None:
    executor = OperationExecutor(clinic.reception)
    requests = {
        "audit.search": SearchAudit(),
        "audit.choices": NoRequest(),
        "audit.matching": AuditMatching(),
        "audit.export_csv": ExportAuditCsv(str(tmp_path / "a.csv"), ("x",), (), False),
        "audit.verify": NoRequest(),
    }
    try:
        for name, request in requests.items():
            with pytest.raises(PermissionDenied):
                executor.call(name, request)
    finally:
        executor.shutdown()
    denied = audit.search(clinic.admin.conn, AuditQuery(actor="reception", actions=("permission.denied",)), limit=10)
    assert len(denied) == len(requests) and not (tmp_path / "a.csv").exists()
