"""P7: the client can take their photos and report; only someone allowed to see them can export, audited."""

from __future__ import annotations

import pytest

from maya_desktop.core import audit, photos
from maya_desktop.core.errors import PermissionDenied, ValidationError
from maya_desktop.core.orders.client_copy import export_client_copy


def test_consented_doctor_exports_the_photos_byte_for_byte(clinic, case, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    written = export_client_copy(clinic.doctor, case, usb)
    assert [p.name for p in written] == ["photo-01-frontal.jpg", "photo-02-profile_left.jpg"]
    infos = photos.list_photos(clinic.doctor, case)
    assert written[0].read_bytes() == photos.open_photo(clinic.doctor, infos[0].id)
    assert written[0].read_bytes()[:3] == b"\xff\xd8\xff"
    again = export_client_copy(clinic.doctor, case, usb)
    assert again[0].name == "photo-01-frontal-2.jpg"  # nothing on the client's medium is overwritten
    actions = [e.action for e in audit.entries(clinic.admin.conn, object_ref=f"order:{case}")]
    assert actions.count("order.client_copy_exported") == 2


def test_reception_cannot_export_after_import_and_nothing_is_written(clinic, case, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(PermissionDenied):
        export_client_copy(clinic.reception, case, usb)
    assert list(usb.iterdir()) == []


def test_export_into_the_data_folder_is_refused(clinic, case, data_dir):
    with pytest.raises(ValidationError):
        export_client_copy(clinic.doctor, case, data_dir / "photos")


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
    assert len(list(usb.iterdir())) == 2 and "۲" in viewer.status.text()
    page.close_viewer()
