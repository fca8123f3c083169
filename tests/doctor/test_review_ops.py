"""The viewer's operations (core/operations/review.py, reports.collect) on the database thread: a consented case
moves into review with the first change, a receptionist is refused, the printed report's data (photos decoded
into QImages) is read off the GUI thread."""

from __future__ import annotations

import pytest

from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.operations import OperationExecutor
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.operations.review import SaveFindings
from maya_desktop.core.orders.findings import Findings
from maya_desktop.core.orders.states import Status
from maya_desktop.reports.operations import CollectReport
from tests.doctor.conftest import make_case


def test_review_operations_and_the_report_data_off_the_gui_thread(qtbot, clinic, faces) -> None:
    order_id = make_case(clinic, faces)
    doctor, desk = OperationExecutor(clinic.doctor), OperationExecutor(clinic.reception)
    try:
        assert doctor.call("review.status", OrderRef(order_id)) == Status.CONSENTED
        assert len(doctor.call("review.photos", OrderRef(order_id))) == 2
        typed = Findings(free_text="انحراف خفیف تیغه")
        saved = doctor.call("review.save_findings", SaveFindings(order_id, typed))
        assert saved.free_text == "انحراف خفیف تیغه"
        assert doctor.call("review.status", OrderRef(order_id)) == Status.IN_REVIEW  # moved into review
        assert doctor.call("review.findings", OrderRef(order_id)).free_text == "انحراف خفیف تیغه"
        with pytest.raises(PermissionDenied):
            desk.call("review.save_findings", SaveFindings(order_id, typed))
        report = doctor.call("reports.collect", CollectReport(order_id))
        assert [p.view for p in report.photos] and all(not p.image.isNull() for p in report.photos)
        assert report.findings.free_text == "انحراف خفیف تیغه"
    finally:
        doctor.shutdown()
        desk.shutdown()
