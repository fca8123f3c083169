"""A vertical strip of the case's photos (thumbnails decoded in memory), labelled by view."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setIconSize(QSize(132, 132))
        self.setFixedWidth(168)
        self.setSpacing(4)
        self.setMovement(QListWidget.Movement.Static)
        self.currentItemChanged.connect(self._changed)

    def set_photos(self, photos: list[tuple[int, str | None, QImage | None]]) -> None:
        self.blockSignals(True)
        self.clear()
        for photo_id, view, thumb in sorted(photos, key=lambda p: (view_rank(p[1]), p[0])):
            item = QListWidgetItem(view_label(view))
            if thumb is not None and not thumb.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(thumb)))
            item.setData(Qt.ItemDataRole.UserRole, photo_id)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        self.blockSignals(False)

    def select_photo(self, photo_id: int) -> None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == photo_id:
                self.setCurrentRow(row)
                return

    def _changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.chosen.emit(int(current.data(Qt.ItemDataRole.UserRole)))
