"""The read-only list tables the manager pages share (audit log, backups): one place for their behaviour."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget


def read_only_table(headers: list[str], stretch_column: int, object_name: str) -> QTableWidget:
    """Whole-row, single selection, no editing, columns sized to content except one that takes the rest."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    return table
