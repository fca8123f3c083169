"""The network's codec (core.operations.wire): operations' plain data round-trips; nothing else is built."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from maya_desktop.core.clients import Client
from maya_desktop.core.errors import DuplicateError, PermissionDenied, ValidationError, VaultError
from maya_desktop.core.operations import wire
from maya_desktop.core.operations.catalogue import KeepDraft
from maya_desktop.core.operations.clients import ClientList
from maya_desktop.core.roles import Role
from maya_desktop.core.session import StaffMember


def roundtrip(value):  # type: ignore[no-untyped-def]
    return wire.loads(wire.dumps(value))


def test_operations_plain_data_round_trips_exactly() -> None:
    client = Client(**{name: None for name in Client.__dataclass_fields__})  # every field, whatever they are
    staff = StaffMember(3, "doctor", "دکتر", Role.DOCTOR, True, False, "۱۲۳", 1, "2026-01-01")
    values = [
        ClientList(rows=(client,), total=7),
        staff,
        KeepDraft("findings", "order:4", {"text": "یادداشت", "points": [1.5, 2], "nested": {"a": (1, 2)}}),
        (dt.date(2026, 3, 21), dt.datetime(2026, 3, 21, 9, 30, tzinfo=dt.UTC), dt.time(8, 15)),
        {"bytes": b"\x00\xff\xd8" * 1000, "set": frozenset({"orders", "order:4"}), "none": None},
        [True, 0, -1, 2.5, "text", ""],
    ]
    for value in values:
        assert roundtrip(value) == value
        assert type(roundtrip(value)) is type(value)
    assert roundtrip(staff).role is Role.DOCTOR


@pytest.mark.parametrize(
    "raw",
    [
        {"$dc": "subprocess:Popen", "f": {"args": "ls"}},  # outside the core
        {"$dc": "os:system", "f": {}},
        {"$dc": "maya_desktop.core.vault:Vault", "f": {}},  # in the core, but not plain data
        {"$dc": "maya_desktop.core.keyring:SecretBytes", "f": {}},
        {"$dc": "maya_desktop.core.operations.clients:ClientRef", "f": {"client_id": 1, "extra": 2}},  # unknown field
        {"$dc": "maya_desktop.core.operations.clients:ClientRef", "f": {}},  # missing field
        {"$dc": "maya_desktop.core.operations.clients:_Hidden", "f": {}},
        {"$dc": "maya_desktop.core.operations.clients", "f": {}},
        {"$en": "maya_desktop.core.roles:Role", "v": "emperor"},
        {"$en": "enum:Enum", "v": 1},
        {"$b": "not base64!"},
        {"$date": "yesterday"},
        {"$t": "not a list"},
        {"$unknown": 1},
        {"plain": "object"},
        {},
    ],
)
def test_anything_else_is_refused(raw: object) -> None:
    with pytest.raises(wire.WireError):
        wire.loads(json.dumps(raw).encode())


def test_deep_nesting_and_junk_are_refused() -> None:
    deep: object = 1
    for _ in range(200):
        deep = {"$t": [deep]}
    with pytest.raises(wire.WireError):
        wire.loads(json.dumps(deep).encode())
    for junk in (b"\xff\xfe", b"{", b"[" * 100_000):
        with pytest.raises(wire.WireError):
            wire.loads(junk)
    with pytest.raises(wire.WireError):
        wire.dumps(object())


def test_core_errors_cross_with_their_class_code_and_texts() -> None:
    denied = wire.decode_error(json.loads(json.dumps(wire.encode_error(VaultError.coded("vault.locked")))))
    assert type(denied) is VaultError and denied.code == "vault.locked" and denied.message_fa
    dup = wire.decode_error(wire.encode_error(DuplicateError("taken", "گرفته", "mobile", 12)))
    assert type(dup) is DuplicateError and (dup.field, dup.existing_id) == ("mobile", 12)
    bad = wire.decode_error(wire.encode_error(ValidationError("bad", "بد", "email")))
    assert type(bad) is ValidationError and bad.field == "email"
    assert type(wire.decode_error({"type": "SystemExit", "en": "x"})).__name__ == "MayaError"
    assert type(wire.decode_error(wire.encode_error(PermissionDenied("no", "نه")))) is PermissionDenied


def test_frames_carry_photos_raw_and_refuse_bad_frames() -> None:
    photo = bytes(range(256)) * 4000
    value = {"photos": (photo, b"tiny"), "when": dt.date(2026, 1, 1)}
    framed = wire.dumps_framed(value)
    assert photo in framed and b"$bx" in framed  # raw, not base64
    assert len(framed) < len(photo) + 200
    assert wire.loads(framed) == value and wire.loads(wire.dumps(value)) == value
    header = len(wire.FRAMED) + 4
    for junk in (
        framed[:-1],  # a blob cut short
        framed + b"x",  # trailing bytes
        wire.FRAMED + b"\x00\x00\x00\x05{}",
        wire.FRAMED + (10**6).to_bytes(4, "big") + framed[header:],
        wire.FRAMED + b"\x00\x00\x00\x0e" + b'{"v":{"$bx":3}' + b',"blobs":[]}',
    ):
        with pytest.raises(wire.WireError):
            wire.loads(junk)
    with pytest.raises(wire.WireError):  # a blob reference outside a frame
        wire.loads(json.dumps({"$bx": 0}).encode())


def test_the_host_takes_only_the_operations_own_request_type() -> None:
    from maya_desktop.core.operations import registry
    from maya_desktop.core.operations.catalogue import OrderRef
    from maya_desktop.core.operations.orders import OrderChange, RemovePhoto
    from maya_desktop.core.operations.review import SaveFindings
    from maya_desktop.network.host import request_fits

    complete = registry.get("orders.complete_analysis")
    assert request_fits(complete, OrderChange(1, 2))
    assert not request_fits(complete, RemovePhoto(1, 2, 3))  # an OrderChange too, but another operation's
    photos = registry.get("review.photos")
    assert request_fits(photos, OrderRef(1))
    assert not request_fits(photos, SaveFindings(1, None))
