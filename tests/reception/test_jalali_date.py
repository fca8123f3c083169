"""The Jalali date field (gui/jalali_date.py, issue 15): Jalali round trip, refused keystrokes, Gregorian entry,
the month grid (Persian digits and right to left in Persian; the Gregorian date shown in English), and
keyboard navigation. Screenshots of the open calendar go to test-artifacts/."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from maya_desktop.gui.jalali_date import Entry, JalaliDateEdit, check_entry, jalali_text, parse_entry

PERSIAN = set("۰۱۲۳۴۵۶۷۸۹")


@pytest.mark.parametrize(
    "day",
    [dt.date(2026, 3, 20), dt.date(2026, 3, 21), dt.date(2025, 3, 20), dt.date(2026, 12, 6), dt.date(2029, 3, 20)],
)
def test_every_day_goes_to_jalali_text_and_back(day) -> None:
    for lang in ("fa", "en"):
        assert parse_entry(jalali_text(day, lang)) == day
    assert jalali_text(dt.date(2026, 12, 6), "fa") == "۱۴۰۵/۰۹/۱۵"
    assert jalali_text(dt.date(2026, 3, 21), "en") == "1405/01/01"  # Nowruz


def test_a_whole_jalali_year_round_trips() -> None:
    day = jdatetime.date(1403, 1, 1).togregorian()  # 1403 is a leap year: Esfand has 30 days
    while jdatetime.date.fromgregorian(date=day).year == 1403:
        assert parse_entry(jalali_text(day, "fa")) == day
        day += dt.timedelta(days=1)
    assert parse_entry("1403/12/30") is not None and parse_entry("1404/12/30") is None


def test_typed_entries_are_judged_as_they_grow() -> None:
    for text in ("", "1", "14", "140", "1405", "1405/", "1405/0", "1405/09", "1405/09/", "2026-12"):
        assert check_entry(text) is Entry.INTERMEDIATE, text
    for text in ("1405/09/15", "۱۴۰۵/۹/۱۵", "۱۴۰۵/۰۹/۱", "1405-9-15", "2026-12-06", "1405.1.1"):
        assert check_entry(text) is Entry.ACCEPTABLE, text
    for text in ("a", "1405/13", "1405/00", "1405/09/32", "1404/12/30", "1405/07/31", "9", "1405/09/15/1", "14/05"):
        assert check_entry(text) is Entry.INVALID, text
    assert parse_entry("2026-12-06") == dt.date(2026, 12, 6)  # a Gregorian date is recognised by its year
    assert parse_entry("2026-02-29") is None


def test_the_field_refuses_keystrokes_that_cannot_make_a_date_and_returns_the_day(qtbot) -> None:
    field = JalaliDateEdit(lang="fa")
    qtbot.addWidget(field)
    seen: list[object] = []
    field.dateChanged.connect(seen.append)
    qtbot.keyClicks(field, "1405/13")  # no 13th month: the "3" is refused
    assert field.text() == "۱۴۰۵/۱" and field.date() is None
    qtbot.keyClicks(field, "2/3x5")  # letters refused; Latin digits become Persian digits
    assert field.text() == "۱۴۰۵/۱۲/۳"
    assert field.date() == jdatetime.date(1405, 12, 3).togregorian()
    qtbot.keyClicks(field, "0")  # 1405 is not a leap year: Esfand 30 does not exist
    assert field.text() == "۱۴۰۵/۱۲/۳"
    assert seen and seen[-1] == jdatetime.date(1405, 12, 3).togregorian()
    field.setText("۱۴۰۵/۰۹")
    field.normalise()  # leaving an unfinished date marks the field
    assert field.property("invalid") is True and not field.is_valid()
    field.setText("2026-12-06")
    field.normalise()  # a Gregorian entry is shown as the Jalali date
    assert field.text() == "۱۴۰۵/۰۹/۱۵" and field.property("invalid") is False
    field.setDate(None)
    assert field.text() == "" and field.date() is None and field.is_valid()


def test_persian_calendar_runs_right_to_left_with_persian_digits(qtbot, artifacts) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    field = JalaliDateEdit(dt.date(2026, 12, 6), host, lang="fa")
    field.setGeometry(20, 10, 220, 34)
    host.resize(300, 60)
    host.show()
    field.open_calendar()
    cal = field.calendar
    assert cal is not None and field.popup is not None and field.popup.isVisible()
    assert cal.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert cal.title.text() == "آذر ۱۴۰۵"
    saturday, friday = cal.cells[0], cal.cells[6]
    assert saturday.mapTo(cal, saturday.rect().center()).x() > friday.mapTo(cal, friday.rect().center()).x()
    days = [c.text() for c in cal.cells if c.isEnabled()]
    assert len(days) == 30 and days[0] == "۱" and days[-1] == "۳۰" and all(set(d) <= PERSIAN for d in days)
    checked = [c for c in cal.cells if c.isChecked()]
    assert [c.text() for c in checked] == ["۱۵"]
    cal.grab().save(str(artifacts / "reception_jalali_calendar_fa.png"))
    qtbot.keyClick(cal, Qt.Key.Key_Left)  # right to left: the left arrow is the next day
    assert cal.selected == dt.date(2026, 12, 7)
    qtbot.keyClick(cal, Qt.Key.Key_Down)
    assert cal.selected == dt.date(2026, 12, 14)
    qtbot.keyClick(cal, Qt.Key.Key_Return)
    assert field.date() == dt.date(2026, 12, 14) and not field.popup.isVisible()
    field.open_calendar()
    next(c for c in cal.cells if c.isEnabled() and c.text() == "۱").click()  # 1 Azar
    assert field.text() == "۱۴۰۵/۰۹/۰۱" and field.date() == dt.date(2026, 11, 22)


def test_english_shows_latin_digits_and_the_gregorian_date(qtbot, english, artifacts) -> None:
    field = JalaliDateEdit(dt.date(2026, 12, 6))
    qtbot.addWidget(field)
    field.resize(320, 34)
    field.show()
    assert field.lang == "en" and field.text() == "1405/09/15"
    assert field.gregorian_hint() == "Sun 6 Dec 2026"
    field.grab().save(str(artifacts / "reception_jalali_field_en.png"))
    field.open_calendar()
    cal = field.calendar
    assert cal is not None and cal.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert cal.title.text() == "Azar 1405 · Nov–Dec 2026"
    assert "Sun 6 Dec 2026" in cal.status.text()
    assert next(c for c in cal.cells if c.isChecked()).toolTip() == "Sun 6 Dec 2026"
    visible = [cal.title.text(), cal.status.text(), cal.today_button.text(), *(c.text() for c in cal.cells)]
    assert not any("\u0600" <= ch <= "\u06ff" for text in visible for ch in text), visible
    cal.grab().save(str(artifacts / "reception_jalali_calendar_en.png"))
