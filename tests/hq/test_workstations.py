"""Optional per-workstation tokens (SQLite and PostgreSQL): a workstation token posts only its own events; a
revoked workstation is refused — under its token and under the clinic's — while the clinic's other
workstations go on; ``maya-hq workstation add|revoke|list`` as a real process."""

from __future__ import annotations

import datetime as dt
import re

from hq_helpers import REPO, hq_command
from test_ingest import enrol, post, stored_ids

from maya_desktop.core.sync import contract
from maya_hq import admin

DAY = dt.date(2026, 11, 20)


def event_from(workstation_id: str, clinic_id: str = "cl_alpha") -> dict:
    return contract.make_event(order_ref=contract.new_order_ref(), clinic_id=clinic_id, workstation_id=workstation_id,
                               service="rhinoplasty_analysis", status="draft", day=DAY)


def test_a_workstation_token_posts_only_its_own_events(hq_app) -> None:
    client, hq = hq_app
    clinic_token = enrol(hq)
    station, station_token = admin.add_workstation(hq.engine, "cl_alpha")
    own, foreign = event_from(station), event_from(contract.new_workstation_id())
    answer = post(client, station_token, {"events": [own, foreign]}).json()
    assert answer["accepted"] == [own["event_id"]]
    assert answer["rejected"] == [{"event_id": foreign["event_id"],
                                   "reason": "workstation_id does not match the workstation's token"}]
    other_clinic = event_from(station, "cl_beta")
    enrol(hq, "cl_beta")
    assert post(client, station_token, {"events": [other_clinic]}).json()["rejected"][0]["reason"] == (
        "clinic_id does not match the clinic's token")
    assert post(client, clinic_token, {"events": [foreign]}).json()["accepted"] == [foreign["event_id"]]
    assert stored_ids(hq) == sorted([own["event_id"], foreign["event_id"]])


def test_a_revoked_workstation_is_refused_while_the_others_go_on(hq_app) -> None:
    client, hq = hq_app
    clinic_token = enrol(hq)
    revoked, revoked_token = admin.add_workstation(hq.engine, "cl_alpha")
    kept, kept_token = admin.add_workstation(hq.engine, "cl_alpha")
    admin.revoke_workstation(hq.engine, "cl_alpha", revoked)
    assert post(client, revoked_token, {"events": [event_from(revoked)]}).status_code == 401
    smuggled = event_from(revoked)  # the clinic's own token cannot speak for a revoked workstation either
    assert post(client, clinic_token, {"events": [smuggled]}).json()["rejected"] == [
        {"event_id": smuggled["event_id"], "reason": "the workstation is revoked"}]
    assert stored_ids(hq) == []
    fine = [event_from(kept), event_from(kept)]
    assert post(client, kept_token, {"events": fine[:1]}).json()["accepted"] == [fine[0]["event_id"]]
    assert post(client, clinic_token, {"events": fine[1:]}).json()["accepted"] == [fine[1]["event_id"]]
    # Enrolled again: a new token, the old one stays dead.
    _same, fresh_token = admin.add_workstation(hq.engine, "cl_alpha", revoked)
    assert post(client, revoked_token, {"events": [event_from(revoked)]}).status_code == 401
    assert post(client, fresh_token, {"events": [smuggled]}).json()["accepted"] == [smuggled["event_id"]]
    # Revoking the clinic ends its workstations' tokens too.
    admin.revoke(hq.engine, "cl_alpha")
    assert post(client, kept_token, {"events": [event_from(kept)]}).status_code == 401
    assert [w.revoked for w in admin.list_workstations(hq.engine, "cl_alpha")] == [False, False]


def test_workstation_commands(tmp_path) -> None:
    import subprocess

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(hq_command(*args, "--database-url", f"sqlite:///{db}"), cwd=REPO,
                              capture_output=True, text=True, timeout=120)

    db = tmp_path / "hq.db"
    assert run("clinic", "add", "Alpha", "--clinic-id", "cl_alpha").returncode == 0
    added = run("workstation", "add", "cl_alpha", "--workstation-id", "ws_abcdefghijklmnop")
    assert added.returncode == 0, added.stderr
    token = re.search(r"token: (\S+)", added.stdout).group(1)
    assert token.encode() not in db.read_bytes()
    assert run("workstation", "add", "cl_alpha").returncode == 0
    assert run("workstation", "revoke", "cl_alpha", "ws_abcdefghijklmnop").returncode == 0
    listed = run("workstation", "list", "cl_alpha").stdout.splitlines()
    assert len(listed) == 2 and listed == sorted(listed)
    assert {line.split("\t")[1] for line in listed} == {"revoked", "active"}
    assert any(line.startswith("ws_abcdefghijklmnop\trevoked\t") for line in listed)
    assert token not in "\n".join(listed)
    for bad in (("workstation", "add", "cl_nobody"), ("workstation", "add", "cl_alpha", "--workstation-id", "bob"),
                ("workstation", "revoke", "cl_alpha", "ws_aaaaaaaaaaaaaaaa"), ("workstation", "list", "cl_nobody")):
        refused = run(*bad)
        assert refused.returncode == 2, bad
        assert "Traceback" not in refused.stderr and re.search("[\u0600-\u06ff]", refused.stderr), bad
