"""Audit log viewer and chain check (manager only; core enforces it)."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core import audit
from maya_desktop.core.errors import MayaError
from maya_desktop.core.persian import to_persian_digits
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_datetime
from maya_desktop.gui.labels import audit_action_label
from maya_desktop.gui.messages import show_error
from maya_desktop.gui.theme import current_lang


class AuditPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("گزارش رویدادها"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        bar = QHBoxLayout()
        verify = QPushButton(self.tr("بررسی یکپارچگی زنجیره"))
        verify.setObjectName("verifyAudit")
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        bar.addWidget(verify)
        bar.addWidget(self.status, 1)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("شماره"), self.tr("زمان"), self.tr("کاربر"), self.tr("رویداد"), self.tr("موضوع و جزئیات")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        verify.clicked.connect(self.verify)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.session.require("audit.read")
            rows = audit.entries(self.session.conn, limit=500)
        except MayaError as exc:
            show_error(self, exc)
            return
        self.table.setRowCount(len(rows))
        fa = current_lang() != "en"
        for row, entry in enumerate(rows):
            details = (
                f"{entry.object_ref} {json.dumps(entry.details, ensure_ascii=False)}"
                if entry.details
                else entry.object_ref
            )
            values = (
                to_persian_digits(entry.id) if fa else str(entry.id),
                show_datetime(entry.ts),
                entry.actor,
                audit_action_label(entry.action),
                details,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def verify(self) -> None:
        try:
            self.session.require("audit.read")
            result = audit.verify(self.session.conn)
        except MayaError as exc:
            show_error(self, exc)
            return
        fa = current_lang() != "en"
        if result.ok:
            count = to_persian_digits(result.count) if fa else result.count
            self.status.setText(self.tr("زنجیره سالم است ({0} رویداد).").format(count))
        else:
            bad = to_persian_digits(result.first_bad_id or 0) if fa else result.first_bad_id
            self.status.setText(self.tr("زنجیره از رویداد {0} شکسته است.").format(bad))
        self.status.setProperty("role", "" if result.ok else "error")
        self.status.style().polish(self.status)
