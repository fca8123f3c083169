"""The findings and report tab of the viewer's side panel: the findings panel above the report's actions
(laid out by ui/report_actions.ui in two columns: six buttons in one row would be cut on a 1366 px screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from maya_desktop.gui.doctor.findings_panel import FindingsPanel
from maya_desktop.gui.forms import child, load_form


class ReportTab(QWidget):
    """Shows the report buttons only to a doctor who may edit the case. The viewer connects the buttons."""

    def __init__(self, panel: FindingsPanel, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(panel, 1)
        self.actions = load_form("report_actions.ui", self)
        layout.addWidget(self.actions)
        self.save_findings_button: QPushButton = child(self.actions, QPushButton, "saveFindingsButton")
        self.sign_button: QPushButton = child(self.actions, QPushButton, "signButton")
        self.export_button: QPushButton = child(self.actions, QPushButton, "exportButton")
        self.print_button: QPushButton = child(self.actions, QPushButton, "printButton")
        self.copy_button: QPushButton = child(self.actions, QPushButton, "clientCopyButton")
        self.deliver_button: QPushButton = child(self.actions, QPushButton, "deliverButton")
        self.buttons = (
            self.save_findings_button,
            self.sign_button,
            self.export_button,
            self.print_button,
            self.copy_button,
            self.deliver_button,
        )
        for b in self.buttons:
            b.setVisible(editable)
