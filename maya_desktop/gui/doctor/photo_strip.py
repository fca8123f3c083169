"""A vertical strip of the case's photos (thumbnails decoded in memory), labelled by view.

While a case opens, photos not decoded yet show a placeholder ("opening…"); `set_thumbnail` replaces it
when the thumbnail is ready, `set_failed` when the photo could not be opened. Placeholders can be
clicked (the viewer then opens that photo)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from maya_desktop.core.orders.states import VIEWS
from maya_desktop.gui import labels


def view_label(view: str | None) -> str:
    return labels.view_label(view, unknown=labels.unknown_view_label())


def view_rank(view: str | None) -> int:
    return VIEWS.index(view) if view in VIEWS else len(VIEWS)


class PhotoStrip(QListWidget):
    """Emits `chosen(photo_id)`. Items are ordered by view (frontal, profiles, obliques, base)."""

    chosen = Signal(int)
    width_fitted = Signal(int)  # the strip's new width (the viewer's strip box follows it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setIconSize(QSize(112, 112))
        self.setFixedWidth(140)  # until it has photos (`_fit_width`)
        self.setSpacing(4)
        self.setMovement(QListWidget.Movement.Static)
        self.currentItemChanged.connect(self._changed)

    def _fit_width(self) -> None:
        """As wide as the widest tile with its spacing, plus the vertical scroll bar when the tiles are taller
        than the strip: so no horizontal scroll bar shows when the thumbnails fit. A fixed 140 px left the
        tiles (112 px icon and the style sheet's item padding: 134 px) 4 px wider than the viewport."""
        if self.count() == 0:
            return
        sizes = [self.sizeHintForIndex(self.model().index(row, 0)) for row in range(self.count())]
        frame = 2 * self.frameWidth()
        width = max(s.width() for s in sizes) + 2 * self.spacing() + frame
        tall = sum(s.height() for s in sizes) + (len(sizes) + 1) * self.spacing()
        if tall > self.height() - frame:
            width += self.verticalScrollBar().sizeHint().width()
        if width != self.width():
            self.setFixedWidth(width)
            self.width_fitted.emit(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._fit_width()  # taller or shorter: the vertical scroll bar may come or go

    def set_photos(self, photos: list[tuple[int, str | None, QImage | None]], *, sealed: bool = False) -> None:
        """Photos in view order; a missing thumbnail (None) shows the "opening…" placeholder, or with
        `sealed` (break-glass: nothing opens by itself) "click to open"."""
        self.blockSignals(True)
        self.clear()
        for photo_id, view, thumb in sorted(photos, key=lambda p: (view_rank(p[1]), p[0])):
            item = QListWidgetItem(view_label(view))
            item.setData(Qt.ItemDataRole.UserRole, photo_id)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
            if thumb is not None and not thumb.isNull():
                self.set_thumbnail(photo_id, thumb)
            else:
                note = self.tr("برای باز کردن کلیک کنید") if sealed else self.tr("در حال باز شدن…")
                self._set_placeholder(item, note, QColor("#2b3138"))
        self.blockSignals(False)
        self._fit_width()

    def photo_ids(self) -> list[int]:
        """In strip (view) order."""
        return [int(self.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.count())]

    def _item(self, photo_id: int) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == photo_id:
                return self.item(row)
        return None

    def set_thumbnail(self, photo_id: int, thumb: QImage | None) -> None:
        """The photo is ready: its thumbnail (or, without one, a plain tile) replaces the placeholder."""
        item = self._item(photo_id)
        if item is None:
            return
        item.setData(Qt.ItemDataRole.UserRole + 1, "ready")
        if thumb is not None and not thumb.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(thumb)))
        else:
            item.setIcon(QIcon())

    def set_failed(self, photo_id: int) -> None:
        item = self._item(photo_id)
        if item is not None:
            self._set_placeholder(item, self.tr("باز نشد"), QColor("#5c2323"))
            item.setData(Qt.ItemDataRole.UserRole + 1, "failed")

    def state(self, photo_id: int) -> str:
        """'loading' | 'ready' | 'failed' (for tests and the viewer)."""
        item = self._item(photo_id)
        return str(item.data(Qt.ItemDataRole.UserRole + 1) or "loading") if item is not None else ""

    def _set_placeholder(self, item: QListWidgetItem, text: str, colour: QColor) -> None:
        """A neutral tile with a short Persian note (drawn here: no file, no pixels of the photo)."""
        size = self.iconSize()
        tile = QPixmap(size)
        tile.fill(Qt.GlobalColor.transparent)
        painter = QPainter(tile)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#6b7680"), 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(colour)
        rect = QRectF(2, 2, size.width() - 4, size.height() - 4)
        painter.drawRoundedRect(rect, 10, 10)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF()))
        painter.setFont(font)
        painter.setPen(QColor("#e6ebef"))
        painter.setLayoutDirection(self.layoutDirection())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        painter.end()
        item.setIcon(QIcon(tile))

    def select_photo(self, photo_id: int) -> None:
        item = self._item(photo_id)
        if item is not None:
            self.setCurrentItem(item)

    def _changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.chosen.emit(int(current.data(Qt.ItemDataRole.UserRole)))
