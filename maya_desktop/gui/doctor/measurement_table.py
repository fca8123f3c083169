"""The measurement table beside the photo: Persian label, value, normal range, status colour.

Updated in place on every landmark drag (no model reset), so it keeps up with the mouse.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from maya_desktop.gui.theme import current_lang
from maya_desktop.reports.clinical_report import STATUS_FA, format_range, format_value

STATUS_EN = {"within": "normal", "below": "below", "above": "above", "not_measurable": "not measurable"}
STATUS_BG = {"within": "#e3f4e8", "below": "#fdf0d5", "above": "#fbe1dc", "not_measurable": "#eef0f3"}
STATUS_FG = {"within": "#1f7a43", "below": "#9a6200", "above": "#b1321e", "not_measurable": "#6b7280"}


class MeasurementTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("measurementTable")
        self.setHorizontalHeaderLabels([self.tr("اندازه"), self.tr("مقدار"), self.tr("محدودهٔ طبیعی"), self.tr("وضعیت")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.keys: list[str] = []
        self.values: dict[str, Any] = {}

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
        for row, m in enumerate(ms):
            self.values[m.key] = m
            self.item(row, 1).setText(format_value(m))
            self.item(row, 2).setText(format_range(m))
            status = self.item(row, 3)
            status.setText(
                STATUS_EN.get(m.status, m.status) if current_lang() == "en" else STATUS_FA.get(m.status, m.status)
            )
            status.setForeground(QBrush(QColor(STATUS_FG.get(m.status, "#333333"))))
            status.setBackground(QBrush(QColor(STATUS_BG.get(m.status, "#ffffff"))))
            status.setToolTip(m.reason or "")

    def value_of(self, key: str) -> float | None:
        m = self.values.get(key)
        return None if m is None else m.value

    def clear_all(self) -> None:
        self.setRowCount(0)
        self.keys = []
        self.values = {}
