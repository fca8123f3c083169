"""Sync events carry no personal data; the blob store detects tampering; the purge command works."""

from __future__ import annotations

import json

import pytest
from orders_helpers import PASSWORD

from maya_desktop.cli import main
from maya_desktop.core import audit, blobstore
from maya_desktop.core.clients import get_client
from maya_desktop.core.crypto import DecryptionFailed, random_key
from maya_desktop.core.orders import destruction, records
from maya_desktop.core.orders.states import Status
from maya_desktop.core.sync.contract import validate_event
from tests.factories import STEPS


def test_every_transition_queues_an_anonymous_event(clinic, walk) -> None:
    client = get_client(clinic.reception, 1)
    order_id = walk(Status.DELIVERED, client_id=client.id)
    destruction.destroy_order_now(clinic.reception, order_id)
    order = records.get_order(clinic.admin, order_id)
    payloads = [json.loads(p) for (p,) in clinic.admin.conn.execute("SELECT payload FROM sync_outbox ORDER BY id")]
    payloads = [p for p in payloads if p["type"] != "audit.anchor"]  # logins queue the audit head; no order in it
    mine = [p for p in payloads if p["order_ref"] == order.order_ref]
    # created, walked through every step up to delivery (tests.factories), destroyed: one event each
    assert [p["status"] for p in mine] == [str(status) for status in (Status.DRAFT, *STEPS, Status.DESTROYED)]
    for event in mine:
        validate_event(event)
        text = json.dumps(event, ensure_ascii=False)
        for value in (client.first_name, client.last_name, client.mobile, client.mobile[3:], client.email or "@"):
            assert value not in text
        assert str(order_id) != event["order_ref"] and "T" not in event["day"]
    assert mine[-1]["views_count"] == 2 and mine[-1]["price_rial"] == order.price_rial
    assert mine[-1]["doctor_ref"].startswith("d_") and mine[0]["doctor_ref"] is None
    refs = {p["order_ref"] for p in payloads}
    assert len(refs) == len({r[0] for r in clinic.admin.conn.execute("SELECT order_ref FROM orders")})


def test_blob_roundtrip_chunked_and_tamper_evident(tmp_path) -> None:
    key = random_key()
    data = bytes(range(256)) * 9000  # ~2.3 MB: three chunks
    stored = blobstore.write_blob(tmp_path, key, 7, "document", data)
    assert [p.name for p in tmp_path.iterdir()] == [stored.file_id]  # no tmp file left
    assert blobstore.read_blob(tmp_path, key, 7, stored.file_id, "document") == data
    raw = (tmp_path / stored.file_id).read_bytes()
    aad = blobstore.blob_aad(7, stored.file_id, "document")
    with pytest.raises(DecryptionFailed):
        blobstore.read_blob(tmp_path, key, 8, stored.file_id, "document")  # other order
    with pytest.raises(DecryptionFailed):
        blobstore.read_blob(tmp_path, key, 7, stored.file_id, "photo")  # other kind
    with pytest.raises(DecryptionFailed):
        blobstore.decrypt_bytes(random_key(), aad, raw)
    first_chunk_end = 12 + 4 + (1 << 20) + 28
    with pytest.raises(DecryptionFailed):
        blobstore.decrypt_bytes(key, aad, raw[:first_chunk_end])  # truncated at a chunk boundary
    flipped = bytearray(raw)
    flipped[100] ^= 1
    with pytest.raises(DecryptionFailed):
        blobstore.decrypt_bytes(key, aad, bytes(flipped))
    empty = blobstore.write_blob(tmp_path, key, 7, "report", b"")
    assert blobstore.read_blob(tmp_path, key, 7, empty.file_id, "report") == b""


def test_purge_command(clinic, walk, capsys) -> None:
    from maya_desktop.core.settings import set_setting

    set_setting(clinic.admin.conn, "retention_days_after_delivery", 0)
    order_id = walk(Status.DELIVERED)
    code = main(["purge", "--data-dir", str(clinic.root), "--password", PASSWORD, "--username", "admin"])
    out = capsys.readouterr().out
    assert code == 0 and "1 order(s) destroyed" in out
    assert records.get_order(clinic.admin, order_id).status == Status.DESTROYED
    assert audit.verify(clinic.admin.conn).ok


def test_demo_orders_helper(clinic, face_bytes) -> None:
    from maya_desktop.core.orders.demo import DEMO_STATES, create_demo_orders

    ids = create_demo_orders(clinic.admin, [face_bytes["obama.jpg"], face_bytes["biden.jpg"]], count=5)
    assert [records.get_order(clinic.admin, i).status for i in ids] == list(DEMO_STATES)
    assert len(records.list_orders(clinic.doctor)) == 1
    assert audit.verify(clinic.admin.conn).ok
