"""One photo of an order on the reception screen: its thumbnail (or a "no access" placeholder), the view to
confirm, and the analysis verdict. Pixels live only in memory (decoded from bytes in memory: `thumbnail_image`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from maya_desktop.core.operations.orders import AnalysisSummary
from maya_desktop.core.orders.states import VIEWS
from maya_desktop.core.photos import PhotoInfo
from maya_desktop.gui.image_bytes import image_reader
from maya_desktop.gui.labels import view_label as _view_label
from maya_desktop.gui.orders.common import digits, lang, make_label, repolish

THUMB = 168
# a refusal's first reason is shown whole up to this (the English one-face rule is 72 characters; 70 cut it)
REASON_CHARS = 90


def thumbnail_image(data: bytes) -> QImage | None:
    """A thumbnail's JPEG decoded at the card's size (None when it cannot be read), in memory only: the reader
    decodes the 320 px thumbnail scaled (0.5 ms; QImage.loadFromData then QImage.scaled took 1-1.3 ms)."""
    with image_reader(data) as reader:
        size = reader.size()
        if size.isValid() and not size.isEmpty():  # a small one is scaled up, as the card always showed it
            reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
    return None if image.isNull() else image


def elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def view_label(view: str | None) -> str:
    return _view_label(view)


class PhotoCard(QFrame):
    """Thumbnail (or a 'no access' placeholder), the view to confirm, and the analysis verdict."""

    remove_requested = Signal(int)

    def __init__(self, photo: PhotoInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo = photo
        self.setProperty("role", "card")
        self.setObjectName(f"photoCard{photo.id}")
        self.setFixedWidth(THUMB + 28)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        self.thumb = QLabel()
        self.thumb.setObjectName("photoThumb")
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setWordWrap(True)
        self.thumb.setStyleSheet("background-color: #eef3f3; border-radius: 6px; color: #5b6b72;")
        layout.addWidget(self.thumb)
        self.view = QComboBox()
        self.view.setObjectName("photoView")
        for view in VIEWS:
            self.view.addItem(view_label(view), view)
        self.view.setPlaceholderText(self.tr("نما را انتخاب کنید"))
        self._show_view()
        layout.addWidget(self.view)
        self.state = make_label("", "hint", wrap=True)
        layout.addWidget(self.state)
        self.verdict = make_label("", None, wrap=True)
        self.verdict.setObjectName("photoVerdict")
        self.verdict.hide()
        layout.addWidget(self.verdict)
        self.remove = QPushButton(self.tr("حذف عکس"))
        self.remove.setProperty("role", "flat")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.photo.id))
        layout.addWidget(self.remove)
        self._update_state()
        self.show_placeholder(self.tr("بدون دسترسی به تصویر"))

    def set_photo(self, photo: PhotoInfo) -> None:
        """The same photo, its row changed (view confirmed, analysis done): the card follows in place (its
        thumbnail stays; rebuilding every card after each import step stalled the screen)."""
        self.photo = photo
        self._show_view()
        self._update_state()

    def _show_view(self) -> None:
        view = self.photo.view
        self.view.setCurrentIndex(VIEWS.index(view) if view in VIEWS else -1)

    def _update_state(self) -> None:
        if self.photo.view_confirmed:
            text = self.tr("✓ نما تأیید شده")
        elif self.photo.suggested_view:
            text = self.tr("پیشنهاد تحلیل: {0}").format(view_label(self.photo.suggested_view))
        else:
            text = self.tr("نما را تعیین و تأیید کنید")
        self.state.setText(text)

    def show_pixmap(self, data: bytes) -> bool:
        return self.show_image(thumbnail_image(data))

    def show_image(self, image: QImage | None) -> bool:
        """A thumbnail decoded by `thumbnail_image` (None: it could not be read)."""
        if image is None:
            self.show_placeholder(self.tr("تصویر خوانده نشد"))
            return False
        self.thumb.setPixmap(QPixmap.fromImage(image))  # in memory only; nothing reaches the disk
        return True

    def show_placeholder(self, text: str) -> None:
        self.thumb.clear()
        self.thumb.setText(text)

    def has_image(self) -> bool:
        pixmap = self.thumb.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def show_analysis(self, summary: AnalysisSummary | None) -> None:
        """One or two short lines on the card; the full Persian reasons are in the tooltip."""
        if summary is None:
            self.verdict.hide()
            self.verdict.setToolTip("")
            return
        reasons = summary.reasons_fa if lang() == "fa" else summary.reasons_en
        warnings = summary.warnings_fa if lang() == "fa" else summary.warnings_en
        if summary.refused:
            first = reasons[0] if reasons else self.tr("کیفیت عکس برای تحلیل کافی نیست")
            self.verdict.setText(self.tr("رد شد: {0}").format(elide(first, REASON_CHARS)))
            self.verdict.setToolTip("\n".join(reasons))
            self.verdict.setProperty("role", "error")
        else:
            text = self.tr("تحلیل شد؛ {0} اندازهٔ خارج از محدوده").format(digits(summary.out_of_range))
            if warnings:
                text += self.tr("؛ {0} هشدار").format(digits(len(warnings)))
            self.verdict.setText(text)
            self.verdict.setToolTip("\n".join(warnings))
            self.verdict.setProperty("role", "hint")
        if self.verdict.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            repolish(self.verdict)  # a card not shown yet is styled once, when it is shown
        self.verdict.show()

    def set_editable(self, editable: bool) -> None:
        self.view.setEnabled(editable)
        self.remove.setVisible(editable)
