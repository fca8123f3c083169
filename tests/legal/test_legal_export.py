"""The scoped export (P12): exactly the approved scope, decrypted, hashed, never outside the chosen folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from maya_desktop.core import audit
from maya_desktop.core.errors import MayaError, NotFound, ValidationError
from maya_desktop.core.legal import export as export_mod
from maya_desktop.core.legal.export import export_request
from maya_desktop.core.legal.requests import get_request
from maya_desktop.core.validation import format_mobile_display
from tests.helpers_scan import photo_samples
from tests.legal.conftest import B_NOTES, CASE, CONSENT_FORM, COURT, DOCUMENT_TEXT, REPORT_PDF, World, approved


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _personal(client) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        client.first_name,
        client.last_name,
        client.mobile,
        client.mobile.replace("+98", "0"),
        format_mobile_display(client.mobile, "en"),
        format_mobile_display(client.mobile, "fa"),
        client.email or "",
    ]


def _hits(files: dict[str, bytes], needles: list[str] = (), samples: list[bytes] = ()) -> list[str]:  # type: ignore[assignment]
    found = []
    for name, data in files.items():
        for needle in needles:
            for encoded in (needle.encode("utf-8"), needle.encode("utf-16-le")):
                if needle and encoded in data:
                    found.append(f"{name}: {needle!r}")
        found += [f"{name}: image bytes" for s in samples if s in data]
    return found


def test_export_holds_exactly_the_approved_scope(world: World, usb: Path):
    """Photos of one order only: no identity, no report, no document, no other order, nothing of client B."""
    request = approved(world.admin, world, kinds=("photos",), orders=(world.delivered,))
    result = export_request(world.admin, request.id, usb)
    assert result.folder == usb / "maya-legal-request-0001" and [p.name for p in usb.iterdir()] == [result.folder.name]
    files = _files(result.folder)
    folder = f"order-{world.delivered}"
    assert sorted(files) == sorted(
        [
            f"{folder}/photo-01-frontal.jpg",
            f"{folder}/photo-02-profile_left.jpg",
            "manifest.json",
            "cover-sheet.txt",
            "SHA256SUMS.txt",
        ]
    )
    assert [files[f"{folder}/photo-01-frontal.jpg"], files[f"{folder}/photo-02-profile_left.jpg"]] == world.a_photos
    # nothing outside the scope: not A's identity, report, consent form, document; nothing of B at all
    leaks = _hits(
        files,
        [*_personal(world.a), *_personal(world.b), DOCUMENT_TEXT, B_NOTES, "قوز استخوانی", "مشتری صبح‌ها"],
        [s for p in world.b_photos for s in photo_samples(p)] + [CONSENT_FORM, REPORT_PDF],
    )
    assert not leaks, leaks
    manifest = json.loads(files["manifest.json"])
    assert set(manifest) == {"format", "درخواست (request)", "مشتری (client)", "فایل‌ها (files)"}
    assert manifest["مشتری (client)"] == {"شمارهٔ مشتری (client_number)": world.a.id}
    assert result.orders == (world.delivered,) and result.destroyed_orders == ()
    entries = audit.entries(world.admin.conn, limit=50)
    order_entries = [e for e in entries if e.action == "legal.order_exported"]
    assert [e.object_ref for e in order_entries] == [f"order:{world.delivered}"]
    assert order_entries[0].details == {
        "request": request.id,
        "basis": "legal",
        "destroyed": False,
        "kinds": ["photos"],
        "files": 2,
    }


def test_full_scope_export_with_destroyed_order_and_hashes(world: World, usb: Path):
    request = approved(world.admin, world, kinds=("identity", "orders", "photos", "reports", "documents", "history"))
    result = export_request(world.admin, request.id, usb)
    files = _files(result.folder)
    d, doc = f"order-{world.delivered}", f"order-{world.document}"
    assert sorted(files) == sorted(
        [
            f"{d}/photo-01-frontal.jpg",
            f"{d}/photo-02-profile_left.jpg",
            f"{d}/report-findings.json",
            f"{d}/report-signed.pdf",
            f"{d}/consent-form-01.pdf",
            f"{doc}/document-01.txt",
            "manifest.json",
            "cover-sheet.txt",
            "SHA256SUMS.txt",
        ]
    )
    assert not any(name.startswith(f"order-{world.destroyed}/") for name in files)  # its data no longer exists
    assert files[f"{d}/report-signed.pdf"] == REPORT_PDF and files[f"{d}/consent-form-01.pdf"] == CONSENT_FORM
    assert files[f"{doc}/document-01.txt"].decode() == DOCUMENT_TEXT
    assert "قوز استخوانی" in files[f"{d}/report-findings.json"].decode()
    # client B: not a name, a number, an address, a note or a pixel
    leaks = _hits(files, [*_personal(world.b), B_NOTES], [s for p in world.b_photos for s in photo_samples(p)])
    assert not leaks, leaks

    manifest = json.loads(files["manifest.json"])
    client = manifest["مشتری (client)"]
    assert client["نام (first_name)"] == "ترانه" and client["ایمیل (email)"] == "taraneh.shayegan@example.com"
    assert {o["شمارهٔ سفارش (order_number)"] for o in manifest["سفارش‌ها (orders)"]} == {
        world.delivered,
        world.destroyed,
        world.document,
    }
    destroyed = manifest["سفارش‌های نابودشده (destroyed_orders)"]
    assert [e["شمارهٔ سفارش (order_number)"] for e in destroyed] == [world.destroyed]
    receipt = next(
        e.details["receipt"]
        for e in audit.entries(world.admin.conn, object_ref=f"order:{world.destroyed}")
        if e.action == "order.destroy"
    )
    assert destroyed[0]["رسید نابودی (deletion_receipt)"] == receipt and receipt["key_id"]
    history = manifest["سابقهٔ رضایت و دسترسی (consent_and_access_history)"]
    assert len(history["رضایت‌ها (consents)"]) == 1
    assert any("مشاهدهٔ عکس" in e["رویداد (event)"] for e in history["دسترسی‌ها (access_events)"])

    # every file's SHA-256: in SHA256SUMS.txt (sha256sum -c format), the cover sheet and the database
    sums = dict(reversed(line.split("  ", 1)) for line in files["SHA256SUMS.txt"].decode().splitlines())
    assert set(sums) == set(files) - {"SHA256SUMS.txt"}
    for name, digest in sums.items():
        assert hashlib.sha256(files[name]).hexdigest() == digest, name
    cover = files["cover-sheet.txt"].decode()
    for name, digest in sums.items():
        if name != "cover-sheet.txt":
            assert f"{digest}  {name}" in cover
    assert COURT in cover and CASE in cover and "مدیر نمایشی" in cover and "self-approved" in cover
    sums_digest = hashlib.sha256(files["SHA256SUMS.txt"]).hexdigest()
    stored = get_request(world.admin, request.id)
    assert stored.state == "exported" and stored.export_sha256 == sums_digest == result.sums_sha256
    assert stored.export_files == len(files)
    exported = next(
        e for e in audit.entries(world.admin.conn, object_ref=f"client:{world.a.id}") if e.action == "legal.exported"
    )
    assert exported.details["sums_sha256"] == sums_digest and exported.details["destroyed"] == 1
    assert COURT not in json.dumps(exported.details, ensure_ascii=False)  # ids and hashes only
    by_order = {
        e.object_ref: e.details
        for e in audit.entries(world.admin.conn, limit=100)
        if e.action == "legal.order_exported"
    }
    assert set(by_order) == {f"order:{i}" for i in (world.delivered, world.destroyed, world.document)}
    assert by_order[f"order:{world.destroyed}"]["destroyed"] is True
    assert audit.verify(world.admin.conn).ok


def test_identity_only_touches_no_order(world: World, usb: Path):
    request = approved(world.admin, world, kinds=("identity",))
    result = export_request(world.admin, request.id, usb)
    files = _files(result.folder)
    assert sorted(files) == ["SHA256SUMS.txt", "cover-sheet.txt", "manifest.json"]
    assert "ترانه شایگان" in files["cover-sheet.txt"].decode()
    assert json.loads(files["manifest.json"])["مشتری (client)"]["نام خانوادگی (last_name)"] == "شایگان"
    assert not _hits(files, [*_personal(world.b), "مشتری صبح‌ها"])  # not even A's order notes
    assert result.orders == () and not any(
        e.action == "legal.order_exported" for e in audit.entries(world.admin.conn, limit=30)
    )


def test_the_clients_access_report_lists_the_legal_export(world: World, usb: Path):
    from maya_desktop.core.access_log import client_access_report
    from maya_desktop.reports.access_report import access_report_html

    request = approved(world.admin, world, kinds=("photos", "history"), orders=(world.delivered,))
    export_request(world.admin, request.id, usb)
    report = client_access_report(world.admin, world.a.id)
    legal = [e for e in report.events if e.action.startswith("legal.")]
    assert [e.action for e in legal] == [
        "legal.recorded",
        "legal.approved",
        "legal.export_started",
        "legal.order_exported",
        "legal.exported",
    ]
    assert all(e.kind == "legal" and e.basis == "legal" and COURT in e.reason and CASE in e.reason for e in legal)
    exported = legal[-1]
    assert exported.what_fa == "تحویل اطلاعات به مرجع قضایی" and exported.what_en == "Data disclosed to the court"
    assert exported.display_name == "مدیر نمایشی" and exported.role == "مدیر"
    order_ref = world.admin.conn.execute("SELECT order_ref FROM orders WHERE id = ?", (world.delivered,)).fetchone()[0]
    assert legal[3].order_ref == order_ref
    html = access_report_html(report, "کلینیک")
    assert "تحویل اطلاعات به مرجع قضایی" in html and "درخواست قانونی" in html and COURT in html
    other = client_access_report(world.admin, world.b.id)
    assert not [e for e in other.events if e.kind == "legal"]  # B's report knows nothing of A's court case


def test_no_plaintext_in_the_system_temp_folder(world: World, usb: Path, systmp: Path):
    request = approved(world.admin, world, kinds=("identity", "orders", "photos", "reports", "documents", "history"))
    export_request(world.admin, request.id, usb)
    assert [p for p in systmp.rglob("*")] == []
    assert not [p for p in usb.rglob(".maya-partial-*")]  # and no leftovers beside the export


def _started_then_failed(world: World, request_id: int) -> None:
    """The last two audit entries: the export was started (before any decryption) and failed, cleaned up."""
    failed, started = audit.entries(world.admin.conn, limit=2)
    assert (started.action, failed.action) == ("legal.export_started", "legal.export_failed")
    assert started.details["request"] == failed.details["request"] == request_id
    assert started.details["staging"].startswith(".maya-partial-") and started.details.keys() == {"request", "staging"}
    assert failed.details == {"request": request_id, "staging": started.details["staging"], "partial_removed": True}


def test_never_overwrites_and_a_failure_leaves_nothing_behind(world: World, usb: Path, monkeypatch):
    taken = usb / "maya-legal-request-0001"
    taken.mkdir()
    (taken / "keep.txt").write_text("already here")
    first = approved(world.admin, world)
    assert export_request(world.admin, first.id, usb).folder.name == "maya-legal-request-0001-2"
    assert (taken / "keep.txt").read_text() == "already here" and sorted(p.name for p in taken.iterdir()) == [
        "keep.txt"
    ]
    before = sorted(p.relative_to(usb) for p in usb.rglob("*"))
    audit_count = audit.verify(world.admin.conn).count

    # 1. a damaged file half-way: nothing written, still approved; the attempt and its failure are audited
    second = approved(world.admin, world, kinds=("photos", "reports"))
    audit_count = audit.verify(world.admin.conn).count
    real_read = export_mod.blobstore.read_blob
    calls = []

    def damaged(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise FileNotFoundError("gone")
        return real_read(*args, **kwargs)

    monkeypatch.setattr(export_mod.blobstore, "read_blob", damaged)
    with pytest.raises(MayaError) as raised:
        export_request(world.admin, second.id, usb)
    assert "سفارش" in raised.value.message_fa
    monkeypatch.undo()
    assert sorted(p.relative_to(usb) for p in usb.rglob("*")) == before
    assert get_request(world.admin, second.id).state == "approved"
    assert audit.verify(world.admin.conn).count == audit_count + 2
    _started_then_failed(world, second.id)
    audit_count += 2

    # 2. the folder was published but the commit failed: the folder is taken back, nothing was committed
    class failing_commit:
        def __init__(self, conn):  # type: ignore[no-untyped-def]
            self.conn = conn

        def __enter__(self):  # type: ignore[no-untyped-def]
            self.conn.execute("BEGIN IMMEDIATE")
            return self.conn

        def __exit__(self, *exc):  # type: ignore[no-untyped-def]
            if not (usb / "maya-legal-request-0002").is_dir():  # export_started / export_failed: commit
                self.conn.execute("ROLLBACK" if exc[0] else "COMMIT")
                return False
            self.conn.execute("ROLLBACK")
            raise OSError("disk full at commit")

    monkeypatch.setattr(export_mod, "transaction", failing_commit)
    with pytest.raises(OSError):
        export_request(world.admin, second.id, usb)
    monkeypatch.undo()
    assert sorted(p.relative_to(usb) for p in usb.rglob("*")) == before
    assert get_request(world.admin, second.id).state == "approved"
    assert audit.verify(world.admin.conn).count == audit_count + 2
    _started_then_failed(world, second.id)

    assert export_request(world.admin, second.id, usb).folder.name == "maya-legal-request-0002"
    assert audit.verify(world.admin.conn).ok


def test_the_folder_must_exist_and_be_outside_the_data_folder(world: World, data_dir: Path, usb: Path):
    request = approved(world.admin, world)
    for folder in (data_dir, data_dir / "photos", usb / "missing"):
        with pytest.raises(ValidationError) as raised:
            export_request(world.admin, request.id, folder)
        assert raised.value.field == "folder"
    assert get_request(world.admin, request.id).state == "approved"
    with pytest.raises(NotFound):
        export_request(world.admin, request.id + 1, usb)


def test_a_photo_stored_with_an_orientation_is_exported_upright(world: World, usb: Path):
    """Issue 17: a turned phone JPEG is stored as coded with its EXIF orientation as a value: the court
    gets it turned upright, as the app shows it."""
    import io

    from PIL import Image

    from maya_desktop.core import photos

    first = photos.list_photos(world.admin, world.delivered)[0]
    world.admin.conn.execute("UPDATE photos SET orientation = 6 WHERE id = ?", (first.id,))  # "turn clockwise"
    request = approved(world.admin, world, kinds=("photos",), orders=(world.delivered,))
    files = _files(export_request(world.admin, request.id, usb).folder)
    exported = files[f"order-{world.delivered}/photo-01-frontal.jpg"]
    assert exported == photos.upright_jpeg(world.a_photos[0], 6) != world.a_photos[0]
    with Image.open(io.BytesIO(world.a_photos[0])) as stored, Image.open(io.BytesIO(exported)) as out:
        assert out.size == (stored.height, stored.width)
        assert not out.getexif()
