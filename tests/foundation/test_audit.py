"""The audit chain: any edit, deletion or reordering of a row is found and named."""

from __future__ import annotations

import pytest

from maya_desktop.cli import main
from maya_desktop.core import audit
from maya_desktop.core.clients import create_client
from tests.conftest import PASSWORD


@pytest.fixture
def chained(demo):
    for i in range(3):
        create_client(demo, "Test", f"Person{'abc'[i]}", f"0912555000{i}", None)
    assert audit.verify(demo.conn).ok
    return demo


@pytest.mark.parametrize(
    "tamper, bad_id",
    [
        ("UPDATE audit_log SET actor = 'someone' WHERE id = 3", 3),
        ("UPDATE audit_log SET details = '{\"x\":1}' WHERE id = 4", 4),
        ("UPDATE audit_log SET ts = '2020-01-01T00:00:00+00:00' WHERE id = 2", 2),
        ("DELETE FROM audit_log WHERE id = 5", 5),
        ("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)", None),
    ],
)
def test_tampering_breaks_the_chain_at_the_right_entry(chained, tamper: str, bad_id: int | None, data_dir, capsys):
    total = audit.verify(chained.conn).count
    chained.conn.execute(tamper)
    result = audit.verify(chained.conn)
    assert not result.ok
    assert result.first_bad_id == (bad_id if bad_id is not None else total)
    chained.vault.close()
    assert main(["audit", "verify", "--data-dir", str(data_dir), "--password", PASSWORD]) == 2
    assert f"BROKEN at entry {result.first_bad_id}" in capsys.readouterr().out


def test_rewriting_a_row_with_a_recomputed_hash_still_breaks_the_next_link(chained):
    row = chained.conn.execute("SELECT id, ts, actor, action, object_ref, details, prev_hash FROM audit_log WHERE id=3")
    entry_id, ts, _actor, action, ref, details, prev = row.fetchone()
    forged = audit._entry_hash(entry_id, ts, "forger", action, ref, details, prev)
    chained.conn.execute("UPDATE audit_log SET actor='forger', hash=? WHERE id=3", (forged,))
    result = audit.verify(chained.conn)
    assert not result.ok and result.first_bad_id == 4


def test_cli_verify_ok(chained, data_dir, capsys):
    chained.vault.close()
    assert main(["audit", "verify", "--data-dir", str(data_dir), "--password", PASSWORD]) == 0
    assert capsys.readouterr().out.startswith("OK:")


def test_receptionist_cannot_read_the_audit_log_from_the_cli(chained, data_dir, capsys):
    chained.vault.close()
    code = main(["audit", "verify", "--data-dir", str(data_dir), "--username", "reception", "--password", PASSWORD])
    assert code == 2
    assert "may not" in capsys.readouterr().err
