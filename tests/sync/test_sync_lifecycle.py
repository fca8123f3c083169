"""Property test (P8/P9, DESIGN §6) on the REAL pipeline: random clients in a real demo clinic go
through whole order lifecycles in the orders core, the outbox is pushed over verified HTTPS to the
reference receiver on 127.0.0.1, and not one personal value — in any digit script or case, raw or
JSON-escaped — is in any decrypted byte the receiver read. Erasing a client shows up at HQ only as
status changes of the orders that already existed.

One clinic and one receiver serve the whole module (hypothesis re-runs the body many times).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sync_helpers import configure_sync, leaked, make_pki, start_hq

from maya_desktop.core import photos
from maya_desktop.core.clients import create_client, erase_client, get_client
from maya_desktop.core.errors import DuplicateError
from maya_desktop.core.orders import consent, delivery, destruction, documents, payments, quotes, records
from maya_desktop.core.session import Session
from maya_desktop.core.sync import contract
from maya_desktop.core.sync.receiver import Recorder, RunningReceiver
from maya_desktop.core.sync.runner import SyncLoop
from tests.conftest import PASSWORD

PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
LATIN = "abcdefghijklmnopqrstuvwxyz"
FA_DIGITS, AR_DIGITS = "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"
# Fixed, non-personal words every request carries; a random Latin "name" equal to one of them
# (e.g. "Events", "Delivered") would be in every request without being a leak.
ENVELOPE = " ".join(
    [
        *contract.EVENT_FIELDS,
        *contract.SERVICES,
        *contract.STATUSES,
        "order.state_changed events post /v1/events http/1.1 host user-agent maya-desktop-sync accept-encoding",
        "gzip deflate accept connection keep-alive content-length content-type application/json authorization",
        "bearer hq-token cl_maya cl_unassigned",
    ]
).lower()


def _script(text: str, table: str) -> str:
    return "".join(table[int(c)] if c.isdigit() else c for c in text)


latin_names = (
    st.text(LATIN, min_size=6, max_size=14).map(lambda s: s.capitalize()).filter(lambda n: n.lower() not in ENVELOPE)
)
persian_names = st.text(PERSIAN_LETTERS, min_size=3, max_size=12)
names = st.one_of(latin_names, persian_names)
mobiles = st.builds(
    lambda prefix, rest, form: {
        "ascii": f"0{prefix}{rest}",
        "fa": _script(f"0{prefix}{rest}", FA_DIGITS),
        "ar": _script(f"0{prefix}{rest}", AR_DIGITS),
        "intl": f"+98 {prefix} {rest[:3]} {rest[3:]}",
        "0098": f"0098-{prefix}-{rest[:3]}-{rest[3:]}",
    }[form],
    st.sampled_from(["912", "935", "919", "901", "990", "921", "937"]),
    st.text("0123456789", min_size=7, max_size=7).filter(lambda r: len(set(r)) >= 4),
    st.sampled_from(["ascii", "fa", "ar", "intl", "0098"]),
)
emails = st.builds(
    lambda user, digits, host, tld, upper: (
        (f"{user}{digits}@{host}.{tld}").upper() if upper else f"{user}{digits}@{host}.{tld}"
    ),
    st.text(LATIN, min_size=4, max_size=10),
    st.text("0123456789", max_size=3),
    st.text(LATIN, min_size=4, max_size=10),
    st.sampled_from(["com", "ir", "org"]),
    st.booleans(),
)
words = st.one_of(
    st.text(PERSIAN_LETTERS, min_size=2, max_size=9),
    st.text(LATIN, min_size=5, max_size=9).filter(lambda w: w not in ENVELOPE),
)
digit_group = st.text("0123456789", min_size=3, max_size=4).flatmap(
    lambda d: st.sampled_from([d, _script(d, FA_DIGITS), _script(d, AR_DIGITS)])
)
notes = st.tuples(st.lists(words, min_size=2, max_size=6), digit_group).map(
    lambda t: " ".join([*t[0][:1], t[1], *t[0][1:]])
)
references = st.text("0123456789", min_size=8, max_size=12).filter(lambda r: len(set(r)) >= 5 and r[0] != "0")
people = st.fixed_dictionaries(
    {
        "first_name": names,
        "last_name": names,
        "mobile": mobiles,
        "email": emails,
        "order_notes": notes,
        "gateway": names,
        "reference": st.tuples(references, st.sampled_from(["ascii", "fa", "ar"])).map(
            lambda t: {"ascii": t[0], "fa": _script(t[0], FA_DIGITS), "ar": _script(t[0], AR_DIGITS)}[t[1]]
        ),
        "findings": notes,
        "service": st.sampled_from(contract.SERVICES),
        "first_order_end": st.sampled_from(["destroy_now", "erase"]),
    }
)


@dataclass
class World:
    admin: Session
    reception: Session
    doctor: Session
    receiver: RunningReceiver
    recorder: Recorder
    loop: SyncLoop
    faces: dict[str, bytes]


@pytest.fixture(scope="module")
def world(tmp_path_factory, faces: Path) -> Iterator[World]:
    from maya_desktop.core.demo import create_demo_clinic
    from maya_desktop.core.staff import accept_agreement
    from maya_desktop.core.vault import Vault

    root = tmp_path_factory.mktemp("lifecycle")
    admin = create_demo_clinic(root / "clinic", PASSWORD, clients=3)
    reception = Vault.open(root / "clinic", "reception", PASSWORD)
    doctor = Vault.open(root / "clinic", "doctor", PASSWORD)
    for session in (reception, doctor):
        accept_agreement(session)
    pki = make_pki(root / "pki")
    receiver, recorder = start_hq(pki)
    configure_sync(admin.conn, receiver.url, pki)
    # The sync loop opens its OWN connection with the vault's key, as the app's background thread does.
    loop = SyncLoop(admin.vault.data_dir.db, lambda: admin.vault.db_key)
    face_bytes = {n: (faces / n).read_bytes() for n in ("obama.jpg", "profile_left_cameraman.jpg")}
    yield World(admin, reception, doctor, receiver, recorder, loop, face_bytes)
    loop.stop.set()
    loop.run()  # closes its connection
    receiver.stop()
    for session in (admin, reception, doctor):
        session.vault.close()


def walk_to_delivered(w: World, client_id: int, person: dict) -> int:
    r, d = w.reception, w.doctor
    order = records.create_order(r, client_id, person["service"], notes=person["order_notes"])
    if person["service"] == "rhinoplasty_analysis":
        for name in ("obama.jpg", "profile_left_cameraman.jpg"):
            photos.import_photo(r, order.id, w.faces[name], run_analysis=False)
        infos = photos.list_photos(r, order.id)
        photos.confirm_views(r, order.id, {p.id: v for p, v in zip(infos, ("frontal", "profile_left"), strict=True)})
    else:
        text = (
            f"{person['first_name']} {person['last_name']} {person['mobile']} {person['email']} {person['order_notes']}"
        )
        documents.import_document(r, order.id, text.encode("utf-8"))
    photos.complete_analysis(r, order.id)
    quotes.issue_quote(r, order.id)
    price = records.get_order(r, order.id).price_rial
    payments.record_payment(r, order.id, person["gateway"], person["reference"], price)
    consent.record_consent(r, order.id, d.staff.id, "verbal")
    delivery.start_review(d, order.id)
    delivery.write_report(d, order.id, person["findings"])
    delivery.deliver(d, order.id)
    return order.id


def push(w: World):
    status = w.loop.round(now=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1))
    assert status is not None and status.report is not None
    assert status.error_en is None and status.pending == 0, status.error_en
    return status.report


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(person=people)
def test_whole_lifecycles_leak_no_personal_value_to_hq(world: World, person: dict) -> None:
    w = world
    push(w)  # flush anything left from an earlier (e.g. failed) example
    with w.recorder.lock:
        w.recorder.chunks.clear()
    seen_before = len(w.receiver.store.event_ids())
    try:
        client = create_client(
            w.reception, person["first_name"], person["last_name"], person["mobile"], person["email"]
        )
    except DuplicateError:
        assume(False)  # the random mobile/email belongs to a demo client
    stored = get_client(w.reception, client.id)
    delivered = walk_to_delivered(w, client.id, person)
    waiting = records.create_order(w.reception, client.id, person["service"], notes=person["order_notes"]).id
    if person["first_order_end"] == "destroy_now":
        destruction.destroy_order_now(w.reception, delivered)
    refs = {records.get_order(w.admin, i).order_ref for i in (delivered, waiting)}
    report = push(w)
    assert report.sent > 0
    erase_client(w.admin, client.id)  # a manager's action; destroys every remaining order of the client
    report_after_erase = push(w)

    # 1. Not one personal value reached HQ, in any spelling (the receiver kept every decrypted byte).
    raw = w.recorder.raw()
    for ref in refs:
        assert ref.encode() in raw  # we are looking at the right bytes
    personal = [
        person["first_name"],
        person["last_name"],
        person["mobile"],
        stored.mobile,  # as stored (+98...)
        person["email"],
        person["order_notes"],
        person["gateway"],
        person["reference"],
        person["findings"],
        stored.first_name,
        stored.last_name,
    ]
    for value in personal:
        assert leaked(raw, value) is None, "a personal value reached the receiver"

    # 2. What HQ holds for these orders: contract fields only, one event per state change.
    payloads = w.receiver.store.payloads()[seen_before:]
    mine = [p for p in payloads if p["order_ref"] in refs]
    assert len(mine) == len(payloads)  # nothing else was sent (no event about the client)
    for event in mine:
        assert set(event) == set(contract.EVENT_FIELDS)
        assert event["type"] == contract.EVENT_TYPE_STATE_CHANGED
        assert event["clinic_id"] == "cl_maya"
    by_ref: dict[str, list[dict]] = {}
    for event in mine:
        by_ref.setdefault(event["order_ref"], []).append(event)
    assert all(events[-1]["status"] == "destroyed" for events in by_ref.values())
    assert sum(1 for e in mine if e["status"] == "destroyed") == 2  # each order destroyed exactly once

    # 3. The erasure itself adds nothing but status changes to "destroyed" of orders HQ already knew.
    assert report_after_erase.sent == (2 if person["first_order_end"] == "erase" else 1)
    for events in by_ref.values():
        before, last = events[-2], events[-1]
        for field in ("order_ref", "clinic_id", "workstation_id", "service", "type"):
            assert last[field] == before[field]
        assert last["doctor_ref"] in (before["doctor_ref"], None)
    raw_text = raw.decode("utf-8", "replace")
    assert "client" not in raw_text.lower().replace("clinic_id", "")
    assert json.loads(json.dumps(mine)) == mine


def test_the_leak_detector_sees_every_spelling() -> None:
    """Non-vacuity: the search above would find a value written in another digit script, case or escape."""
    assert leaked(json.dumps({"n": "سارا"}).encode(), "سارا")  # \u0633... escapes
    assert leaked('{"n": "سارا"}'.encode(), "سارا")  # raw UTF-8
    assert leaked(b"... 9121234567 ...", "۰۹۱۲۱۲۳۴۵۶۷")  # Persian digits typed, ASCII sent, +98 dropped
    assert leaked(b"x +989121234567", "0912 123 4567")
    assert leaked(b"SARA.AHMADI@EXAMPLE.IR", "sara.ahmadi@example.ir")
    assert leaked(json.dumps("٤٥٦٧٨٩١٢").encode(), "45678912")
    assert leaked(b"nothing here", "سارا") is None
