"""Property tests (P8/P9): personal data can neither be put into a sync event nor reach the wire.

The receiver records every decrypted byte it read (request lines, headers, bodies); we search
those bytes for every personal value in several spellings (case, Persian/Arabic/ASCII digits,
JSON escapes).
"""

from __future__ import annotations

import datetime as dt
import json
import secrets

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import AR_DIGITS, FA_DIGITS, digits_to, digits_to_ascii, event_fields, make_pki, open_outbox_db

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync import contract, outbox
from maya_desktop.core.sync import settings as sync_settings
from maya_desktop.core.sync.client import push_once
from maya_desktop.core.sync.receiver import Recorder, start_in_thread

TOKEN = "clinic-token-" + secrets.token_urlsafe(24)
PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئ"
NUMBER_FIELDS = ("price_rial", "turnaround_days", "views_count")
STRING_FIELDS = tuple(name for name in contract.ORDER_EVENT_FIELDS if name not in NUMBER_FIELDS)


# The fixed, non-personal words every request carries (field names, enum values, HTTP headers). A random
# "name" like "Events" or "Delivered" is in every request without being a leak, so such names are skipped.
ENVELOPE = " ".join(
    [
        *contract.EVENT_FIELDS,
        *contract.SERVICES,
        *contract.STATUSES,
        "order.state_changed",
        "events",
        "post",
        "/v1/events http/1.1 host user-agent maya-desktop-sync accept-encoding gzip deflate accept connection",
        "keep-alive content-length content-type application/json authorization bearer",
    ]
).lower()
latin_names = (
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=6, max_size=14)
    .map(str.capitalize)
    .filter(lambda n: n.lower() not in ENVELOPE)
)
persian_names = st.text(PERSIAN_LETTERS, min_size=3, max_size=12)
names = st.one_of(latin_names, persian_names)
mobile_digits = st.integers(0, 999_999_999).map(lambda n: f"09{n:09d}")
mobiles = st.tuples(mobile_digits, st.sampled_from(["ascii", "fa", "ar", "+98", "0098"])).map(
    lambda t: {
        "ascii": t[0],
        "fa": digits_to(t[0], FA_DIGITS),
        "ar": digits_to(t[0], AR_DIGITS),
        "+98": "+98" + t[0][1:],
        "0098": "0098" + t[0][1:],
    }[t[1]]
)
emails = st.builds(
    lambda user, host, tld: f"{user}@{host}.{tld}",
    st.text("abcdefghijklmnopqrstuvwxyz0123456789._", min_size=3, max_size=12),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10),
    st.sampled_from(["com", "ir", "org"]),
)
notes = st.text(
    PERSIAN_LETTERS + "abcdefghijklmnopqrstuvwxyz ،.!؟0123456789۰۱۲۳۴۵۶۷۸۹", min_size=8, max_size=80
).filter(lambda t: len(t.strip()) >= 8)
personal_values = st.one_of(names, mobiles, emails, notes)


def spellings(value: str) -> set[str]:
    """Forms in which a value could show up in bytes: as typed, in every digit script, JSON-escaped."""
    base = {value, digits_to_ascii(value)}
    ascii_digits = digits_to_ascii(value)
    if ascii_digits.lstrip("+").isdigit():  # a mobile: also its significant part (9xxxxxxxxx)
        base.add(ascii_digits[-10:])
    forms = set()
    for form in base:
        forms |= {form, digits_to(form, FA_DIGITS), digits_to(form, AR_DIGITS)}
    forms |= {json.dumps(f)[1:-1] for f in forms} | {json.dumps(f, ensure_ascii=False)[1:-1] for f in forms}
    return {f for f in forms if f.strip()}


def assert_absent(raw: bytes, value: str) -> None:
    haystack = raw.lower()
    for form in spellings(value):
        assert form.lower().encode("utf-8") not in haystack, "a personal value reached the receiver"


def base_fields() -> dict:
    return event_fields(status="analyzed", price_rial=None, turnaround_days=None, doctor_ref=None, views_count=3)


@settings(max_examples=150, deadline=None)
@given(value=personal_values, field=st.sampled_from(STRING_FIELDS))
def test_personal_values_cannot_be_sneaked_into_string_fields(value, field):
    with pytest.raises(ValidationError) as info:
        contract.make_event(**dict(base_fields(), **{field: value}))
    for form in spellings(value):
        assert form not in info.value.message_en and form not in info.value.message_fa


@settings(max_examples=60, deadline=None)
@given(mobile=mobile_digits, field=st.sampled_from(NUMBER_FIELDS), as_text=st.booleans())
def test_mobiles_cannot_be_sneaked_into_number_fields(mobile, field, as_text):
    # As an int a mobile is a plausible price, so price_rial is only tested with the text form.
    value = mobile if (as_text or field == "price_rial") else int(mobile)
    with pytest.raises(ValidationError):
        contract.make_event(**dict(base_fields(), **{field: value}))


@settings(max_examples=100, deadline=None)
@given(
    key=st.one_of(
        st.sampled_from(
            [
                "first_name",
                "last_name",
                "name",
                "mobile",
                "phone",
                "email",
                "note",
                "notes",
                "client_id",
                "photo",
                "address",
                "timestamp",
            ]
        ),
        st.from_regex(r"[a-z_]{1,20}", fullmatch=True),
    ),
    value=st.one_of(personal_values, st.integers(), st.none()),
)
def test_extra_keyword_arguments_are_refused(key, value):
    if key in contract.EVENT_FIELDS:
        return
    with pytest.raises(ValidationError):
        contract.make_event(**base_fields(), **{key: value})
    with pytest.raises(ValidationError):
        contract.validate_event(dict(contract.make_event(**base_fields()), **{key: value}))


@pytest.fixture(scope="module")
def wire(tmp_path_factory):
    """One receiver (recording raw bytes) and one SQLCipher outbox for all examples."""
    folder = tmp_path_factory.mktemp("privacy")
    pki = make_pki(folder)
    recorder = Recorder()
    receiver = start_in_thread("127.0.0.1", 0, pki.cert, pki.key, str(folder / "hq.db"), TOKEN, recorder=recorder)
    conn = open_outbox_db(folder / "maya.db")
    sync_settings.set_endpoint(conn, receiver.url)
    sync_settings.set_token(conn, TOKEN)
    sync_settings.set_ca_file(conn, pki.ca_file)
    sync_settings.set_clinic_id(conn, "cl_maya")
    conn.commit()
    yield conn, receiver, recorder
    conn.close()
    receiver.stop()


client_records = st.fixed_dictionaries(
    {
        "first_name": names,
        "last_name": names,
        "mobile": mobiles,
        "email": emails,
        "note": notes,
    }
)
orders = st.fixed_dictionaries(
    {
        "client": client_records,
        "doctor_name": names,
        "service": st.sampled_from(contract.SERVICES),
        "states": st.lists(st.sampled_from(contract.STATUSES), min_size=1, max_size=4),
        "price_rial": st.one_of(st.none(), st.integers(0, 500_000).map(lambda n: n * 10_000)),  # <= 5e9
        "turnaround_days": st.one_of(st.none(), st.integers(0, 60)),
        "views": st.integers(0, 8),
        "with_doctor": st.booleans(),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=orders)
def test_no_personal_value_reaches_the_receiver(wire, order):
    conn, receiver, recorder = wire
    with recorder.lock:
        recorder.chunks.clear()
    order_ref, doctor_ref = contract.new_order_ref(), contract.new_doctor_ref()
    for status in order["states"]:  # what core.orders will do on each transition
        outbox.enqueue_order_event(
            conn,
            order_ref=order_ref,
            service=order["service"],
            status=status,
            day=dt.date(2026, 3, 1),
            price_rial=order["price_rial"],
            turnaround_days=order["turnaround_days"],
            doctor_ref=doctor_ref if order["with_doctor"] else None,
            views_count=order["views"],
        )
    conn.commit()
    report = push_once(conn, now=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1))
    assert report.error is None and report.sent == len(order["states"])
    raw = recorder.raw()
    assert order_ref.encode() in raw  # we are looking at the right bytes
    personal = [*order["client"].values(), order["doctor_name"]]
    for value in personal:
        assert_absent(raw, value)
    for payload in receiver.store.payloads()[-len(order["states"]) :]:
        assert set(payload) == set(contract.EVENT_FIELDS)
