"""Numbers on the doctor's screens in the interface's digits (Persian digits in Persian, ASCII in English)."""

from __future__ import annotations

from maya_desktop.core.persian import to_persian_digits
from maya_desktop.gui.theme import current_lang


def digits(value: int | str) -> str:
    """Persian digits in the Persian interface, ASCII digits in the English one."""
    return str(value) if current_lang() == "en" else to_persian_digits(value)


def number(value: float) -> str:
    """A short decimal in the interface's digits (12.5 / ۱۲٫۵)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text if current_lang() == "en" else to_persian_digits(text).replace(".", "٫")
