"""HTML (Qt rich text) -> paginated A4 PDF bytes with a running footer, all in memory (QBuffer).

Needs a QGuiApplication (QApplication is fine). Registers Vazirmatn so Persian is shaped and
embedded as real text (extractable, searchable).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

from maya_desktop.resources_path import resource

FONT_FAMILY = "Vazirmatn"
DPI = 96  # 1 HTML px = 1 device px; text and vector shapes stay vector in the PDF, images keep their pixels
_family: str | None = None


def ensure_fonts() -> str:
    """Register the bundled Vazirmatn (once) and return its family name."""
    global _family
    if _family is None:
        if QGuiApplication.instance() is None:
            raise RuntimeError("a QGuiApplication is needed to make PDF reports")
        family = FONT_FAMILY
        for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
            font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
            if font_id >= 0:
                family = QFontDatabase.applicationFontFamilies(font_id)[0]
        _family = family
    return _family


def pdf_font(point_size: float = 9.5) -> QFont:
    """Vazirmatn without contextual alternates: Qt's PDF text map (ToUnicode) only knows glyphs the
    font's cmap reaches, and Vazirmatn's `calt` swaps in unmapped ones (e.g. initial teh, peh), which
    made words like «پزشک» extract as «زشک». Required Arabic shaping (init/medi/fina/rlig) stays on."""
    font = QFont(ensure_fonts())
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("calt"), 0)
    return font


def esc(text: object) -> str:
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "<br/>")
    )


@dataclass(frozen=True)
class Pages:
    """A document to lay out on A4 pages: its HTML, the footer line under every page, the images the HTML names,
    its direction and the page number's text ("{0}" of "{1}"). One value for the PDF, the printer and the preview,
    so the three cannot differ."""

    html: str
    footer: str
    images: Mapping[str, QImage] | None = None
    rtl: bool = True
    page_label: str = "صفحهٔ {0} از {1}"


def render_pdf(pages: Pages, *, title: str) -> bytes:
    """Lay out `pages` on A4 (15 mm margins) with their footer line; return the PDF bytes."""
    ensure_fonts()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("Maya Desktop")
    writer.setPageLayout(a4_layout())
    paint_pages(writer, pages)
    buffer.close()
    return bytes(data.data())


A4_MARGINS_MM = QMarginsF(15, 14, 15, 16)


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, A4_MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def _document(paint_device: object, pages: Pages, body: QSizeF) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(pdf_font(9.5))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if pages.rtl else Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    for name, image in (pages.images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.documentLayout().setPaintDevice(paint_device)  # type: ignore[arg-type]
    doc.setPageSize(body)
    doc.setHtml(pages.html)
    return doc


def _paint_page(
    painter: QPainter,
    doc: QTextDocument,
    index: int,
    count: int,
    page: QRectF,
    body: QSizeF,
    footer_h: float,
    dpi: float,
    pages: Pages,
) -> None:
    """One page's body and its footer line, in the paint rectangle's coordinates (margins excluded)."""
    painter.save()
    painter.translate(0, -index * body.height())
    doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
    painter.restore()
    y = page.height() - footer_h + 8 * dpi / DPI
    painter.setPen(QPen(QColor("#c9ced6"), 0.8))
    painter.drawLine(QPointF(0, y), QPointF(page.width(), y))
    painter.setPen(QColor("#6b7280"))
    painter.setFont(pdf_font(7.5))
    box = QRectF(0, y + 3, page.width(), footer_h - 10 * dpi / DPI)
    number = pages.page_label.format(index + 1, count)
    if pages.rtl:
        number = _fa_digits(number)
    left, right = (number, pages.footer) if pages.rtl else (pages.footer, number)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)


def paint_pages(device: QPagedPaintDevice, pages: Pages) -> int:
    """Paint the document onto a paged device (QPdfWriter, or a QPrinter from QPrintDialog)."""
    ensure_fonts()
    dpi = device.resolution() if not isinstance(device, QPdfWriter) else DPI  # type: ignore[attr-defined]  # QPrinter
    page = QRectF(device.pageLayout().paintRectPixels(dpi))
    footer_h = 26.0 * dpi / DPI
    body = QSizeF(page.width(), page.height() - footer_h)
    doc = _document(device, pages, body)
    count = doc.pageCount()
    painter = QPainter(device)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index in range(count):
        if index:
            device.newPage()
        _paint_page(painter, doc, index, count, page, body, footer_h, dpi, pages)
    painter.end()
    return count


def render_page_images(pages: Pages, *, scale: float = 1.0) -> list[QImage]:
    """The same pages as `render_pdf` (same layout and painting code), as images in memory: whole A4 pages
    with their margins, white, at 96 dpi times `scale` (for a preview on screen; nothing touches the disk)."""
    ensure_fonts()
    layout = a4_layout()
    full = layout.fullRectPixels(DPI)
    page = QRectF(layout.paintRectPixels(DPI))
    footer_h = 26.0
    body = QSizeF(page.width(), page.height() - footer_h)
    # laid out against a picture the size of a page: the same metrics as the PDF writer's 96 dpi
    probe = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(round(DPI / 0.0254))
    probe.setDotsPerMeterY(round(DPI / 0.0254))
    doc = _document(probe, pages, body)
    count = doc.pageCount()
    out: list[QImage] = []
    for index in range(count):
        image = QImage(round(full.width() * scale), round(full.height() * scale), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(DPI * scale / 0.0254))
        image.setDotsPerMeterY(round(DPI * scale / 0.0254))
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        painter.translate(page.left(), page.top())
        _paint_page(painter, doc, index, count, page, body, footer_h, DPI, pages)
        painter.end()
        out.append(image)
    return out


def _fa_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def fit_image(image: QImage, max_side: int = 1400) -> QImage:
    """Downscale for the PDF (keeps files small); the PDF engine encodes it."""
    if max(image.width(), image.height()) > max_side:
        image = image.scaled(
            max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image
