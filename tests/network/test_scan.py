"""After a doctor's whole session on a workstation, its data, temp and cache folders hold nothing of a client."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from maya_desktop.core.operations import wire
from maya_desktop.core.operations.catalogue import OrderRef
from tests.helpers_scan import scan_files
from tests.network.conftest import CLIENT, Clinic, HostProcess, paired
from tests.network.test_clinic_network import signed_in
from tests.network.wire_ops import Consent


def test_a_doctors_session_leaves_no_personal_value_or_image_on_the_workstation(
    clinic: Clinic, host: HostProcess, agents: Any
) -> None:
    reception = paired(agents, host, "reception-1")
    signed_in(reception, "admin")
    signed_in(reception, "reception")
    doctor = paired(agents, host, "doctor-room-2")
    signed_in(doctor, "doctor")
    assert doctor("watch", refresh="nettest.cases")["ok"]
    assert reception(
        "call", op="nettest.record_consent", request=wire.encode(Consent(clinic.order_id, clinic.doctor_id))
    )["ok"]
    listed = wire.decode(doctor("call", op="nettest.cases", request=None)["result"])
    assert [case.client_name for case in listed] == [f"{CLIENT[0]} {CLIENT[1]}"]  # the doctor did see the name
    opened = doctor("call", op="nettest.case_photos", request=wire.encode(OrderRef(clinic.order_id)))
    received = wire.decode(opened["result"]).photos
    assert received and all(len(photo) > 10_000 for photo in received)  # and the photos, decrypted
    assert doctor("lock")["ok"]
    assert doctor("signout")["ok"]
    doctor.close()
    home: Path = doctor.home  # HOME, TMPDIR, XDG cache/data/config of the workstation process, its pairing
    assert (home / "config" / "maya-network" / "host.json").exists()
    report = scan_files([home], values=CLIENT, photos=(*clinic.photo_bytes, *received))
    assert report.files >= 4
    assert report.hits == [], report.hits
    # the scan does find what it looks for
    (home / "tmp" / "planted-name").write_bytes(CLIENT[1].encode("utf-16-le"))
    (home / "cache" / "planted-photo").write_bytes(received[0][len(received[0]) // 3 :][:40_000])
    assert len(scan_files([home], values=CLIENT, photos=received).hits) == 2
