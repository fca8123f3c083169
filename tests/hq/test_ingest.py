"""POST /v1/events on SQLite and PostgreSQL: the desktop's wire contract, and every named attack refused
with nothing stored."""

from __future__ import annotations

import datetime as dt
import json
import threading

from hq_helpers import anchor_event, order_event
from sqlalchemy import func, select

from maya_desktop.core.sync import contract
from maya_hq import admin
from maya_hq.db import events
from maya_hq.secrets_store import token_hash

DAY = dt.date(2026, 11, 20)


def stored_ids(hq) -> list[str]:
    with hq.engine.connect() as conn:
        return sorted(conn.execute(select(events.c.event_id)).scalars())


def post(client, token: str | None, body, **headers):
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = body if isinstance(body, bytes) else contract.canonical_json(body).encode()
    return client.post("/v1/events", content=data, headers={"Content-Type": "application/json", **headers})


def enrol(hq, clinic_id: str = "cl_alpha") -> str:
    return admin.add_clinic(hq.engine, "Alpha", clinic_id=clinic_id)[1]


def test_batch_is_stored_once_and_answered_in_the_contract_shape(hq_app) -> None:
    client, hq = hq_app
    token = enrol(hq)
    batch = [order_event("cl_alpha", "draft", DAY), anchor_event("cl_alpha", 10, DAY)]
    first = post(client, token, {"events": batch})
    assert first.status_code == 200
    assert contract.is_valid_response(first.json())
    assert sorted(first.json()["accepted"]) == sorted(e["event_id"] for e in batch)
    # Replay: the same batch again is all duplicates and nothing is stored twice.
    again = post(client, token, {"events": batch})
    assert again.json() == {"accepted": [], "duplicates": [e["event_id"] for e in batch], "rejected": []}
    assert stored_ids(hq) == sorted(e["event_id"] for e in batch)
    with hq.engine.connect() as conn:
        anchor = conn.execute(select(events).where(events.c.type == "audit.anchor")).mappings().one()
    assert anchor["audit_seq"] == 10 and anchor["order_ref"] is None


def test_the_same_event_twice_in_one_batch_is_one_accept_and_one_duplicate(hq_app) -> None:
    client, hq = hq_app
    token = enrol(hq)
    event = order_event("cl_alpha", "draft", DAY)
    body = post(client, token, {"events": [event, event]}).json()
    assert body == {"accepted": [event["event_id"]], "duplicates": [event["event_id"]], "rejected": []}
    assert stored_ids(hq) == [event["event_id"]]


def test_partial_accept_extra_fields_and_foreign_clinic_ids_are_rejected_per_event(hq_app) -> None:
    client, hq = hq_app
    token = enrol(hq)
    admin.add_clinic(hq.engine, "Beta", clinic_id="cl_beta")
    good = order_event("cl_alpha", "draft", DAY)
    extra = {**order_event("cl_alpha", "draft", DAY), "client_name": "Sara Ahmadi"}
    foreign = order_event("cl_beta", "draft", DAY)  # another clinic's clinic_id under alpha's token
    unassigned = order_event(contract.UNASSIGNED_CLINIC_ID, "draft", DAY)
    bad_day = {**order_event("cl_alpha", "draft", DAY), "day": "2026-11-20T10:00:00"}
    body = post(client, token, {"events": [good, extra, foreign, unassigned, bad_day]}).json()
    assert body["accepted"] == [good["event_id"]] and body["duplicates"] == []
    reasons = {r["event_id"]: r["reason"] for r in body["rejected"]}
    assert set(reasons) == {extra["event_id"], foreign["event_id"], unassigned["event_id"], bad_day["event_id"]}
    assert "clinic_id" in reasons[foreign["event_id"]] and "field day" in reasons[bad_day["event_id"]]
    assert "Sara" not in json.dumps(body)  # a refused value is never echoed
    assert stored_ids(hq) == [good["event_id"]]


def test_no_wrong_revoked_or_rotated_token_is_401_and_stores_nothing(hq_app) -> None:
    client, hq = hq_app
    token = enrol(hq)
    batch = {"events": [order_event("cl_alpha", "draft", DAY)]}
    assert post(client, None, batch).status_code == 401
    assert post(client, token + "x", batch).status_code == 401
    response = post(client, "Bearer", batch, Authorization=f"Basic {token}")
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    new_token = admin.rotate_token(hq.engine, "cl_alpha")
    assert post(client, token, batch).status_code == 401  # the old token died with the rotation
    admin.revoke(hq.engine, "cl_alpha")
    assert post(client, new_token, batch).status_code == 401
    assert stored_ids(hq) == []


def test_tokens_are_stored_only_as_hashes(hq_app) -> None:
    _client, hq = hq_app
    token = enrol(hq)
    with hq.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(admin.clinics)).mappings()]
    assert token not in json.dumps(rows, default=str)
    assert rows[0]["token_hash"] == token_hash(token)


def test_oversized_malformed_and_too_long_batches_are_refused(hq_app) -> None:
    client, hq = hq_app
    token = enrol(hq)
    event = order_event("cl_alpha", "draft", DAY)
    huge = b'{"events": [' + b" " * (1 << 20) + contract.canonical_json(event).encode() + b"]}"
    assert post(client, token, huge).status_code == 413
    many = [order_event("cl_alpha", "draft", DAY) for _ in range(contract.MAX_BATCH_EVENTS + 1)]
    assert post(client, token, {"events": many}).status_code == 413
    nested = b'{"events": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    for raw in (
        b"{not json",
        b"[]",
        b'{"events": []}',
        b'{"events": {}}',
        b'{"events": [], "x": 1}',
        b"\xff\xfe",
        nested,
    ):
        assert post(client, token, raw).status_code == 400, raw
    assert stored_ids(hq) == []


def test_rate_limit_answers_429_with_retry_after(hq_app) -> None:
    client, hq = hq_app
    token = enrol(hq)
    hq.limiter.rate, hq.limiter.burst = 1.0, 3.0
    batch = {"events": [order_event("cl_alpha", "draft", DAY) for _ in range(2)]}
    assert post(client, token, batch).status_code == 200
    refused = post(client, token, {"events": [order_event("cl_alpha", "draft", DAY) for _ in range(2)]})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert len(stored_ids(hq)) == 2


def test_concurrent_duplicates_are_stored_once(hq_app) -> None:
    """Eight threads post the same batch at once (real concurrent transactions on PostgreSQL)."""
    client, hq = hq_app
    token = enrol(hq)
    batch = {"events": [order_event("cl_alpha", "paid", DAY) for _ in range(50)]}
    answers, barrier = [], threading.Barrier(8)

    def push() -> None:
        barrier.wait()
        answers.append(post(client, token, batch).json())

    threads = [threading.Thread(target=push) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    accepted = [i for a in answers for i in a["accepted"]]
    assert sorted(accepted) == sorted(e["event_id"] for e in batch["events"])  # each accepted exactly once
    assert sum(len(a["duplicates"]) for a in answers) == 7 * 50
    with hq.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(events)).scalar_one() == 50
