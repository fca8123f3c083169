"""The measurement table beside the photo: Persian label, value, normal range, status colour.

Updated in place on every landmark drag (no model reset), so it keeps up with the mouse.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from maya_desktop.gui.theme import current_lang
from maya_desktop.reports.clinical_report import STATUS_EN as STATUS_LONG_EN  # the tooltip's full status
from maya_desktop.reports.clinical_report import STATUS_FA, format_range, format_value
from maya_desktop.reports.clinical_report import reason_text as measurement_reason

# Short words (the table shares the width with the photo); the tooltip gives the full status and reason.
STATUS_EN = {"within": "normal", "below": "below", "above": "above", "not_measurable": "n/a"}
STATUS_SHORT_FA = {"within": "طبیعی", "below": "کمتر", "above": "بیشتر", "not_measurable": "ناممکن"}
STATUS_BG = {"within": "#e3f4e8", "below": "#fdf0d5", "above": "#fbe1dc", "not_measurable": "#eef0f3"}
# A cell's text is laid out this much narrower / lower than its column / row: Qt's own text margins (3 px a
# side) and the style sheet's item padding (app.qss: 6 px 0 px for this table), which Qt applies twice when it
# paints a wrapped cell (measured: a row 12 px taller than Qt's hint still cut its second line)
TEXT_INSET_X, TEXT_INSET_Y = 2 * 3, 2 * 2 * 6
STATUS_FG = {"within": "#1f7a43", "below": "#9a6200", "above": "#b1321e", "not_measurable": "#6b7280"}


class MeasurementTable(QTableWidget):
    """Clicking a row emits `measurement_chosen(key)`: the canvas draws that measurement on the photo."""

    measurement_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("measurementTable")
        self.setHorizontalHeaderLabels([self.tr("اندازه"), self.tr("مقدار"), self.tr("محدودهٔ طبیعی"), self.tr("وضعیت")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # names wrap
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.keys: list[str] = []
        self.values: dict[str, Any] = {}
        self.setWordWrap(True)
        self.currentCellChanged.connect(self._chosen)
        # Rows are sized to their text when the text changes, not when a column narrows (the splitter, the
        # window, the columns above): without this a name that no longer fits one line was cut («Upper
        # facial …») instead of taking a second line.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(self._columns_resized)

    def _columns_resized(self, _column: int, _old: int, _new: int) -> None:
        self._rows_timer.start(0)  # once for all the columns that moved together

    def sizeHintForColumn(self, column: int) -> int:  # Qt's name
        """Value and range columns at most a fifth of the table each: past that their text wraps (the rows
        grow), so the names keep room. Persian's «میلی‌متر» made them so wide at 1366 px that the names'
        column kept some 56 px and cut «یک‌سوم» to «یک…»."""
        hint = super().sizeHintForColumn(column)
        if column in (1, 2):
            return min(hint, max(self.viewport().width() // 5, 1))
        return hint

    def sizeHintForRow(self, row: int) -> int:  # Qt's name
        """Tall enough for every cell's text wrapped in its column (TEXT_INSET_*): Qt's own hint counts the
        style sheet's padding once, so a name that needed a second line was cut («Upper facial …»)."""
        hint = super().sizeHintForRow(row)
        metrics = self.fontMetrics()
        for col in range(self.columnCount()):
            item = self.item(row, col)
            if item is None or not item.text():
                continue
            box = QRect(0, 0, max(self.columnWidth(col) - TEXT_INSET_X, 1), 100_000)
            needed = metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, item.text()).height() + TEXT_INSET_Y
            hint = max(hint, needed)
        return hint

    def _chosen(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        self.measurement_chosen.emit(self.keys[row] if 0 <= row < len(self.keys) else "")

    def choose(self, key: str) -> None:
        if key in self.keys:
            self.setCurrentCell(self.keys.index(key), 0)

    def set_measurements(self, measurements: Iterable[Any]) -> None:
        ms = [m for m in measurements if not m.key.startswith("symmetry_") or m.key == "symmetry_index"]
        keys = [m.key for m in ms]
        if keys != self.keys:
            self.setRowCount(len(ms))
            self.keys = keys
            for row, m in enumerate(ms):
                label = m.label_en if current_lang() == "en" else m.label_fa
                item = QTableWidgetItem(label)
                item.setToolTip(m.label_en)
                self.setItem(row, 0, item)
                for col in (1, 2, 3):
                    cell = QTableWidgetItem()
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.setItem(row, col, cell)

        lang = current_lang()
        for row, m in enumerate(ms):
            self.values[m.key] = m
            self.item(row, 1).setText(format_value(m, lang))
            self.item(row, 2).setText(format_range(m, lang))
            status = self.item(row, 3)
            status.setText(
                STATUS_EN.get(m.status, m.status) if lang == "en" else STATUS_SHORT_FA.get(m.status, m.status)
            )
            long = STATUS_LONG_EN.get(m.status, "") if lang == "en" else STATUS_FA.get(m.status, "")
            status.setToolTip(long)
            status.setForeground(QBrush(QColor(STATUS_FG.get(m.status, "#333333"))))
            status.setBackground(QBrush(QColor(STATUS_BG.get(m.status, "#ffffff"))))
            if m.reason:
                status.setToolTip(f"{long}: {measurement_reason(m.reason, lang)}")

    def value_of(self, key: str) -> float | None:
        m = self.values.get(key)
        return None if m is None else m.value

    def clear_all(self) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        self.blockSignals(False)
        self.keys = []
        self.values = {}
