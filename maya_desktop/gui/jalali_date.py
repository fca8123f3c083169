"""A date field for Jalali dates: a line edit with a calendar button that opens a Jalali month grid.

- Persian: the text and the grid use Persian digits, the grid runs right to left (Saturday on the right), month
  and weekday names in Persian.
- English: the text is the Jalali date in Latin digits (as every date of the English interface), the Gregorian
  date is shown beside it inside the field and in the grid (title and each day's tooltip).
- Typing: year/month/day in any digits with / - or . between; a Gregorian date (year 1900 or later, e.g.
  2026-12-06) is accepted too and shown as Jalali once the field is left. A keystroke that can no longer make a
  real date (a 13th month, a 32nd day, letters) is refused; an unfinished date marks the field invalid.
- `date()` returns the datetime.date (None when empty or not a real day); `text()` stays the Jalali text the
  pages parsed before this widget existed, so swapping a QLineEdit for it is a one-line change.

Conversion is the project's own (jdatetime, as in core.persian). Pure GUI: no core calls, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

import jdatetime
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.persian import to_ascii_digits, to_persian_digits
from maya_desktop.gui.theme import current_lang, icon

CONTEXT = "JalaliDate"
MONTHS = (
    QT_TRANSLATE_NOOP("JalaliDate", "فروردین"),
    QT_TRANSLATE_NOOP("JalaliDate", "اردیبهشت"),
    QT_TRANSLATE_NOOP("JalaliDate", "خرداد"),
    QT_TRANSLATE_NOOP("JalaliDate", "تیر"),
    QT_TRANSLATE_NOOP("JalaliDate", "مرداد"),
    QT_TRANSLATE_NOOP("JalaliDate", "شهریور"),
    QT_TRANSLATE_NOOP("JalaliDate", "مهر"),
    QT_TRANSLATE_NOOP("JalaliDate", "آبان"),
    QT_TRANSLATE_NOOP("JalaliDate", "آذر"),
    QT_TRANSLATE_NOOP("JalaliDate", "دی"),
    QT_TRANSLATE_NOOP("JalaliDate", "بهمن"),
    QT_TRANSLATE_NOOP("JalaliDate", "اسفند"),
)
WEEKDAYS = (  # the Iranian week starts on Saturday (jdatetime's weekday() 0)
    QT_TRANSLATE_NOOP("JalaliDate", "ش"),
    QT_TRANSLATE_NOOP("JalaliDate", "ی"),
    QT_TRANSLATE_NOOP("JalaliDate", "د"),
    QT_TRANSLATE_NOOP("JalaliDate", "س"),
    QT_TRANSLATE_NOOP("JalaliDate", "چ"),
    QT_TRANSLATE_NOOP("JalaliDate", "پ"),
    QT_TRANSLATE_NOOP("JalaliDate", "ج"),
)
JALALI_YEARS = (1300, 1499)
GREGORIAN_YEARS = (1900, 2199)
_SEPARATORS = re.compile(r"[/\-.]")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _lang(lang: str | None) -> str:
    if lang is not None:
        return lang
    return "en" if current_lang() == "en" else "fa"


# ---- parsing and checking (no Qt) ------------------------------------------------------------------------
class Entry(Enum):
    """What typed text can still become: refused, not finished yet, or a real day."""

    INVALID = 0
    INTERMEDIATE = 1
    ACCEPTABLE = 2


def _month_days(year: int, month: int, gregorian: bool) -> int:
    if gregorian:
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).day
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jdatetime.date(year, 1, 1).isleap() else 29


def _year_prefix_possible(part: str) -> bool:
    return any(str(y).startswith(part) for low, high in (JALALI_YEARS, GREGORIAN_YEARS) for y in range(low, high + 1))


def check_entry(text: str) -> Entry:
    """How far `text` is from a real date, as typed (any digits; / - . between year, month and day)."""
    raw = to_ascii_digits(text.strip())
    if not raw:
        return Entry.INTERMEDIATE
    parts = _SEPARATORS.split(raw)
    if len(parts) > 3 or any(p and not p.isdigit() for p in parts):
        return Entry.INVALID
    if len({s for s in _SEPARATORS.findall(raw)}) > 1:
        return Entry.INVALID  # 1405/09-15
    year_text = parts[0]
    if len(year_text) > 4 or (year_text and not _year_prefix_possible(year_text)):
        return Entry.INVALID
    year = int(year_text) if len(year_text) == 4 else None
    if len(parts) > 1 and year is None:
        return Entry.INVALID  # a separator after a short year
    gregorian = year is not None and year >= GREGORIAN_YEARS[0]
    month_text = parts[1] if len(parts) > 1 else ""
    if len(month_text) > 2 or month_text == "00" or (month_text and int(month_text) > 12):
        return Entry.INVALID
    if len(parts) > 2 and not month_text:
        return Entry.INVALID
    day_text = parts[2] if len(parts) > 2 else ""
    if len(day_text) > 2 or day_text == "00":
        return Entry.INVALID
    if day_text:
        limit = _month_days(year, int(month_text), gregorian) if year and month_text != "0" else 31
        if int(day_text) > limit:
            return Entry.INVALID
        if int(day_text) > 0 and month_text not in ("", "0"):
            return Entry.ACCEPTABLE
    return Entry.INTERMEDIATE


def parse_entry(text: str) -> dt.date | None:
    """The Gregorian date of a complete entry (Jalali, or Gregorian from year 1900), else None."""
    if check_entry(text) is not Entry.ACCEPTABLE:
        return None
    year, month, day = (int(p) for p in _SEPARATORS.split(to_ascii_digits(text.strip())))
    if year >= GREGORIAN_YEARS[0]:
        return dt.date(year, month, day)
    return jdatetime.date(year, month, day).togregorian()


def jalali_text(day: dt.date, lang: str) -> str:
    j = jdatetime.date.fromgregorian(date=day)
    text = f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    return to_persian_digits(text) if lang == "fa" else text


def gregorian_text(day: dt.date) -> str:
    """'Sun 6 Dec 2026' (English names whatever the locale)."""
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"


def _digits(value: int, lang: str) -> str:
    return to_persian_digits(value) if lang == "fa" else str(value)


# ---- the month grid ------------------------------------------------------------------------------------
class JalaliCalendar(QFrame):
    """A Jalali month: title with the previous/next month and year, 7 weekday columns from Saturday, 6 weeks."""

    picked = Signal(object)  # dt.date

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("jalaliCalendar")
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        rtl = lang == "fa"
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        head = QHBoxLayout()
        back, forward = (
            (Qt.ArrowType.RightArrow, Qt.ArrowType.LeftArrow)
            if rtl
            else (
                Qt.ArrowType.LeftArrow,
                Qt.ArrowType.RightArrow,
            )
        )
        self.prev_year = self._arrow(None, self.tr("سال قبل"), lambda: self.step_months(-12))
        self.prev_month = self._arrow(back, self.tr("ماه قبل"), lambda: self.step_months(-1))
        self.next_month = self._arrow(forward, self.tr("ماه بعد"), lambda: self.step_months(1))
        self.next_year = self._arrow(None, self.tr("سال بعد"), lambda: self.step_months(12))
        self.title = QLabel()
        self.title.setObjectName("jalaliTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setProperty("role", "subtitle")
        for w in (self.prev_year, self.prev_month):
            head.addWidget(w)
        head.addWidget(self.title, 1)
        for w in (self.next_month, self.next_year):
            head.addWidget(w)
        outer.addLayout(head)
        grid = QGridLayout()
        grid.setSpacing(2)
        for col, name in enumerate(WEEKDAYS):
            label = QLabel(_tr(name))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setProperty("role", "hint")
            grid.addWidget(label, 0, col)
        self.cells: list[QToolButton] = []
        for index in range(42):
            cell = QToolButton()
            cell.setAutoRaise(True)
            cell.setCheckable(True)
            cell.setFixedSize(36, 30)
            cell.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            cell.clicked.connect(lambda _checked=False, i=index: self._clicked(i))
            grid.addWidget(cell, 1 + index // 7, index % 7)
            self.cells.append(cell)
        outer.addLayout(grid)
        foot = QHBoxLayout()
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("امروز"))
        self.today_button.setObjectName("jalaliToday")
        self.today_button.clicked.connect(lambda: self.picked.emit(dt.date.today()))
        self.status = QLabel()
        self.status.setObjectName("jalaliStatus")
        self.status.setProperty("role", "hint")
        foot.addWidget(self.today_button)
        foot.addWidget(self.status, 1)
        outer.addLayout(foot)
        self.cell_dates: list[dt.date] = []
        self.selected = dt.date.today()
        self.month = jdatetime.date.fromgregorian(date=self.selected).replace(day=1)
        self._fill()

    def _arrow(self, arrow: Qt.ArrowType | None, tip: str, slot: object) -> QToolButton:
        """A month button shows an arrow; a year button shows the year it goes to."""
        button = QToolButton()
        if arrow is not None:
            button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def show_day(self, day: dt.date) -> None:
        """Select `day` and show its month."""
        self.selected = day
        self.month = jdatetime.date.fromgregorian(date=day).replace(day=1)
        self._fill()

    def step_months(self, months: int) -> None:
        index = self.month.year * 12 + self.month.month - 1 + months
        year, month = divmod(index, 12)
        if not JALALI_YEARS[0] <= year <= JALALI_YEARS[1]:
            return
        self.month = jdatetime.date(year, month + 1, 1)
        self._fill()

    def step_days(self, days: int) -> None:
        self.show_day(self.selected + dt.timedelta(days=days))

    def _fill(self) -> None:
        first = self.month.togregorian()
        start = first - dt.timedelta(days=self.month.weekday())
        self.cell_dates = [start + dt.timedelta(days=i) for i in range(42)]
        month_days = _month_days(self.month.year, self.month.month, gregorian=False)
        last = first + dt.timedelta(days=month_days - 1)
        title = f"{_tr(MONTHS[self.month.month - 1])} {_digits(self.month.year, self.lang)}"
        if self.lang == "en":  # the Gregorian months this Jalali month spans
            span = first.strftime("%b") if first.month == last.month else f"{first:%b}–{last:%b}"
            title += f" · {span} {last.year}"
        self.title.setText(title)
        self.prev_year.setText(_digits(self.month.year - 1, self.lang))
        self.next_year.setText(_digits(self.month.year + 1, self.lang))
        today = dt.date.today()
        for cell, day in zip(self.cells, self.cell_dates, strict=True):
            j = jdatetime.date.fromgregorian(date=day)
            cell.setText(_digits(j.day, self.lang))
            cell.setEnabled(j.month == self.month.month)
            cell.setChecked(day == self.selected)
            cell.setToolTip(gregorian_text(day) if self.lang == "en" else jalali_text(day, "fa"))
            font = cell.font()
            font.setBold(day == today)
            cell.setFont(font)
        self.status.setText(self._describe(self.selected))

    def _describe(self, day: dt.date) -> str:
        j = jdatetime.date.fromgregorian(date=day)
        text = f"{_digits(j.day, self.lang)} {_tr(MONTHS[j.month - 1])} {_digits(j.year, self.lang)}"
        return f"{text} = {gregorian_text(day)}" if self.lang == "en" else text

    def _clicked(self, index: int) -> None:
        self.selected = self.cell_dates[index]
        self.picked.emit(self.selected)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        sideways = -1 if self.lang == "fa" else 1  # right-to-left: the left arrow goes forward in time
        moves = {
            Qt.Key.Key_Left: -sideways,
            Qt.Key.Key_Right: sideways,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if key in moves:
            self.step_days(moves[Qt.Key(key)])
        elif key == Qt.Key.Key_PageUp:
            self.step_months(-1)
        elif key == Qt.Key.Key_PageDown:
            self.step_months(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.picked.emit(self.selected)
        else:
            super().keyPressEvent(event)


# ---- the field ------------------------------------------------------------------------------------------
class JalaliDateEdit(QLineEdit):
    """A Jalali date field with a calendar popup. `date()` -> datetime.date | None; `setDate(day)`."""

    dateChanged = Signal(object)  # dt.date | None, when a real day is picked or typed (or the field is emptied)

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None, *, lang: str | None = None) -> None:
        super().__init__(parent)
        self.lang = _lang(lang)
        self.setProperty("dateField", True)
        self.setPlaceholderText(jalali_text(dt.date.today(), self.lang))
        self.calendar_action = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("انتخاب از تقویم"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.popup: QFrame | None = None
        self.calendar: JalaliCalendar | None = None
        self._good = ""  # the last text that could still become a date
        self._last: dt.date | None = None
        self.textEdited.connect(self._edited)
        self.textChanged.connect(self._changed)
        self.editingFinished.connect(self.normalise)
        if day is not None:
            self.setDate(day)

    # -- value ---------------------------------------------------------------------------------------
    def date(self) -> dt.date | None:
        return parse_entry(self.text())

    def setDate(self, day: dt.date | None) -> None:
        self.setText("" if day is None else jalali_text(day, self.lang))

    def is_valid(self) -> bool:
        """Empty, or a real day."""
        return not self.text().strip() or self.date() is not None

    # -- typing --------------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        if check_entry(text) is Entry.INVALID:
            position = max(0, self.cursorPosition() - (len(text) - len(self._good)))
            self.setText(self._good)  # the keystroke is refused
            self.setCursorPosition(min(position, len(self._good)))
            return
        if self.lang == "fa" and text != to_persian_digits(text):
            position = self.cursorPosition()
            self.setText(to_persian_digits(text))
            self.setCursorPosition(position)

    def _changed(self, _text: str) -> None:
        text = self.text()  # not the argument: a conversion made in _edited may already have replaced it
        if check_entry(text) is not Entry.INVALID:
            self._good = text
        if self.property("invalid") and self.is_valid():
            self._mark(False)
        day = self.date()
        if day != self._last and (day is not None or not text.strip()):
            self._last = day
            self.dateChanged.emit(day)

    def normalise(self) -> None:
        """On leaving the field: a real day is rewritten as the Jalali text; an unfinished one is marked."""
        day = self.date()
        if day is not None:
            canonical = jalali_text(day, self.lang)
            if canonical != self.text():
                self.setText(canonical)
        self._mark(not self.is_valid())

    def _mark(self, invalid: bool) -> None:
        self.setProperty("invalid", invalid)
        self.style().unpolish(self)
        self.style().polish(self)

    # -- the Gregorian date beside the Jalali one (English) -------------------------------------------
    def gregorian_hint(self) -> str:
        day = self.date()
        return gregorian_text(day) if self.lang == "en" and day is not None else ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        hint = self.gregorian_hint()
        if not hint:
            return
        metrics = self.fontMetrics()
        rect = self.rect().adjusted(0, 0, -(self.height() + 6), 0)  # keep clear of the calendar button
        if metrics.horizontalAdvance(self.text() + "  " + hint) + 16 > rect.width():
            return
        painter = QPainter(self)
        painter.setPen(QColor("#6b7280"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), hint)
        painter.end()

    # -- the popup -----------------------------------------------------------------------------------
    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setObjectName("jalaliPopup")
            layout = QVBoxLayout(self.popup)
            layout.setContentsMargins(0, 0, 0, 0)
            self.calendar = JalaliCalendar(self.lang, self.popup)
            self.calendar.picked.connect(self._picked)
            layout.addWidget(self.calendar)
            self.popup.installEventFilter(self)
        if self.calendar is None:
            return
        self.calendar.show_day(self.date() or dt.date.today())
        self.popup.adjustSize()
        rtl = self.lang == "fa"
        corner = self.rect().bottomRight() if rtl else self.rect().bottomLeft()
        origin = self.mapToGlobal(corner)
        if rtl:
            origin -= QPoint(self.popup.width(), 0)
        self.popup.move(origin)
        self.popup.show()
        self.calendar.setFocus()

    def _picked(self, day: dt.date) -> None:
        self.setDate(day)
        self._mark(False)
        if self.popup is not None:
            self.popup.hide()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.popup and event.type() == QEvent.Type.KeyPress:
            if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
                self.popup.hide()
                return True
        return super().eventFilter(watched, event)
