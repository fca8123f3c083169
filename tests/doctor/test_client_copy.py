"""P7: the client can take their photos and report; only someone allowed to see them can export, audited.

The copy appears whole, as one new folder, or not at all (core.export_staging, shared with the court export).
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from maya_desktop.core import audit, photos
from maya_desktop.core.errors import MayaError, PermissionDenied, ValidationError
from maya_desktop.core.orders import client_copy
from maya_desktop.core.orders.client_copy import export_client_copy

PHOTOS = ["photo-01-frontal.jpg", "photo-02-profile_left.jpg"]


def _actions(clinic, case: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The order's audit actions, oldest first."""
    return [e.action for e in reversed(audit.entries(clinic.admin.conn, object_ref=f"order:{case}"))]


def _everything(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*"))


def test_consented_doctor_exports_the_photos_byte_for_byte(clinic, case, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    written = export_client_copy(clinic.doctor, case, usb)
    folder = usb / f"maya-client-copy-{case}"
    assert [p.name for p in written] == PHOTOS and all(p.parent == folder for p in written)
    assert [p.name for p in usb.iterdir()] == [folder.name]  # one new folder, nothing else
    assert sorted(p.name for p in folder.iterdir()) == PHOTOS
    infos = photos.list_photos(clinic.doctor, case)
    assert written[0].read_bytes() == photos.open_photo(clinic.doctor, infos[0].id)
    assert written[0].read_bytes()[:3] == b"\xff\xd8\xff"
    again = export_client_copy(clinic.doctor, case, usb)
    assert again[0] == usb / f"maya-client-copy-{case}-2" / PHOTOS[0]  # nothing on the medium is overwritten
    assert sorted(p.name for p in usb.iterdir()) == [folder.name, f"{folder.name}-2"]
    actions = _actions(clinic, case)
    assert actions.count("order.client_copy_exported") == 2 and actions.count("order.client_copy_started") == 2
    assert "order.client_copy_failed" not in actions
    started = next(e for e in audit.entries(clinic.admin.conn) if e.action == "order.client_copy_started")
    assert started.details.keys() == {"staging"} and started.details["staging"].startswith(".maya-partial-")
    exported = audit.entries(clinic.admin.conn, limit=1)[0]
    assert (exported.action, exported.details) == ("order.client_copy_exported", {"files": 2})


def test_reception_cannot_export_after_import_and_nothing_is_written(clinic, case, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(PermissionDenied):
        export_client_copy(clinic.reception, case, usb)
    assert list(usb.iterdir()) == []
    denied = audit.entries(clinic.admin.conn, limit=1)[0]
    assert denied.action == "order.file_access_denied" and denied.details["what"] == "client_copy"
    assert "order.client_copy_started" not in _actions(clinic, case)  # refused before anything was made


def test_export_into_the_data_folder_is_refused(clinic, case, data_dir):
    with pytest.raises(ValidationError):
        export_client_copy(clinic.doctor, case, data_dir / "photos")


def test_the_start_is_committed_before_anything_is_decrypted(clinic, case, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    real_open = client_copy.open_photo
    seen: list[str] = []

    def opening(session, photo_id):  # type: ignore[no-untyped-def]
        if not seen:
            seen.append(audit.entries(clinic.admin.conn, limit=1)[0].action)
            assert not clinic.doctor.conn.in_transaction  # committed, not merely written
            assert [p.name[:14] for p in usb.iterdir()] == [".maya-partial-"]  # writing goes there
        return real_open(session, photo_id)

    monkeypatch.setattr(client_copy, "open_photo", opening)
    export_client_copy(clinic.doctor, case, usb)
    assert seen == ["order.client_copy_started"]


def _disk_full_on_the_second_file(monkeypatch):  # type: ignore[no-untyped-def]
    real_write = client_copy.write_new_file

    def writing(path, data):  # type: ignore[no-untyped-def]
        if path.name != PHOTOS[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(client_copy, "write_new_file", writing)
    return OSError


def _second_photo_refused(monkeypatch):  # type: ignore[no-untyped-def]
    real_open = client_copy.open_photo
    calls: list[int] = []

    def opening(session, photo_id):  # type: ignore[no-untyped-def]
        calls.append(photo_id)
        if len(calls) == 2:
            raise PermissionDenied("refused", "رد شد")
        return real_open(session, photo_id)

    monkeypatch.setattr(client_copy, "open_photo", opening)
    return PermissionDenied


@pytest.mark.parametrize("failure", [_disk_full_on_the_second_file, _second_photo_refused])
def test_a_failure_after_the_first_photo_leaves_nothing_and_is_audited(
    clinic, case, tmp_path, monkeypatch, systmp, failure
):
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "keep.txt").write_text("the client's own file")
    raised = failure(monkeypatch)
    with pytest.raises(raised):
        export_client_copy(clinic.doctor, case, usb)
    monkeypatch.undo()
    assert _everything(usb) == [Path("keep.txt")]  # no plaintext, no partial folder
    assert (usb / "keep.txt").read_text() == "the client's own file"
    assert list(systmp.rglob("*")) == []
    actions = _actions(clinic, case)
    start = actions.index("order.client_copy_started")
    assert "photo.opened" in actions[start:]  # the first photo really was decrypted
    assert actions[-1] == "order.client_copy_failed" and "order.client_copy_exported" not in actions
    failed, started = (
        next(e for e in audit.entries(clinic.admin.conn) if e.action == a)
        for a in ("order.client_copy_failed", "order.client_copy_started")
    )
    assert failed.details == {"staging": started.details["staging"], "partial_removed": True}
    assert audit.verify(clinic.admin.conn).ok


def test_a_failed_commit_takes_the_published_folder_back(clinic, case, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    real_transaction = client_copy.transaction

    class failing_commit(real_transaction):  # type: ignore[misc, valid-type]
        def __exit__(self, exc_type, exc, tb):  # type: ignore[no-untyped-def]
            if exc_type is None and (usb / f"maya-client-copy-{case}").is_dir():
                self.conn.execute("ROLLBACK")
                raise OSError("disk full at commit")
            return super().__exit__(exc_type, exc, tb)

    monkeypatch.setattr(client_copy, "transaction", failing_commit)
    with pytest.raises(OSError, match="at commit"):
        export_client_copy(clinic.doctor, case, usb)
    monkeypatch.undo()
    assert list(usb.iterdir()) == []
    actions = _actions(clinic, case)
    assert actions[-1] == "order.client_copy_failed" and "order.client_copy_exported" not in actions
    assert export_client_copy(clinic.doctor, case, usb)[0].parent.name == f"maya-client-copy-{case}"


def test_a_partial_folder_that_cannot_be_removed_is_named_in_the_error(clinic, case, tmp_path, monkeypatch):
    from maya_desktop.core import export_staging

    usb = tmp_path / "usb"
    usb.mkdir()
    _second_photo_refused(monkeypatch)

    def stuck(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("device busy")

    monkeypatch.setattr(export_staging.shutil, "rmtree", stuck)
    with pytest.raises(MayaError) as raised:
        export_client_copy(clinic.doctor, case, usb)
    monkeypatch.undo()
    (left,) = usb.iterdir()
    assert left.name.startswith(".maya-partial-") and str(left) in raised.value.message_fa
    assert str(left) in raised.value.message_en
    failed = audit.entries(clinic.admin.conn, limit=1)[0]
    assert failed.action == "order.client_copy_failed" and failed.details["partial_removed"] is False
    export_client_copy(clinic.doctor, case, usb)  # the next export removes it
    assert [p.name for p in usb.iterdir()] == [f"maya-client-copy-{case}"]


def test_a_crashed_attempts_partial_folder_is_swept_by_the_next_export(clinic, case, tmp_path, systmp):
    usb = tmp_path / "usb"
    usb.mkdir()
    crashed = usb / ".maya-partial-0123456789abcdef"  # a power cut mid-copy left this one
    crashed.mkdir()
    (crashed / "photo-01-frontal.jpg").write_bytes(b"decrypted leftovers")
    unrelated = usb / ".maya-partial-notours"
    unrelated.mkdir()
    written = export_client_copy(clinic.doctor, case, usb)
    assert not crashed.exists() and unrelated.exists()
    assert sorted(p.name for p in usb.iterdir()) == sorted([unrelated.name, f"maya-client-copy-{case}"])
    assert [p.name for p in written] == PHOTOS
    swept = next(e for e in audit.entries(clinic.admin.conn) if e.action == "order.client_copy_partial_removed")
    assert swept.object_ref == f"order:{case}" and swept.details == {"folders": [crashed.name]}
    assert list(systmp.rglob("*")) == []  # and never the system temp folder


def test_viewer_button_writes_the_client_copy(qtbot, clinic, case, tmp_path):
    from maya_desktop.gui.doctor.cases_page import CasesPage

    page = CasesPage(clinic.doctor)
    qtbot.addWidget(page)
    assert page.open_order(case)
    viewer = page.viewer
    assert viewer.copy_button.isEnabled()
    usb = tmp_path / "usb"
    usb.mkdir()
    viewer.export_client_copy(str(usb))
    (folder,) = usb.iterdir()
    assert folder.name == f"maya-client-copy-{case}" and len(list(folder.iterdir())) == 2
    assert "۲" in viewer.status.text()
    page.close_viewer()


def test_the_client_copy_shows_in_the_clients_access_report(clinic, case, tmp_path):
    """P7 + transparency: the client's own access report says when their copy was handed over."""
    from maya_desktop.core.access_log import client_access_report
    from maya_desktop.core.orders.model import load_order

    export_client_copy(clinic.doctor, case, tmp_path)
    report = client_access_report(clinic.admin, load_order(clinic.admin.conn, case).client_id)
    handed = [e for e in report.events if e.action == "order.client_copy_exported"]
    assert len(handed) == 1 and handed[0].what_en == "Client copy handed over" and handed[0].kind == "access"
