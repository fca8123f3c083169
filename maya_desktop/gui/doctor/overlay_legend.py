"""The legend under the photo: what the colours of the landmark points mean."""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from maya_desktop.reports.annotate import SOURCE_COLOURS

LOW_CONFIDENCE_COLOUR = "#9aa0a6"


class OverlayLegend(QWidget):
    """What the colours of the points mean (automatic, outline, estimated, corrected, low confidence)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overlayLegend")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        entries = (
            (SOURCE_COLOURS["mesh"], self.tr("خودکار"), self.tr("نقطهٔ خودکار (شبکهٔ چهره)")),
            (SOURCE_COLOURS["silhouette"], self.tr("خط نیم‌رخ"), self.tr("نقطهٔ خودکار روی خط نیم‌رخ")),
            (SOURCE_COLOURS["corrected"], self.tr("اصلاح‌شده"), self.tr("جای نقطه را پزشک تعیین کرده است")),
            (
                LOW_CONFIDENCE_COLOUR,
                self.tr("نامطمئن"),
                self.tr("خاکستری: نقطهٔ کم‌اطمینان؛ تا پزشک جای آن را تأیید یا اصلاح نکند در اندازه‌ها به کار نمی‌رود"),
            ),
        )
        self.items: list[QLabel] = []
        for colour, text, tip in entries:
            label = QLabel(f"<span style='color:{colour}; font-size:14pt;'>●</span> {text}")
            label.setToolTip(tip)
            row.addWidget(label)
            self.items.append(label)
        self.setToolTip(self.tr("رنگ نقاط"))

    def texts(self) -> list[str]:
        return [QTextDocumentFragment.fromHtml(label.text()).toPlainText() for label in self.items]
