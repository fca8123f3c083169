"""The report preview before signing: the doctor reads the pages that signing will store, then confirms.

The pages come from `reports.preview` (the same HTML and page painting as the stored PDF, signed by this
doctor, nothing saved). With Qt's PDF module (PySide6.QtPdf) the PDF bytes themselves are rendered; without
it (the wheel this app ships has none), the page images the same code painted. Everything stays in memory:
the PDF is never written to disk before signing (and after signing only encrypted, by core).
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.gui.theme import current_lang


def pdf_page_images(pdf: bytes, width: int) -> list[QImage] | None:
    """The PDF's pages rendered by Qt's PDF module, or None when PySide6.QtPdf is not installed."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    document = QPdfDocument(None)
    buffer = QBuffer(document)  # goes with the document
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    out = []
    for index in range(document.pageCount()):
        size = document.pagePointSize(index)
        height = round(width * size.height() / size.width()) if size.width() else round(width * 1.414)
        out.append(document.render(index, QSize(width, height)))
    document.close()
    buffer.close()
    # Deleted here, with its buffer, not left to Python's collector: a QPdfDocument dropped that way
    # (a parentless document over a separate QBuffer) later crashed the app in a timer event delivered
    # to a freed object (seen as a segfault in the screenshot walk run after these tests)
    shiboken6.delete(document)
    return out


def png_page_images(pages: tuple[bytes, ...]) -> list[QImage]:
    return [QImage.fromData(page, "PNG") for page in pages]


class ReportPreviewDialog(QDialog):
    """Shows every page; "sign and store" accepts, "back to editing" rejects. Holds the pages in memory only
    (dropped with the dialog)."""

    def __init__(self, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.setWindowTitle(self.tr("پیش‌نمایش گزارش پیش از امضا"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "این همان گزارشی است که با امضای شما ساخته و در پرونده ذخیره می‌شود (زمان امضا هنگام تأیید ثبت"
                " می‌شود). آن را بخوانید؛ اگر درست است امضا کنید، وگرنه به ویرایش برگردید."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("previewNote")
        layout.addWidget(note)
        width = 760
        images = pdf_page_images(preview.pdf, width)
        self.source = "pdf" if images is not None else "pages"
        if images is None:
            images = png_page_images(preview.pages)
        self.page_images = images
        self.count = QLabel(self.tr("{0} صفحه").format(self._digits(len(images))))
        self.count.setObjectName("previewPages")
        self.count.setProperty("role", "hint")
        layout.addWidget(self.count)
        pages = QWidget()
        pages.setObjectName("previewPagesBox")
        pages.setStyleSheet("#previewPagesBox { background-color: #5f6b73; }")
        column = QVBoxLayout(pages)
        column.setSpacing(12)
        self.page_labels: list[QLabel] = []
        self.page_width = width
        for _image in images:
            label = QLabel()
            label.setObjectName("previewPage")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
            self.page_labels.append(label)
        self.scroll = QScrollArea()
        self.scroll.setWidget(pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # pages fit the width
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.scroll, 1)
        self.buttons = QDialogButtonBox()
        self.sign = self.buttons.addButton(self.tr("امضا و ذخیرهٔ گزارش"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign.setObjectName("previewSign")
        self.sign.setProperty("role", "primary")
        self.back = self.buttons.addButton(self.tr("بازگشت به ویرایش"), QDialogButtonBox.ButtonRole.RejectRole)
        self.back.setObjectName("previewBack")
        self.back.setDefault(True)  # the safe choice is the default
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        if available is not None:
            self.resize(min(width + 80, int(available.width() * 0.95)), int(available.height() * 0.9))
        else:
            self.resize(width + 80, 700)

    def _fit_pages(self) -> None:
        """Each page as wide as the view allows (at most its own width): never a sideways scroll."""
        width = max(200, min(self.page_width, self.scroll.viewport().width() - 28))
        for label, image in zip(self.page_labels, self.page_images, strict=True):
            pixmap = label.pixmap()
            if pixmap is not None and not pixmap.isNull() and pixmap.width() == width:
                continue
            label.setPixmap(QPixmap.fromImage(image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.page_images:
            self._fit_pages()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.page_images:
            self._fit_pages()

    @staticmethod
    def _digits(value: int) -> str:
        return str(value) if current_lang() == "en" else str(value).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))

    def done(self, result: int) -> None:
        for label in self.page_labels:
            label.clear()  # the pages (personal data) go with the dialog
        self.page_images = []
        super().done(result)
