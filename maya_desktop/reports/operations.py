"""Operations that need the report renderer (Qt's PDF writer), so they live above core.

Registered with core.operations like the core's own; the GUI imports this module before using them.
"""

from __future__ import annotations

from dataclasses import dataclass

from maya_desktop.core.db import transaction
from maya_desktop.core.operations import operation
from maya_desktop.core.orders import delivery
from maya_desktop.core.orders import findings as findings_core
from maya_desktop.core.orders.findings import Findings
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.states import Status
from maya_desktop.core.session import Session


@dataclass(frozen=True)
class SignReport:
    order_id: int
    findings: Findings


@operation("reports.sign_and_store", changes={"order:{order_id}"})
def sign_and_store_report(session: Session, request: SignReport) -> Findings:
    """Sign the findings, render the clinical report and store it encrypted in the order: all or nothing."""
    from maya_desktop.reports.clinical_report import build_clinical_report

    session.require("orders.deliver")  # a refusal is audited outside the transaction below
    with transaction(session.conn):
        if load_order(session.conn, request.order_id).status == Status.CONSENTED:
            delivery.start_review(session, request.order_id)
        findings_core.sign_findings(session, request.order_id, request.findings)
        pdf = build_clinical_report(session, request.order_id)
        return findings_core.store_report_pdf(session, request.order_id, pdf)
