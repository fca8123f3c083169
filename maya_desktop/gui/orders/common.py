"""Small helpers shared by the order screens: labels, money and number parsing, locking, guards."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.states import TRANSITIONS, Action
from maya_desktop.core.persian import format_toman, to_ascii_digits, to_persian_digits
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.theme import current_lang

T = TypeVar("T")


def lang() -> str:
    return "en" if current_lang() == "en" else "fa"


def digits(value: int | str) -> str:
    return to_persian_digits(str(value)) if lang() == "fa" else str(value)


def grouped(number: int) -> str:
    """1250000 -> '۱٬۲۵۰٬۰۰۰' (Persian) / '1,250,000' (English); parse_toman reads both back."""
    text = f"{number:,}"
    return digits(text.replace(",", "٬")) if lang() == "fa" else text


def toman(rial: int | None) -> str:
    return "" if rial is None else format_toman(int(rial), lang())  # type: ignore[arg-type]


def parse_toman(text: str, field: str = "amount") -> int:
    """A Toman amount typed by a person ('۱٬۲۵۰٬۰۰۰', '1,250,000 تومان') -> Rial (int)."""
    cleaned = to_ascii_digits(text or "")
    for junk in (",", "٬", "،", " ", "\u200c", "تومان", "toman"):
        cleaned = cleaned.replace(junk, "")
    if not cleaned.isdigit():
        raise ValidationError(
            "Enter the amount in Toman (digits only).", "مبلغ را به تومان و فقط با رقم بنویسید.", field
        )
    return int(cleaned) * 10


def parse_int(text: str, field: str, fa_label: str) -> int:
    cleaned = to_ascii_digits((text or "").strip()).replace(",", "").replace("٬", "")
    if not cleaned.isdigit():
        raise ValidationError(f"{field}: digits only.", f"{fa_label} را فقط با رقم بنویسید.", field)
    return int(cleaned)


def can(session: Session, order: Order | None, action: Action) -> bool:
    """What the transition table says this role may do in this state (core still enforces it)."""
    if order is None or session.locked:
        return False
    rule = TRANSITIONS[action]
    return order.status in rule.sources and allowed(session.role, rule.permission)


def start_alignment() -> Qt.AlignmentFlag:
    """Right in Persian, left in English, whatever the text starts with. A word-wrapped QLabel takes
    its direction from its text, so one that starts with digits (a date, an amount) would otherwise
    stick to the left in a right-to-left screen."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


def make_label(text: str = "", role: str | None = None, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    if wrap:
        label.setAlignment(start_alignment())
    return label


def repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
