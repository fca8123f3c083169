"""The photos (or documents) of an order (ui/order_photos.ui): one card a photo, the hint of what to do
next, the analysis summary and the import report.

The section holds the decrypted thumbnails and analysis summaries of the open order, in memory only;
`clear_pixels()` drops them (lock, another order, access ended).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from maya_desktop.core.operations.orders import AnalysisSummary, OrderSnapshot
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.states import IMPORT_PHASE_STATES, Action
from maya_desktop.core.photos import PhotoInfo
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.gui.forms import child, embed_form
from maya_desktop.gui.orders.common import can, digits, repolish, start_alignment
from maya_desktop.gui.orders.photo_card import PhotoCard, thumbnail_image

COLUMNS = 4


class OrderPhotosSection(QWidget):
    remove_requested = Signal(int)  # a photo id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box: QGroupBox = embed_form("order_photos.ui", self)  # type: ignore[assignment]
        # PySide makes the Python enums of a style the first time they are reached (tens of ms); here, with the
        # screen being built, rather than on the first photo's verdict in the middle of an import
        repolish(self.box)
        # Qt loads its JPEG plugin the first time a JPEG is read or written (2-3 ms): here too, rather than with
        # the first photo an import reports
        _load_the_jpeg_plugin()
        self.hint: QLabel = child(self.box, QLabel, "photosHint")
        self.grid_host: QWidget = child(self.box, QWidget, "photoGrid")
        self.grid: QGridLayout = self.grid_host.layout()  # type: ignore[assignment]
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.analysis_label: QLabel = child(self.box, QLabel, "analysisSummary")
        self.import_report: QLabel = child(self.box, QLabel, "importReport")
        for label in (self.hint, self.analysis_label, self.import_report):
            label.setAlignment(start_alignment())
        self.import_report.hide()
        self.photos: list[PhotoInfo] = []
        self.cards: dict[int, PhotoCard] = {}
        self.placed: list[int] = []  # the cards' photo ids in the order of their grid cells (all of `cards`)
        self.thumbs: dict[int, bytes] = {}  # decrypted thumbnails of the open order, memory only
        self.analyses: dict[int, AnalysisSummary] = {}
        self.ready: dict[int, PhotoCard] = {}  # cards built ahead for photos an import reported (hidden, not placed)

    # ---- what the snapshot brings ------------------------------------------------------------------
    def keep_from(self, snapshot: OrderSnapshot) -> None:
        for thumb in snapshot.thumbnails:
            if thumb.jpeg is not None:
                self.thumbs[thumb.photo_id] = thumb.jpeg
        for summary in snapshot.analyses:
            self.analyses[summary.photo_id] = summary

    def forget_photo(self, photo_id: int) -> None:
        self.thumbs.pop(photo_id, None)
        self.analyses.pop(photo_id, None)
        self._drop_ready(photo_id)

    def prepare_card(self, photo: PhotoInfo, data: bytes) -> None:
        """Build the card of a photo the import just reported (in that report's event on the GUI thread), ahead of
        the reload that shows it (its answer comes about a photo later): thumbnail decoded at the card's size,
        card built, filled, styled and laid out, hidden. The reload's answer then only places and shows it: a
        card built there cost the GUI thread 4-5 ms in one go, on top of the layout and repaint its placing
        causes. On the GUI thread, not a pool thread: a decode there added a Python thread wanting the GIL, and
        on a busy machine the GUI thread then slept waiting for the GIL while that thread waited for a core (a
        71 ms gap, 2026-12-07); the decode at the card's size costs 0.5 ms."""
        if photo.id in self.cards or photo.id in self.ready:
            return
        image = thumbnail_image(data)
        if image is None:
            return  # its card, built when the reload comes, says it could not be read
        card = self._build_card(photo)
        card.show_image(image)
        card.ensurePolished()  # styled now, not when it is shown
        card.adjustSize()  # and laid out
        self.ready[photo.id] = card

    def _drop_ready(self, photo_id: int | None = None) -> None:
        for pid in list(self.ready) if photo_id is None else [photo_id]:
            card = self.ready.pop(pid, None)
            if card is not None:
                card.deleteLater()

    def drop_cards(self, keep: frozenset[int] | set[int] = frozenset(), stay: int = 0) -> None:
        """Take the cards out of the grid, but the first `stay` placed ones (they keep their cells); delete those
        taken out whose photo is not in `keep`."""
        for photo_id in self.placed[stay:]:
            card = self.cards[photo_id]
            self.grid.removeWidget(card)  # now, not at deleteLater: new cards take the same cells
            if photo_id not in keep:
                card.hide()
                card.deleteLater()
                del self.cards[photo_id]
        del self.placed[stay:]

    # ---- showing -----------------------------------------------------------------------------------
    def show_documents(self, documents: Any) -> None:
        self.photos = []
        self.drop_cards()
        self.box.setTitle(self.tr("اسناد"))
        words = sum(d.word_count for d in documents)
        self.hint.setText(
            self.tr("{0} سند، {1} واژه").format(digits(len(documents)), digits(words))
            if documents
            else self.tr("سندی وارد نشده است.")
        )
        self.analysis_label.hide()

    def show_destroyed(self) -> None:
        self.photos = []
        self.box.setTitle(self.tr("عکس‌ها"))
        self.analysis_label.show()
        self.drop_cards()
        self.hint.setText(self.tr("عکس‌های این سفارش نابود شده‌اند."))
        self.analysis_label.setText("")

    def show_photos(self, session: Session, order: Order, snapshot: OrderSnapshot) -> bool:
        """The cards of the order's photos; False when this person may not see their pixels now."""
        self.box.setTitle(self.tr("عکس‌ها"))
        self.analysis_label.show()
        self.photos = list(snapshot.photos)
        basis = None if session.locked else snapshot.file_access
        if basis is None:
            self.clear_pixels()  # access ended (state moved on, break-glass expired): drop the pixels
        editable = order.status in IMPORT_PHASE_STATES and allowed(session.role, "photos.import")
        # Refresh only what changed: a card that already shows its photo stays, updated in place when the
        # photo's row changed (rebuilding six cards and rescaling their thumbnails stalled the GUI 34-43 ms), and
        # the cards already in the right cells stay in the grid (an import only adds cards after them): taking
        # every card out and putting it back made Qt lay out and repaint the whole section for each new photo.
        kept = {p.id for p in self.photos if p.id in self.cards and (basis is None or self.cards[p.id].has_image())}
        ids = [p.id for p in self.photos]
        stay = 0
        while stay < min(len(ids), len(self.placed)) and ids[stay] == self.placed[stay] and ids[stay] in kept:
            stay += 1
        self.drop_cards(keep=kept, stay=stay)
        for n, photo in enumerate(self.photos):
            if photo.id in kept:
                card = self.cards[photo.id]
                if card.photo != photo:
                    card.set_photo(photo)
                    if basis is not None and photo.has_analysis:
                        card.show_analysis(self.analyses.get(photo.id))
                card.set_editable(editable)
            elif photo.id in self.ready and basis is not None:  # built ahead, with its thumbnail
                card = self.ready.pop(photo.id)
                self.cards[photo.id] = card
                if card.photo != photo:
                    card.set_photo(photo)
                card.set_editable(editable)
                if photo.has_analysis:
                    card.show_analysis(self.analyses.get(photo.id))
            else:
                card = self._new_card(photo, snapshot, editable, seen=basis is not None)
            if n >= stay:
                self.grid.addWidget(card, n // COLUMNS, n % COLUMNS, Qt.AlignmentFlag.AlignTop)  # one top line
                card.show()  # a child added to a visible parent stays hidden unless shown
                self.placed.append(photo.id)
        self._show_hint(session, order, seen=basis is not None, editable=editable)
        self._summarise_analysis(basis is not None)
        return basis is not None

    def _new_card(self, photo: PhotoInfo, snapshot: OrderSnapshot, editable: bool, *, seen: bool) -> PhotoCard:
        """A card showing everything it will show before it is placed and shown (laid out and styled once)."""
        card = self._build_card(photo)
        card.set_editable(editable)
        self.cards[photo.id] = card
        if seen:
            self._show_thumbnail(card, photo, snapshot)
            if photo.has_analysis:
                card.show_analysis(self.analyses.get(photo.id))
        else:
            card.show_placeholder(self.tr("بدون دسترسی به تصویر"))
        return card

    def _build_card(self, photo: PhotoInfo) -> PhotoCard:
        card = PhotoCard(photo, self.grid_host)
        card.remove_requested.connect(self.remove_requested)
        return card

    def _show_hint(self, session: Session, order: Order, *, seen: bool, editable: bool) -> None:
        if not self.photos:
            hint = self.tr("هنوز عکسی وارد نشده است.")
            if can(session, order, Action.IMPORT_FILES):
                hint += " " + self.tr("عکس‌ها یا پوشهٔ آن‌ها را اینجا رها کنید یا «وارد کردن عکس» را بزنید.")
        elif not seen:
            hint = self.tr("تصاویر این سفارش در این مرحله برای نقش شما نمایش داده نمی‌شود.")
        elif editable:
            hint = self.tr("نمای هر عکس را بررسی و «تأیید نماها» را بزنید. برای افزودن عکس، فایل‌ها را اینجا رها کنید.")
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def _show_thumbnail(self, card: PhotoCard, photo: PhotoInfo, snapshot: OrderSnapshot) -> None:
        data = self.thumbs.get(photo.id)
        if data is not None:
            card.show_pixmap(data)
            return
        problem = next((t.problem for t in snapshot.thumbnails if t.photo_id == photo.id), "denied")
        if problem == "damaged":  # the file was altered or is damaged: say so instead of an empty card
            card.show_placeholder(self.tr("فایل این تصویر آسیب دیده یا دستکاری شده است"))
        else:
            card.show_placeholder(self.tr("بدون دسترسی به تصویر"))

    def _summarise_analysis(self, with_details: bool) -> None:
        analysed = sum(1 for p in self.photos if p.has_analysis)
        if not self.photos:
            self.analysis_label.setText("")
            return
        text = self.tr("تحلیل خودکار: {0} از {1} عکس").format(digits(analysed), digits(len(self.photos)))
        if with_details and self.analyses:
            refused = [s for s in self.analyses.values() if s.refused]
            findings = sum(s.out_of_range for s in self.analyses.values())
            text += self.tr("؛ {0} اندازهٔ خارج از محدودهٔ طبیعی؛ {1} عکس رد شد").format(
                digits(findings), digits(len(refused))
            )
        self.analysis_label.setText(text)

    def chosen_views(self) -> dict[int, Any]:
        return {pid: card.view.currentData() for pid, card in self.cards.items()}

    def clear_pixels(self) -> None:
        """Drop every decrypted thumbnail and analysis summary; the cards say "no access"."""
        self.thumbs.clear()
        self._drop_ready()
        self.analyses.clear()
        for card in self.cards.values():
            card.show_placeholder(self.tr("بدون دسترسی به تصویر"))
            card.show_analysis(None)


def _load_the_jpeg_plugin() -> None:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0)
    image.save(buffer, "JPEG")
    buffer.close()
