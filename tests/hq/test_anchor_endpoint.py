"""``GET /v1/anchor``: a clinic's desktop asks HQ for the furthest audit anchor HQ holds for it (issue 12),
to find a rollback that the slot file cannot show. Bearer token only; the clinic's own anchor, nothing else."""

from __future__ import annotations

import datetime as dt

from hq_helpers import anchor_event, order_event
from test_ingest import enrol, post

from maya_hq import admin


def _get(client, token: str | None):  # type: ignore[no-untyped-def]
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    return client.get("/v1/anchor", headers=headers)


def test_the_furthest_anchor_of_the_clinic_and_nothing_else(hq_app) -> None:
    client, hq = hq_app
    token, other = enrol(hq), enrol(hq, "cl_other")
    assert _get(client, token).status_code == 404  # nothing anchored yet
    anchors = [anchor_event("cl_alpha", seq, dt.date(2026, 11, day)) for seq, day in ((10, 20), (20, 21), (15, 22))]
    order = order_event("cl_alpha", "draft", dt.date(2026, 11, 20))
    assert post(client, token, {"events": [*anchors, order]}).status_code == 200
    assert post(client, other, {"events": [anchor_event("cl_other", 99, dt.date(2026, 11, 23))]}).status_code == 200
    answer = _get(client, token)
    assert answer.status_code == 200
    # The highest sequence, not the latest arrival (15 came after 20: a rollback must not hide itself).
    assert answer.json() == {"audit_seq": 20, "audit_head": anchors[1]["audit_head"], "day": "2026-11-21"}
    assert _get(client, other).json()["audit_seq"] == 99  # each clinic sees its own only


def test_no_wrong_or_revoked_token_gets_nothing(hq_app) -> None:
    client, hq = hq_app
    token = enrol(hq)
    assert post(client, token, {"events": [anchor_event("cl_alpha", 3, dt.date(2026, 11, 20))]}).status_code == 200
    for bad in (None, "", "not-a-token", token[:-1] + ("A" if token[-1] != "A" else "B")):
        answer = _get(client, bad)
        assert answer.status_code == 401 and "audit_seq" not in answer.text
    assert client.get("/v1/anchor", headers={"Authorization": f"Basic {token}"}).status_code == 401
    admin.revoke(hq.engine, "cl_alpha")
    assert _get(client, token).status_code == 401
    assert client.post("/v1/anchor", headers={"Authorization": f"Bearer {token}"}).status_code == 405
