"""Test factories: walk an order through the real core API up to a state (issue 13).

One walk for every suite (robustness, notices, the doctor's workstation, legal requests...), so a change in
how an order moves is made in one place. Every step is the real operation a person takes (reception imports,
confirms the views, quotes, records the payment and the consent; the doctor reviews, writes and delivers):
nothing is forced into the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from maya_desktop.core import photos
from maya_desktop.core.orders import consent, delivery, documents, payments, quotes, records
from maya_desktop.core.orders.states import Status
from maya_desktop.core.session import Session

STEPS = (
    Status.PHOTOS_IMPORTED,
    Status.ANALYZED,
    Status.QUOTED,
    Status.PAID,
    Status.CONSENTED,
    Status.IN_REVIEW,
    Status.DELIVERED,
)
VIEWS = ("frontal", "profile_left", "profile_right", "oblique_left")
DOCUMENT_TEXT = "یک متن محرمانه برای ترجمه"
REPORT = "Findings: dorsal hump, wide alar base."
GATEWAY, GATEWAY_REF = "درگاه سامان", "987654321"


def walk_order(
    reception: Session,
    doctor: Session,
    client_id: int,
    target: Status,
    photo_bytes: Sequence[bytes] = (),
    *,
    notes: str | None = None,
    **options: Any,
) -> int:
    """Create an order (of `options["service"]`, a rhinoplasty analysis by default) and walk it up to
    `target`, each step by `walk_step` with `options`. Returns its id."""
    order_id = records.create_order(reception, client_id, options.get("service", "rhinoplasty_analysis"), notes).id
    for step in STEPS[: STEPS.index(target) + 1] if target in STEPS else ():  # a draft takes no step
        walk_step(reception, doctor, order_id, step, photo_bytes, **options)
    return order_id


def walk_step(
    reception: Session,
    doctor: Session,
    order_id: int,
    step: Status,
    photo_bytes: Sequence[bytes] = (),
    *,
    service: str = "rhinoplasty_analysis",
    views: Sequence[str] = VIEWS,
    analysis: bool = False,
    consent_form: bytes | None = None,
    report: str = REPORT,
) -> None:
    """Take the one step that moves the order into `step`. A rhinoplasty order imports `photo_bytes` (analysed
    when `analysis`) and confirms them as `views` in turn; a confidential document imports `DOCUMENT_TEXT`."""
    document = service == "confidential_document"
    if step == Status.PHOTOS_IMPORTED:
        if document:
            documents.import_document(reception, order_id, DOCUMENT_TEXT.encode())
        for data in photo_bytes if not document else ():
            photos.import_photo(reception, order_id, data, run_analysis=analysis)
    elif step == Status.ANALYZED:
        if not document:
            infos = photos.list_photos(reception, order_id)
            photos.confirm_views(reception, order_id, {p.id: views[i % len(views)] for i, p in enumerate(infos)})
        photos.complete_analysis(reception, order_id)
    elif step == Status.QUOTED:
        quotes.issue_quote(reception, order_id)
    elif step == Status.PAID:
        price = records.get_order(reception, order_id).price_rial
        payments.record_payment(reception, order_id, GATEWAY, GATEWAY_REF, price)
    elif step == Status.CONSENTED:
        method = "signed_form" if consent_form else "verbal"  # a signed form only with the form (issue 15)
        consent.record_consent(reception, order_id, doctor.staff.id, method, consent_form)
    elif step == Status.IN_REVIEW:
        delivery.start_review(doctor, order_id)
    elif step == Status.DELIVERED:
        delivery.write_report(doctor, order_id, report)
        delivery.deliver(doctor, order_id)
