"""Signing the report is one operation: sign, render and store, all or nothing."""

from __future__ import annotations

import pytest

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.operations import OperationExecutor
from maya_desktop.core.orders.findings import Findings, load_findings, read_report_pdf
from maya_desktop.reports import clinical_report
from maya_desktop.reports.operations import SignReport


def test_sign_and_store_report_is_one_operation(clinic, case, monkeypatch) -> None:
    executor = OperationExecutor(clinic.doctor)
    findings = Findings(free_text="نوک بینی افتاده است.", procedures=["tip_plasty"])
    try:

        def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
            raise ValidationError("render failed", "ساخت گزارش ناموفق بود")

        with monkeypatch.context() as patched:
            patched.setattr(clinical_report, "build_clinical_report", broken)
            with pytest.raises(ValidationError):
                executor.call("reports.sign_and_store", SignReport(case, findings))
        assert load_findings(clinic.doctor, case).signature is None  # nothing half-done: not signed

        signed = executor.call("reports.sign_and_store", SignReport(case, findings))
    finally:
        executor.shutdown()
    assert signed.signature is not None and signed.pdf_file_id
    assert read_report_pdf(clinic.doctor, case).startswith(b"%PDF-")
