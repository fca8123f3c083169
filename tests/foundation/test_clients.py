"""Clients: only the promised fields, validation, duplicates, search in any digit script, erase."""

from __future__ import annotations

import pytest

from maya_desktop.core import audit
from maya_desktop.core.clients import (
    count_clients,
    create_client,
    erase_client,
    get_client,
    search_clients,
    update_client,
)
from maya_desktop.core.errors import DuplicateError, NotFound, ValidationError
from maya_desktop.core.persian import to_persian_digits


def test_client_table_has_exactly_the_promised_personal_fields(demo):
    columns = {r[1] for r in demo.conn.execute("PRAGMA table_info(clients)")}
    # the client's choices about notices (core/notices): the language they read, when they opted out
    choices = {"preferred_language", "marketing_opt_out_at"}
    personal = columns - {"id", "created_at", "updated_at", "search_text", "marketing_consent_at", *choices}
    assert personal == {"first_name", "last_name", "mobile", "email", "marketing_consent"}


def test_marketing_consent_is_off_by_default_and_dated_when_on(demo):
    client = create_client(demo, "Sara", "Karimi", "09121112233", "sara@example.com")
    assert client.marketing_consent is False and client.marketing_consent_at is None
    client = update_client(demo, client.id, "Sara", "Karimi", "09121112233", "sara@example.com", True)
    assert client.marketing_consent and client.marketing_consent_at


@pytest.mark.parametrize(
    "typed",
    [
        "09121112233",
        "+989121112233",
        "00989121112233",
        "۰۹۱۲۱۱۱۲۲۳۳",
        "٠٩١٢١١١٢٢٣٣",
        "0912 111 2233",
        "+98 912-111-2233",
    ],
)
def test_mobile_in_any_form_is_stored_as_e164(demo, typed):
    assert create_client(demo, "Nima", "Rad", typed).mobile == "+989121112233"


def test_duplicate_mobile_and_email_point_to_the_existing_client(demo):
    first = create_client(demo, "Leila", "Nouri", "09351234567", "leila@example.com")
    with pytest.raises(DuplicateError) as info:
        create_client(demo, "Other", "Person", "+98 935 123 4567")
    assert info.value.existing_id == first.id and info.value.field == "mobile"
    assert to_persian_digits(first.id) in info.value.message_fa
    with pytest.raises(DuplicateError) as info:
        create_client(demo, "Other", "Person", "09350000000", "LEILA@EXAMPLE.COM")
    assert info.value.field == "email"


def test_bad_input_is_refused_and_nothing_is_stored(demo):
    before = count_clients(demo)
    for args in (
        ("", "X", "09121234567"),
        ("A", "B", "02188776655"),
        ("A", "B", "0912"),
        ("A", "B", "09121234567", "no-at"),
    ):
        with pytest.raises(ValidationError):
            create_client(demo, *args)
    assert count_clients(demo) == before


def test_search_by_name_part_mobile_any_script_and_email(demo):
    client = create_client(demo, "شیوا", "کاویانی", "09197654321", "shiva.k@example.com")
    for query in ("شیوا", "کاویا", "۰۹۱۹۷۶۵", "9197654", "+98919765", "٧٦٥٤٣", "SHIVA.K", "example.com"):
        assert client.id in [c.id for c in search_clients(demo, query, limit=500)], query
    assert search_clients(demo, "zzzz-no-such") == []


def test_search_treats_arabic_yeh_and_kaf_like_persian(demo):
    client = create_client(demo, "علی", "کریمی", "09127778899")
    assert client.id in [c.id for c in search_clients(demo, "علي كريمي"[4:])]  # Arabic ي and ك


def test_erase_removes_the_client_and_leaves_no_pii_in_the_audit_log(demo):
    client = create_client(demo, "Erase", "Me", "09123334455", "erase.me@example.com")
    erase_client(demo, client.id)
    with pytest.raises(NotFound):
        get_client(demo, client.id)
    text = " ".join(f"{e.object_ref} {e.details}" for e in audit.entries(demo.conn, limit=10_000))
    for value in ("Erase", "09123334455", "+989123334455", "erase.me"):
        assert value not in text
    assert any(e.action == "client.erased" and e.object_ref == f"client:{client.id}" for e in audit.entries(demo.conn))


def test_doctor_cannot_list_clients(demo, login):
    from maya_desktop.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        search_clients(login("doctor"), "")
