"""1- and 2-character type-ahead (core.short_search): an index lookup with the old substring semantics."""

from __future__ import annotations

from maya_desktop.core.clients import create_client, erase_client, search_clients, search_query, update_client
from maya_desktop.core.demo import add_synthetic_clients


def scan_ids(session, query: str) -> list[int]:  # type: ignore[no-untyped-def]
    """What a full scan finds (the pre-index behaviour): every client whose search_text contains it."""
    rows = session.conn.execute("SELECT id, search_text FROM clients ORDER BY id DESC").fetchall()
    return [cid for cid, text in rows if query in text]


def test_every_short_query_finds_exactly_what_a_scan_finds(demo):
    add_synthetic_clients(demo, 200, seed=3)
    create_client(demo, "Zoë", "O'Neil", "09351230000", "z%b@mail.ir")
    texts = [r[0] for r in demo.conn.execute("SELECT search_text FROM clients")]
    pieces = {t[i : i + n] for t in texts for n in (1, 2) for i in range(len(t) - n + 1)} - {" ", "  "}
    pieces = {p for p in pieces if p.strip() == p}  # the query is stripped before searching
    assert len(pieces) > 100
    for piece in sorted(pieces):
        assert [c.id for c in search_clients(demo, piece, limit=10_000)] == scan_ids(demo, piece), piece
    assert search_clients(demo, "ٹ") == []  # no client has it


def test_short_query_limit_keeps_the_newest(demo):
    add_synthetic_clients(demo, 300, seed=5)
    found = [c.id for c in search_clients(demo, "e", limit=200)]
    assert found == scan_ids(demo, "e")[:200]


def test_short_query_is_an_index_lookup_not_a_scan(demo):
    sql, params = search_query("مر", 200)
    steps = [str(r[-1]) for r in demo.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert any("clients_short VIRTUAL TABLE INDEX" in s for s in steps), steps
    assert not any(s.split()[:2] == ["SCAN", "clients"] for s in steps), steps  # no pass over every client


def test_update_and_erase_keep_the_short_index_in_step(demo):
    client = create_client(demo, "ژاله", "قاسمی", "09127770000")
    assert client.id in [c.id for c in search_clients(demo, "ژا")]
    update_client(demo, client.id, "لاله", "قاسمی", "09127770000", None, False)
    assert client.id not in [c.id for c in search_clients(demo, "ژا")]
    assert client.id in [c.id for c in search_clients(demo, "لا")]
    erase_client(demo, client.id)
    assert client.id not in [c.id for c in search_clients(demo, "لا")]
    count = demo.conn.execute("SELECT count(*) FROM clients_short WHERE rowid = ?", (client.id,)).fetchone()[0]
    assert count == 0
