"""Order states, services and the transition table (DESIGN §5). Pure data: no database, no Qt.

The table is the single source of truth: `lifecycle.advance` enforces it and the state-machine
test walks it for every action x role x state.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Service(StrEnum):
    RHINOPLASTY_ANALYSIS = "rhinoplasty_analysis"
    CONFIDENTIAL_DOCUMENT = "confidential_document"


class Status(StrEnum):
    DRAFT = "draft"
    PHOTOS_IMPORTED = "photos_imported"  # for documents: "files imported"
    ANALYZED = "analyzed"
    QUOTED = "quoted"
    PAID = "paid"
    CONSENTED = "consented"
    IN_REVIEW = "in_review"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    DESTROYED = "destroyed"


class Action(StrEnum):
    IMPORT_FILES = "import_files"
    COMPLETE_ANALYSIS = "complete_analysis"
    QUOTE = "quote"
    PAY = "pay"
    CONSENT = "consent"
    REVOKE_CONSENT = "revoke_consent"
    START_REVIEW = "start_review"
    DELIVER = "deliver"
    CANCEL = "cancel"
    EXPIRE = "expire"
    PURGE = "purge"  # destruction by a rule: retention after delivery, cancelled, expired
    DESTROY = "destroy"  # destruction on request (client asked, client erased)


S = Status
# States in which the order still holds personal files (everything except the three end states).
LIVE_STATES: frozenset[Status] = frozenset(
    {S.DRAFT, S.PHOTOS_IMPORTED, S.ANALYZED, S.QUOTED, S.PAID, S.CONSENTED, S.IN_REVIEW, S.DELIVERED}
)
# States in which a doctor with live consent may see the order.
DOCTOR_VISIBLE_STATES: frozenset[Status] = frozenset({S.CONSENTED, S.IN_REVIEW, S.DELIVERED})
# "During import": reception may still look at what it imported (to confirm views).
IMPORT_PHASE_STATES: frozenset[Status] = frozenset({S.DRAFT, S.PHOTOS_IMPORTED})


@dataclass(frozen=True)
class Rule:
    sources: frozenset[Status]
    target: Status
    permission: str
    needs_consent: bool = False  # a doctor acting must hold live consent for this order


TRANSITIONS: dict[Action, Rule] = {
    Action.IMPORT_FILES: Rule(frozenset({S.DRAFT, S.PHOTOS_IMPORTED}), S.PHOTOS_IMPORTED, "photos.import"),
    Action.COMPLETE_ANALYSIS: Rule(frozenset({S.PHOTOS_IMPORTED}), S.ANALYZED, "photos.import"),
    Action.QUOTE: Rule(frozenset({S.ANALYZED, S.QUOTED}), S.QUOTED, "orders.write"),
    Action.PAY: Rule(frozenset({S.QUOTED}), S.PAID, "orders.write"),
    Action.CONSENT: Rule(frozenset({S.PAID}), S.CONSENTED, "consent.record"),
    Action.REVOKE_CONSENT: Rule(frozenset({S.CONSENTED}), S.PAID, "consent.record"),
    Action.START_REVIEW: Rule(frozenset({S.CONSENTED}), S.IN_REVIEW, "orders.review", needs_consent=True),
    Action.DELIVER: Rule(frozenset({S.IN_REVIEW}), S.DELIVERED, "orders.deliver", needs_consent=True),
    Action.CANCEL: Rule(LIVE_STATES - {S.DELIVERED}, S.CANCELLED, "orders.write"),
    Action.EXPIRE: Rule(frozenset({S.QUOTED}), S.EXPIRED, "orders.purge"),
    Action.PURGE: Rule(frozenset({S.DELIVERED, S.CANCELLED, S.EXPIRED}), S.DESTROYED, "orders.purge"),
    Action.DESTROY: Rule(LIVE_STATES | {S.CANCELLED, S.EXPIRED}, S.DESTROYED, "orders.destroy"),
}

STATUS_LABELS_FA: dict[Status, str] = {
    S.DRAFT: "پیش‌نویس",
    S.PHOTOS_IMPORTED: "فایل‌ها وارد شد",
    S.ANALYZED: "تحلیل شد",
    S.QUOTED: "قیمت اعلام شد",
    S.PAID: "پرداخت شد",
    S.CONSENTED: "رضایت ثبت شد",
    S.IN_REVIEW: "در بررسی پزشک",
    S.DELIVERED: "تحویل شد",
    S.CANCELLED: "لغو شد",
    S.EXPIRED: "منقضی شد",
    S.DESTROYED: "حذف شد",
}

VIEWS: tuple[str, ...] = ("frontal", "profile_left", "profile_right", "oblique_left", "oblique_right", "base")
# The analysis engine names the same views "left_profile" etc. (core.analysis.pose.VIEWS).
ORDER_TO_ANALYSIS_VIEW: dict[str, str] = {
    "frontal": "frontal",
    "profile_left": "left_profile",
    "profile_right": "right_profile",
    "oblique_left": "left_oblique",
    "oblique_right": "right_oblique",
    "base": "base",
}
ANALYSIS_TO_ORDER_VIEW: dict[str, str] = {engine: order for order, engine in ORDER_TO_ANALYSIS_VIEW.items()}
VIEW_LABELS_FA: dict[str, str] = {
    "frontal": "روبه‌رو",
    "profile_left": "نیم‌رخ چپ",
    "profile_right": "نیم‌رخ راست",
    "oblique_left": "مایل چپ",
    "oblique_right": "مایل راست",
    "base": "از زیر (قاعدهٔ بینی)",
}
