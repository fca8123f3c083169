"""Sync contract, settings validation and the outbox on a real SQLCipher file (no network)."""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import random
import secrets

import pytest
import sqlcipher3
import trustme
from sync_helpers import open_outbox_db, sample_event

from maya_desktop.commands import sync_receiver
from maya_desktop.core.errors import ValidationError
from maya_desktop.core.settings import SETTINGS_DDL, get_setting, set_setting
from maya_desktop.core.sync import contract, outbox
from maya_desktop.core.sync import settings as sync_settings

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


open_db = open_outbox_db


def event(**overrides):
    full = {"price_rial": 250_000_000, "turnaround_days": 3, "doctor_ref": contract.new_doctor_ref(), "views_count": 5}
    return sample_event(**{"day": dt.date(2026, 3, 1), **full, **overrides})


# --- contract -------------------------------------------------------------------------------


def test_schema_loads_from_package_and_is_closed():
    schema = contract.load_schema()
    assert [alt["$ref"] for alt in schema["oneOf"]] == ["#/$defs/order_event", "#/$defs/audit_anchor"]
    for name, fields in (("order_event", contract.ORDER_EVENT_FIELDS), ("audit_anchor", contract.ANCHOR_EVENT_FIELDS)):
        shape = schema["$defs"][name]
        assert shape["additionalProperties"] is False
        assert tuple(sorted(shape["properties"])) == tuple(sorted(fields))
        assert set(shape["required"]) == set(fields)


def test_anchor_event_carries_only_the_chain_head():
    ev = contract.make_anchor_event(
        clinic_id="cl_tehran01",
        workstation_id=contract.new_workstation_id(),
        day="2026-03-01",
        audit_seq=42,
        audit_head="ab" * 32,
    )
    assert set(ev) == set(contract.ANCHOR_EVENT_FIELDS)
    assert contract.validate_event(json.loads(contract.canonical_json(ev))) == ev
    assert contract.validator().is_valid(ev)
    for field, bad in (
        ("audit_head", "AB" * 32),
        ("audit_head", "ab" * 32 + "\n"),
        ("audit_seq", -1),
        ("audit_seq", True),
        ("audit_seq", 1.0),
        ("audit_head", "ab" * 31),
    ):
        with pytest.raises(ValidationError) as err:
            contract.validate_event(dict(ev, **{field: bad}))
        assert err.value.field == field
    for extra in ("order_ref", "status", "note"):  # an anchor cannot smuggle order or free-text fields
        with pytest.raises(ValidationError):
            contract.validate_event(dict(ev, **{extra: "x"}))
    order_shaped = dict(event(), type=contract.EVENT_TYPE_AUDIT_ANCHOR)
    with pytest.raises(ValidationError):
        contract.validate_event(order_shaped)


def test_hold_events_are_order_events():
    for kind in (contract.EVENT_TYPE_HOLD_PLACED, contract.EVENT_TYPE_HOLD_LIFTED):
        ev = event(type=kind)
        assert ev["type"] == kind and set(ev) == set(contract.ORDER_EVENT_FIELDS)
    with pytest.raises(ValidationError) as err:
        event(type="order.court_case_12")
    assert err.value.field == "type"


def test_make_event_builds_a_valid_event():
    ev = event()
    assert set(ev) == set(contract.EVENT_FIELDS)
    assert ev["day"] == "2026-03-01" and ev["type"] == "order.state_changed"
    assert contract.validate_event(json.loads(contract.canonical_json(ev))) == ev


def test_random_refs_are_random_and_well_formed():
    refs = {contract.new_order_ref() for _ in range(200)}
    assert len(refs) == 200
    assert all(len(r) == 28 and r.startswith("o_") for r in refs)
    assert len(contract.new_workstation_id()) == 19


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price_rial", True),
        ("price_rial", 1.0),
        ("price_rial", -1),
        ("price_rial", "1000"),
        ("turnaround_days", 366),
        ("views_count", 1001),
        ("status", "shipped"),
        ("service", "botox"),
        ("day", dt.datetime(2026, 3, 1, 10, 30)),
        ("day", "2026-02-30"),
        ("day", "2026-03-01T10:00"),
        ("order_ref", "o_" + "a" * 26 + "\n"),
        ("clinic_id", "cl_0912345678"),
        ("clinic_id", "Maya Clinic"),
        ("doctor_ref", "dr_ahmadi"),
        ("event_id", "not-a-uuid"),
        ("type", "client.created"),
    ],
)
def test_make_event_refuses_bad_values(field, value):
    with pytest.raises(ValidationError) as info:
        event(**{field: value})
    assert info.value.message_fa and info.value.message_en


def test_make_event_refuses_unknown_fields_without_echoing_them():
    with pytest.raises(ValidationError) as info:
        event(first_name="Sara", mobile="09121234567")
    assert "Sara" not in info.value.message_en and "0912" not in info.value.message_en


def test_validate_event_refuses_extra_keys_and_never_echoes_values():
    ev = dict(event(), note="call Sara on 09121234567")
    with pytest.raises(ValidationError) as info:
        contract.validate_event(ev)
    assert "0912" not in str(info.value) and "Sara" not in info.value.message_fa
    bad = dict(event(), clinic_id="sara.ahmadi@example.com")
    with pytest.raises(ValidationError) as info:
        contract.validate_event(bad)
    assert info.value.field == "clinic_id" and "sara" not in str(info.value)


def test_batch_wrapper():
    good = {"events": [event(), event()]}
    contract.validate_batch(good)
    assert contract.validator("batch").is_valid(good)
    bad_bodies = (
        {"events": []},
        {"events": [event()], "clinic": "x"},
        {"events": [event()] * 501},
        {"events": [dict(event(), name="Sara")]},
        [event()],
        {"events": event()},
    )
    for body in bad_bodies:
        with pytest.raises(ValidationError):
            contract.validate_batch(body)
        assert not contract.validator("batch").is_valid(body)
    assert contract.is_valid_response({"accepted": [], "duplicates": [], "rejected": []})
    assert not contract.is_valid_response({"accepted": "all"})


# --- settings -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://hq.example.org", "HTTP://hq.example.org/api", " http://127.0.0.1:8443"])
def test_plain_http_endpoint_refused_with_clear_message(db, url):
    with pytest.raises(ValidationError) as info:
        sync_settings.set_endpoint(db, url)
    assert "https://" in info.value.message_en and "https://" in info.value.message_fa
    assert info.value.field == "sync.endpoint"
    assert get_setting(db, "sync.endpoint") is None


@pytest.mark.parametrize(
    "url", ["ftp://hq", "https://", "https://user:pw@hq.example.org", "https://hq/x?y=1", "hq.example.org", ""]
)
def test_other_bad_endpoints_refused(db, url):
    with pytest.raises(ValidationError):
        sync_settings.set_endpoint(db, url)


def test_endpoint_is_normalised(db):
    sync_settings.set_endpoint(db, "https://HQ.Example.org:8443/maya/ ")
    assert get_setting(db, "sync.endpoint") == "https://hq.example.org:8443/maya"


def test_pin_accepts_hex_and_base64_of_spki():
    issued = trustme.CA().issue_cert("127.0.0.1")
    hex_pin = sync_settings.spki_sha256_of_pem(issued.cert_chain_pems[0].bytes())
    raw = bytes.fromhex(hex_pin)
    forms = [
        hex_pin,
        hex_pin.upper(),
        ":".join(hex_pin[i : i + 2] for i in range(0, 64, 2)),
        base64.b64encode(raw).decode(),
        "sha256/" + base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode(),
    ]
    assert {sync_settings.normalize_pin(f) for f in forms} == {hex_pin}
    for bad in ("", "abc", hex_pin[:-2], base64.b64encode(raw[:20]).decode()):
        with pytest.raises(ValidationError):
            sync_settings.normalize_pin(bad)


def test_token_and_ids_validated(db):
    for bad in ("short", "has space in the token!", "x" * 600):
        with pytest.raises(ValidationError):
            sync_settings.set_token(db, bad)
    with pytest.raises(ValidationError):
        sync_settings.set_clinic_id(db, "cl_09121234567")
    with pytest.raises(ValidationError):
        sync_settings.set_workstation_id(db, "ws_reception-sara")
    sync_settings.set_clinic_id(db, "cl_maya01")
    assert sync_settings.clinic_id(db) == "cl_maya01"


def test_config_repr_hides_token(db):
    sync_settings.set_endpoint(db, "https://hq.example.org")
    sync_settings.set_token(db, "T0ken-abcdefghijklmnop")
    config = sync_settings.load_config(db)
    assert config is not None and "T0ken" not in repr(config)


def test_workstation_id_generated_once(db):
    first = sync_settings.workstation_id(db)
    assert first == sync_settings.workstation_id(db)
    assert contract.validate_event(dict(event(), workstation_id=first))


# --- outbox ---------------------------------------------------------------------------------


def test_database_file_is_really_encrypted(tmp_path):
    conn = open_db(str(tmp_path / "enc.db"))
    outbox.enqueue(conn, event())
    conn.commit()
    conn.close()
    assert not (tmp_path / "enc.db").read_bytes().startswith(b"SQLite format 3")


def test_enqueue_validates_and_does_not_commit(tmp_path):
    path = str(tmp_path / "tx.db")
    key = secrets.token_hex(32)
    conn = sqlcipher3.connect(path)
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute(SETTINGS_DDL)
    outbox.ensure_outbox(conn)
    conn.commit()
    with pytest.raises(ValidationError):
        outbox.enqueue(conn, dict(event(), email="a@b.c"))
    outbox.enqueue(conn, event())
    conn.rollback()  # the order change failed: its event must vanish with it
    assert outbox.stats(conn).pending == 0
    outbox.enqueue(conn, event())
    conn.commit()
    assert outbox.stats(conn).pending == 1


def test_enqueue_same_event_twice_is_one_row(db):
    ev = event()
    outbox.enqueue(db, ev)
    outbox.enqueue(db, ev)
    assert outbox.stats(db).pending == 1


def test_pending_batch_order_limit_and_backoff(db):
    ids = [outbox.enqueue(db, event(), now=NOW) for _ in range(5)]
    assert [i.event_id for i in outbox.pending_batch(db, 3, NOW)] == ids[:3]
    outbox.schedule_retry(db, ids[:2], NOW, "server down", rng=random.Random(1))
    assert [i.event_id for i in outbox.pending_batch(db, 10, NOW)] == ids[2:]
    later = outbox.pending_batch(db, 10, NOW + dt.timedelta(hours=2))
    assert [i.event_id for i in later] == ids
    assert later[0].attempts == 1
    assert outbox.next_due(db) == NOW


def test_backoff_grows_with_jitter_and_is_capped():
    rng = random.Random(7)
    delays = [outbox.backoff_seconds(n, rng) for n in range(1, 20)]
    assert 7.5 <= delays[0] <= 15
    assert all(d <= outbox.BACKOFF_CAP_S for d in delays)
    assert delays[15] >= outbox.BACKOFF_CAP_S / 2
    assert len({round(outbox.backoff_seconds(5, rng), 3) for _ in range(20)}) > 1  # jitter


def test_mark_sent_rejected_and_stats(db):
    a, b, c = (outbox.enqueue(db, event(), now=NOW) for _ in range(3))
    outbox.mark_sent(db, [a])
    outbox.mark_rejected(db, b, "server refused this event: unknown clinic\x00\n" + "x" * 500)
    outbox.record_round(db, NOW, None)
    st = outbox.stats(db, NOW)
    assert (st.pending, st.sent, st.rejected, st.due) == (1, 1, 1, 1)
    assert st.last_success_at and st.last_error is None
    [(rid, _created, reason)] = outbox.list_rejected(db)
    assert rid == b and reason.startswith("server refused") and len(reason) <= 200 and "\n" not in reason
    outbox.record_round(db, NOW, "The sync server answered HTTP 500; will retry.")
    assert "500" in outbox.stats(db).last_error
    assert outbox.purge_sent(db, NOW + dt.timedelta(days=1)) == 1
    assert [i.event_id for i in outbox.pending_batch(db, 10, NOW)] == [c]


def test_enqueue_order_event_before_sync_is_configured(db):
    event_id = outbox.enqueue_order_event(
        db,
        order_ref=contract.new_order_ref(),
        service="confidential_document",
        status="draft",
        day="2026-03-01",
    )
    payload = json.loads(db.execute("SELECT payload FROM sync_outbox WHERE event_id = ?", (event_id,)).fetchone()[0])
    assert payload["clinic_id"] == contract.UNASSIGNED_CLINIC_ID
    assert payload["workstation_id"] == get_setting(db, "sync.workstation_id")


def test_load_config_revalidates_rows_edited_behind_our_back(db):
    set_setting(db, "sync.endpoint", "http://hq.example.org")
    set_setting(db, "sync.token", "T0ken-abcdefghijklmnop")
    with pytest.raises(ValidationError):
        sync_settings.load_config(db)


def test_command_registers_sync_receiver():
    parser = argparse.ArgumentParser()
    sync_receiver.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(
        ["sync-receiver", "--cert", "c.pem", "--key", "k.pem", "--port", "0", "--db", "hq.db", "--token-file", "t"]
    )
    assert args.func is sync_receiver.run and args.host == "127.0.0.1" and args.port == 0
