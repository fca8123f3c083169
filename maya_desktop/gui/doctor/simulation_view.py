"""The nose simulation beside the original side photo, with the measurements before and after.

Labelled everywhere as a simulation, not a promised result. The warped photo lives in memory only
(`core.analysis.simulation`); the viewer drops it with the case, and only the parameters are kept (in the
order's encrypted findings) when the doctor puts the simulation in the report.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.analysis.simulation import LIMITS, NoseChange
from maya_desktop.gui.theme import current_lang
from maya_desktop.reports.clinical_report import format_range, format_value

SIMULATION_KEYS = ("nasolabial_angle", "nasofrontal_angle", "tip_rotation_angle", "goode_ratio", "dorsal_hump_pct")


def qimage_to_array(image: QImage) -> NDArray[np.uint8]:
    """RGB pixels of a QImage as a new numpy array (in memory)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return np.ascontiguousarray(data[:, : w * 3].reshape(h, w, 3))


def array_to_qimage(array: NDArray[np.uint8]) -> QImage:
    h, w = array.shape[:2]
    data = np.ascontiguousarray(array)
    return QImage(data.data, w, h, w * 3, QImage.Format.Format_RGB888).copy()


class ImagePane(QWidget):
    """A photo fitted to the pane, a caption above it; `crop` shows only that part (the nose)."""

    def __init__(self, caption: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.colour = QColor(colour)
        self.image: QImage | None = None
        self.crop: QRectF | None = None
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage | None, crop: QRectF | None = None) -> None:
        self.image, self.crop = image, crop
        self.update()

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1b1f24"))
        painter.setPen(self.colour)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        head = painter.fontMetrics().height() + 8
        painter.drawText(QRectF(0, 2, self.width(), head), Qt.AlignmentFlag.AlignCenter, self.caption)
        if self.image is None or self.image.isNull():
            painter.end()
            return
        src = self.crop or QRectF(self.image.rect())
        area = QRectF(4, head, self.width() - 8, self.height() - head - 4)
        k = min(area.width() / src.width(), area.height() / src.height())
        w, h = src.width() * k, src.height() * k
        target = QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image, src)
        painter.setPen(QPen(self.colour, 2))
        painter.drawRect(target)
        painter.end()


class SimulationPanel(QWidget):
    """Original | simulated, the planned change (four numbers), the measurements before and after."""

    change_requested = Signal(object)  # NoseChange, after the doctor stops typing for a moment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulationPanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(self.tr("شبیه‌سازی — نمایش تقریبی تغییر برنامه‌ریزی‌شده روی عکس، نه نتیجهٔ قطعی جراحی."))
        self.banner.setObjectName("simulationBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#simulationBanner { background: #fff4d6; color: #7a4b00; border: 1px solid #e0b44c;"
            " border-radius: 6px; padding: 6px; font-weight: bold; }"
        )
        outer.addWidget(self.banner)
        panes = QHBoxLayout()
        self.original = ImagePane(self.tr("اکنون"), "#dfe6ea")
        self.simulated = ImagePane(self.tr("شبیه‌سازی (نه نتیجهٔ قطعی)"), "#ffd43b")
        panes.addWidget(self.original)
        panes.addWidget(self.simulated)
        outer.addLayout(panes, 1)
        controls = QHBoxLayout()
        form = QFormLayout()
        form2 = QFormLayout()
        self.spins: dict[str, QDoubleSpinBox] = {}
        specs = (
            ("hump_mm", self.tr("کاهش قوز پشت بینی"), self.tr(" میلی‌متر"), 0.5, form),
            ("projection_mm", self.tr("برجستگی نوک بینی"), self.tr(" میلی‌متر"), 0.5, form),
            ("rotation_deg", self.tr("چرخش نوک به بالا"), "°", 1.0, form2),
            ("nasolabial_deg", self.tr("بازتر شدن زاویهٔ بینی-لب"), "°", 1.0, form2),
        )
        for name, label, suffix, step, target in specs:
            spin = QDoubleSpinBox()
            spin.setObjectName(f"sim_{name}")
            lo, hi = LIMITS[name]
            spin.setRange(lo, hi)
            spin.setSingleStep(step)
            spin.setDecimals(1)
            spin.setSuffix(suffix)
            spin.valueChanged.connect(self._changed)
            target.addRow(label, spin)
            self.spins[name] = spin
        controls.addLayout(form)
        controls.addLayout(form2)
        side = QVBoxLayout()
        self.reset = QPushButton(self.tr("بدون تغییر"))
        self.reset.clicked.connect(self.clear_change)
        self.in_report = QCheckBox(self.tr("در گزارش بیاید (با برچسب شبیه‌سازی)"))
        self.in_report.setObjectName("simulationInReport")
        side.addWidget(self.reset)
        side.addWidget(self.in_report)
        side.addStretch(1)
        controls.addLayout(side)
        outer.addLayout(controls)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("simulationTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("اندازه"), self.tr("اکنون"), self.tr("پس از شبیه‌سازی"), self.tr("محدودهٔ طبیعی")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(190)
        outer.addWidget(self.table)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(lambda: self.change_requested.emit(self.change()))

    def resizeEvent(self, event: Any) -> None:
        # on a short screen (768 px) the photos come first: the table takes at most a quarter of the height
        self.table.setMaximumHeight(max(100, min(190, self.height() // 4)))
        super().resizeEvent(event)

    def change(self) -> NoseChange:
        return NoseChange(**{name: float(spin.value()) for name, spin in self.spins.items()})

    def set_change(self, change: NoseChange) -> None:
        for name, value in change.to_dict().items():
            self.spins[name].blockSignals(True)
            self.spins[name].setValue(value)
            self.spins[name].blockSignals(False)

    def clear_change(self) -> None:
        self.set_change(NoseChange())
        self._changed()

    def _changed(self) -> None:
        self.timer.start()

    def show_result(
        self,
        original: QImage | None,
        simulated: QImage | None,
        crop: QRectF | None,
        before: list[Any],
        after: list[Any],
    ) -> None:
        self.original.set_image(original, crop)
        self.simulated.set_image(simulated, crop)
        lang = current_lang()
        old = {m.key: m for m in before}
        rows = [m for m in after if m.key in SIMULATION_KEYS]
        self.table.setRowCount(len(rows))
        for row, m in enumerate(rows):
            label = m.label_en if lang == "en" else m.label_fa
            was = old.get(m.key)
            cells = (label, format_value(was, lang) if was else "—", format_value(m, lang), format_range(m, lang))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)

    def clear(self) -> None:
        """Forget the photos (the case closed, the app locked)."""
        self.timer.stop()
        self.original.set_image(None)
        self.simulated.set_image(None)
        self.table.setRowCount(0)
