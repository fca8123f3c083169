"""The clinic network end to end: a real vault host process and real workstation processes on loopback."""

from __future__ import annotations

import subprocess
import sys
import time
from typing import Any

from maya_desktop.core.operations import wire
from maya_desktop.core.operations.audit import ExportAuditCsv
from maya_desktop.core.operations.catalogue import NoRequest, OrderRef
from maya_desktop.core.operations.clients import SearchClients as Search
from maya_desktop.core.operations.orders import CancelOrder, OpenOrder, OrderChange, RecordConsent
from maya_desktop.core.operations.settings import SaveBackupSettings
from maya_desktop.core.orders.states import Status
from tests.conftest import PASSWORD
from tests.network.conftest import CLIENT, Clinic, HostProcess, child_env, console_code, paired
from tests.network.wire_ops import Consent, Label


def enc(value: Any) -> Any:
    return wire.encode(value)


def signed_in(agent: Any, user: str) -> dict[str, Any]:
    answer = agent("signin", user=user, password=PASSWORD)
    assert answer["ok"], answer
    return answer


def test_pairing_sealed_start_and_sign_in(clinic: Clinic, host: HostProcess, agents: Any) -> None:
    reception = paired(agents, host, "reception-1")
    # sealed: no key in the host yet, so nobody but a manager may sign in
    refused = reception("signin", user="reception", password=PASSWORD)
    assert (refused["ok"], refused["code"]) == (False, "network.sealed")
    wrong = reception("signin", user="admin", password="not-the-password")
    assert (wrong["ok"], wrong["type"]) == (False, "AuthError")
    time.sleep(1.1)  # the host throttles sign-in like the app does (1 s after one wrong password)
    assert signed_in(reception, "admin")["role"] == "manager"
    # an operation that writes where its request says would write the host's disk: refused from the wire
    target = clinic.root.parent / "from-a-workstation.csv"
    export = ExportAuditCsv(str(target), ("when",), (("x",),), False)
    written = reception("call", op="audit.export_csv", request=enc(export))
    assert (written["ok"], written["code"]) == (False, "network.host_only") and not target.exists()
    backups = clinic.root.parent / "backups-from-a-workstation"
    scheduled = reception("call", op="settings.save_backup", request=enc(SaveBackupSettings(str(backups), 7)))
    assert (scheduled["ok"], scheduled["code"]) == (False, "network.host_only") and not backups.exists()
    # the people operations the windows run (staff page, agreement, auto-lock) answer over the wire
    members = reception("call", op="staff.list", request=enc(NoRequest()))
    assert members["ok"] and "admin" in [m.username for m in wire.decode(members["result"]).members]
    minutes = reception("call", op="settings.auto_lock_minutes", request=enc(NoRequest()))
    assert minutes["ok"] and wire.decode(minutes["result"]) == 5
    # unsealed: the receptionist signs in with her own key slot; her role comes from the host's vault
    assert signed_in(reception, "reception")["role"] == "receptionist"
    found = reception("call", op="clients.search", request=enc(Search(CLIENT[1])))
    assert found["ok"], found
    rows = wire.decode(found["result"]).rows
    assert [r.last_name for r in rows] == [CLIENT[1]]
    # roles are enforced on the host: a receptionist cannot list a doctor's cases
    denied = reception("call", op="nettest.cases", request=None)
    assert (denied["ok"], denied["type"]) == (False, "PermissionDenied")


def test_an_order_travels_from_reception_to_the_doctor_and_back(clinic: Clinic, host: HostProcess, agents: Any) -> None:
    reception = paired(agents, host, "reception-1")
    doctor = paired(agents, host, "doctor-room-2")
    signed_in(reception, "admin")  # unseal
    signed_in(reception, "reception")
    signed_in(doctor, "doctor")
    empty = doctor("call", op="nettest.cases", request=None)
    assert empty["ok"] and wire.decode(empty["result"]) == ()
    assert doctor("watch", refresh="nettest.cases")["ok"]
    time.sleep(1.0)  # the events stream is up
    started = time.time()
    consent = reception("call", op="nettest.record_consent", request=enc(Consent(clinic.order_id, clinic.doctor_id)))
    assert consent["ok"], consent
    deadline = time.monotonic() + 5
    arrived = None
    while time.monotonic() < deadline and arrived is None:
        for at, result in doctor("seen")["seen"]:
            cases = wire.decode(result) if isinstance(result, dict) else ()
            if any(case.order.id == clinic.order_id for case in cases):
                arrived = at
                break
        time.sleep(0.05)
    assert arrived is not None, "the consented case never reached the doctor's list"
    assert arrived - started < 2.0, f"the case appeared after {arrived - started:.2f} s"
    # the doctor opens the case: the photos come decrypted from the host (cleaned copies of the imports)
    opened = doctor("call", op="nettest.case_photos", request=enc(OrderRef(clinic.order_id)))
    assert opened["ok"], opened
    assert len(wire.decode(opened["result"]).photos) == len(clinic.photo_bytes)
    # the audit log on the host records which workstation opened it
    where = doctor("call", op="nettest.workstation_of_last", request=enc(Label("case.opened")))
    station = doctor("call", op="nettest.workstation_of_last", request=enc(Label("network.signin")))
    assert where["ok"] and where["result"].startswith("ws-") and where["result"] == station["result"]
    delivered = doctor("call", op="nettest.deliver", request=enc(OrderRef(clinic.order_id)))
    assert delivered["ok"] and delivered["result"] == "delivered", delivered
    status = reception("call", op="nettest.order_status", request=enc(OrderRef(clinic.order_id)))
    assert status["result"] == "delivered"


def test_a_revoked_workstation_is_refused_at_once(clinic: Clinic, host: HostProcess, agents: Any) -> None:
    manager = paired(agents, host, "office")
    doctor = paired(agents, host, "doctor-room-2")
    signed_in(manager, "admin")
    signed_in(doctor, "doctor")
    stations = manager("workstations")["workstations"]
    target = next(s for s in stations if s["name"] == "doctor-room-2")
    assert doctor("call", op="nettest.cases", request=None)["ok"]
    assert manager("revoke", workstation=target["id"])["ok"]
    refused = doctor("call", op="nettest.cases", request=None)
    assert (refused["ok"], refused["code"]) == (False, "network.revoked")
    again = doctor("signin", user="doctor", password=PASSWORD)
    assert (again["ok"], again["code"]) == (False, "network.revoked")
    # a revocation at the host's console (another process) applies as fast, and ends the open events stream
    reception = paired(agents, host, "reception-1")
    signed_in(reception, "reception")
    assert reception("watch")["ok"]
    time.sleep(1.0)
    station_id = next(s["id"] for s in manager("workstations")["workstations"] if s["name"] == "reception-1")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "maya_desktop",
            "network",
            "revoke",
            "--data-dir",
            str(host.data_dir),
            "--username",
            "admin",
            "--password",
            PASSWORD,
            station_id,
        ],
        env=child_env(),
        check=True,
        capture_output=True,
        timeout=120,
    )
    revoked_at = time.time()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not [s for t, s in reception("seen")["links"] if s == "revoked"]:
        time.sleep(0.1)
    assert [t for t, s in reception("seen")["links"] if s == "revoked" and t - revoked_at < 3]
    cut = reception("call", op="clients.search", request=enc(Search("")))
    assert (cut["ok"], cut["code"]) == (False, "network.revoked")
    # a non-manager may not administer the network, and the host keeps serving the others
    signed_in(manager, "reception")
    denied = manager("new_code", name="another")
    assert (denied["ok"], denied["type"]) == (False, "PermissionDenied")
    assert manager("call", op="clients.search", request=enc(Search("")))["ok"]


def test_a_pairing_code_works_once_and_a_wrong_code_pairs_nothing(
    clinic: Clinic, host: HostProcess, agents: Any
) -> None:
    code = console_code(host.data_dir, "reception-1")
    first = agents("one")
    assert first("pair", host=host.address, code=code)["ok"]
    second = agents("two")
    reused = second("pair", host=host.address, code=code)
    assert (reused["ok"], reused["code"]) == (False, "network.pairing_failed")
    wrong = second("pair", host=host.address, code="AAAA-BBBB-CCCC")
    assert (wrong["ok"], wrong["code"]) == (False, "network.pairing_failed")
    # not paired: refused before anything is read
    unpaired = second("signin", user="admin", password=PASSWORD)
    assert (unpaired["ok"], unpaired["code"]) == (False, "network.not_paired")


def test_two_workstations_editing_one_order_the_second_gets_a_conflict(
    clinic: Clinic, host: HostProcess, agents: Any
) -> None:
    """Two reception desks have the same order open; the one who saves second is refused, nothing is lost."""
    desk_1 = paired(agents, host, "reception-1")
    desk_2 = paired(agents, host, "reception-2")
    signed_in(desk_1, "admin")  # unseal
    signed_in(desk_1, "reception")
    signed_in(desk_2, "admin")  # a manager at the second desk (may record consent and cancel too)
    ref = enc(OpenOrder(clinic.order_id))

    def opened(agent: Any) -> Any:
        answer = agent("call", op="orders.open", request=ref)
        assert answer["ok"], answer
        return wire.decode(answer["result"])

    seen_1, seen_2 = opened(desk_1), opened(desk_2)
    assert seen_1.order.version == seen_2.order.version and seen_1.order.status == Status.PAID
    # desk 1 records the client's consent; desk 2, still showing the paid order, cancels it
    first = desk_1(
        "call",
        op="orders.record_consent",
        request=enc(RecordConsent(clinic.order_id, seen_1.order.version, clinic.doctor_id, "verbal")),
    )
    assert first["ok"], first
    second = desk_2(
        "call", op="orders.cancel", request=enc(CancelOrder(clinic.order_id, seen_2.order.version, "client left"))
    )
    assert (second["ok"], second["code"], second["type"]) == (False, "orders.conflict", "StateError")
    assert "nothing was saved" in second["en"]  # said plainly, in the person's language on the screen
    after = opened(desk_2)  # the screen reloads: desk 1's consent stands, the order is not cancelled
    assert after.order.status == Status.CONSENTED and after.order.cancelled_at is None
    assert [row.consent.method for row in after.consents] == ["verbal"]
    assert after.order.version > seen_2.order.version

    # both desks now press at the same moment (two processes, requests on the wire together): exactly one wins
    version = after.order.version
    desk_1.send("call", op="orders.revoke_consent", request=enc(OrderChange(clinic.order_id, version)))
    desk_2.send("call", op="orders.cancel", request=enc(CancelOrder(clinic.order_id, version, "client left")))
    revoked, cancelled = desk_1.receive(), desk_2.receive()
    assert sorted([revoked["ok"], cancelled["ok"]]) == [False, True], (revoked, cancelled)
    loser = revoked if not revoked["ok"] else cancelled
    assert loser["code"] == "orders.conflict", loser
    final = opened(desk_1)
    if revoked["ok"]:
        assert final.order.status == Status.PAID and final.order.cancelled_at is None
    else:
        # cancelled (and its files destroyed at once): the revocation did not run before or after it
        assert final.order.status in (Status.CANCELLED, Status.DESTROYED) and final.order.cancelled_at is not None
        assert final.order.consented_at is not None
