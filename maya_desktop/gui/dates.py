"""Showing stored UTC ISO timestamps as local Jalali dates in the interface language's digits."""

from __future__ import annotations

from datetime import datetime

from maya_desktop.core.persian import format_jalali_date, format_jalali_datetime
from maya_desktop.gui.theme import current_lang


def show_date(iso: str | None) -> str:
    if not iso:
        return ""
    return format_jalali_date(datetime.fromisoformat(iso).astimezone(), "en" if current_lang() == "en" else "fa")


def show_datetime(iso: str | None) -> str:
    if not iso:
        return ""
    return format_jalali_datetime(datetime.fromisoformat(iso).astimezone(), "en" if current_lang() == "en" else "fa")
