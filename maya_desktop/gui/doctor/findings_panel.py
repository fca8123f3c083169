"""The doctor's structured findings: per region, free text, recommended procedures and the norms' sex."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.orders.findings import PROCEDURES, REGIONS, Findings, RegionFinding
from maya_desktop.gui.theme import current_lang
from maya_desktop.gui.widgets import wrapped_label


class FindingsPanel(QScrollArea):
    """Structured findings per region + free text + recommended procedure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.boxes: dict[str, dict[str, QCheckBox]] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.grids: list[tuple[QGridLayout, list[QCheckBox], QLineEdit]] = []  # reflowed to 1 or 2 columns
        self.columns = 2
        en_ui = current_lang() == "en"  # region and option names come from core in both languages
        for region, (title_fa, title_en, options) in REGIONS.items():
            group = QGroupBox(title_en if en_ui else title_fa)
            grid = QGridLayout(group)
            self.boxes[region] = {}
            for i, (code, (fa, en)) in enumerate(options.items()):
                box = QCheckBox(en if en_ui else fa)
                box.setToolTip("" if en_ui else en)
                grid.addWidget(box, i // 2, i % 2)
                self.boxes[region][code] = box
            note = QLineEdit()
            note.setPlaceholderText(self.tr("توضیح کوتاه…"))
            grid.addWidget(note, (len(options) + 1) // 2, 0, 1, 2)
            self.notes[region] = note
            self.grids.append((grid, list(self.boxes[region].values()), note))
            layout.addWidget(group)
        layout.addWidget(QLabel(self.tr("شرح پزشک")))
        self.free_text = QPlainTextEdit()
        self.free_text.setObjectName("findingsText")
        self.free_text.setMinimumHeight(90)
        layout.addWidget(self.free_text)
        procs = QGroupBox(self.tr("روش پیشنهادی"))
        grid = QGridLayout(procs)
        self.procedures: dict[str, QCheckBox] = {}
        for i, (code, (fa, en)) in enumerate(PROCEDURES.items()):
            box = QCheckBox(en if en_ui else fa)
            box.setToolTip("" if en_ui else en)
            grid.addWidget(box, i // 2, i % 2)
            self.procedures[code] = box
        self.procedure_note = QLineEdit()
        self.procedure_note.setPlaceholderText(self.tr("توضیح روش…"))
        grid.addWidget(self.procedure_note, (len(PROCEDURES) + 1) // 2, 0, 1, 2)
        self.grids.append((grid, list(self.procedures.values()), self.procedure_note))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # reflows instead
        layout.addWidget(procs)
        form = QFormLayout()
        self.norm_sex = QComboBox()
        for value, label in (
            (None, self.tr("هر دو (بازهٔ مشترک)")),
            ("female", self.tr("بانوان")),
            ("male", self.tr("آقایان")),
        ):
            self.norm_sex.addItem(label, value)
        form.addRow(self.tr("محدودهٔ طبیعی برای"), self.norm_sex)
        layout.addLayout(form)
        self.signature = wrapped_label()
        layout.addWidget(self.signature)
        self.simulation: dict[str, Any] | None = None  # set from the simulation panel (parameters only)
        layout.addStretch(1)
        self.setWidget(body)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        """Two columns of checkboxes when they fit side by side, else one (a narrow side panel)."""
        widest = max((b.sizeHint().width() for _g, boxes, _n in self.grids for b in boxes), default=0)
        columns = 2 if self.viewport().width() >= 2 * widest + 60 else 1
        if columns == self.columns:
            return
        self.columns = columns
        for grid, boxes, note in self.grids:
            for widget in (*boxes, note):
                grid.removeWidget(widget)
            for i, box in enumerate(boxes):
                grid.addWidget(box, i // columns, i % columns)
            grid.addWidget(note, (len(boxes) + columns - 1) // columns, 0, 1, columns)

    def set_findings(self, f: Findings) -> None:
        for region, boxes in self.boxes.items():
            value = f.regions.get(region, RegionFinding())
            for code, box in boxes.items():
                box.setChecked(code in value.codes)
            self.notes[region].setText(value.note)
        self.free_text.setPlainText(f.free_text)
        for code, box in self.procedures.items():
            box.setChecked(code in f.procedures)
        self.procedure_note.setText(f.procedure_note)
        self.norm_sex.setCurrentIndex(max(0, self.norm_sex.findData(f.norm_sex)))
        self.simulation = dict(f.simulation) if f.simulation else None
        if f.signature:
            self.signature.setText(
                self.tr("امضا شده: {0} — نظام پزشکی {1}").format(
                    f.signature.display_name, f.signature.medical_council_no
                )
            )
        else:
            self.signature.setText(self.tr("هنوز امضا نشده است."))

    def findings(self) -> Findings:
        f = Findings()
        for region, boxes in self.boxes.items():
            f.regions[region] = RegionFinding([c for c, b in boxes.items() if b.isChecked()], self.notes[region].text())
        f.free_text = self.free_text.toPlainText()
        f.procedures = [c for c, b in self.procedures.items() if b.isChecked()]
        f.procedure_note = self.procedure_note.text()
        f.norm_sex = self.norm_sex.currentData()
        f.simulation = dict(self.simulation) if self.simulation else None
        return f

    def set_read_only(self, read_only: bool) -> None:
        self.widget().setEnabled(not read_only)
