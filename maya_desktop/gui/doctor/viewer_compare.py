"""The case viewer's compare: this case's other photos and the client's earlier orders' photos this person
may open (core's consent rules decide), the one chosen laid on the face by a similarity fitted on both
photos' landmarks. An earlier order's photo is decrypted only when chosen, decoded at screen size, and
dropped as soon as it is no longer compared.

Compare (issue 15): the similarity is fitted in full-resolution coordinates; the canvas scales the compared
photo's screen-size pixels up to its full size before applying it (`PhotoCanvas.set_compare`).

A part of `viewer.CaseViewer` (a mixin: it works on the viewer's canvas, compare box and decoded photos)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from maya_desktop.core.analysis.align import Similarity, face_alignment
from maya_desktop.core.orders.cases import ComparablePhoto
from maya_desktop.core.orders.corrections import analysis_view, landmarks_of
from maya_desktop.core.persian import format_jalali_date
from maya_desktop.gui.doctor.photo_loader import LoadedPhoto
from maya_desktop.gui.doctor.photo_strip import view_label
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.theme import current_lang


class Compare:
    """Comparing the shown photo with another, for `CaseViewer`."""

    canvas: Any
    compare: Any

    def _add_earlier_photos(self) -> None:
        """The same client's earlier orders' photos this person may open now (core's consent rules decide),
        as more choices of the compare box; nothing of them is decrypted until one is chosen."""
        from maya_desktop.core.operations.catalogue import OrderRef

        if self.grant_over or self.session.locked or self.__dict__.get("_cleared"):
            return  # (closed or locked before this building step ran: nothing more is read)
        # read without waiting: the choices are added when the answer comes; a refusal adds nothing (the case
        # itself stays as it is)
        self.reads.run(
            operations_for(self.session), "cases.earlier_photos", OrderRef(self.order_id), self._earlier_listed
        )

    def _earlier_listed(self, _ticket: int, earlier: list[ComparablePhoto]) -> None:
        if not self._live() or self.__dict__.get("_cleared"):
            return  # closed, locked or the photos closed meanwhile: nothing of the earlier orders is offered
        for photo in earlier:
            self.earlier[photo.photo_id] = photo
            when = format_jalali_date(
                dt.datetime.fromisoformat(photo.order_created_at).astimezone(), "en" if current_lang() == "en" else "fa"
            )
            text = self.tr("سفارش پیشین {0} — {1}").format(when, view_label(photo.view))
            self.compare.addItem(text, photo.photo_id)
            self.compare.setItemData(self.compare.count() - 1, text, Qt.ItemDataRole.ToolTipRole)

    def _compare_source(self, other: int) -> tuple[QImage | None, dict[str, Any] | None, str | None, QSize | None]:
        """The pixels (a screen-size decode), analysis, view and full size of the photo to compare with (this
        case's or an earlier order's); the pixels are None until decoded (asked for here: shown when they
        arrive)."""
        if other in self.photos:
            image = self.images.get(other)
            if image is None:
                self._open_full(other)  # shown as soon as it is decoded (_photo_loaded)
            return image, self.analyses.get(other), self.photos[other].view, self.full_sizes.get(other)
        photo = self.earlier.get(other)
        if photo is None:
            return None, None, None, None
        if self.earlier_shown is not None and self.earlier_shown[0] == other:
            _pid, image, analysis, full = self.earlier_shown
            return image, analysis, photo.view, full
        self._open_earlier(other)
        return None, None, photo.view, None

    def _compare_changed(self) -> None:
        other = self.compare.currentData()
        self.compare_slider.setEnabled(other is not None)
        if self.earlier_shown is not None and self.earlier_shown[0] != other:
            self.earlier_shown = None  # the earlier photo is no longer compared: its pixels go
        image, analysis, view, full = (None, None, None, None) if other is None else self._compare_source(other)
        self._compare_points = (landmarks_of(analysis), analysis_view(view, analysis)) if image is not None else None
        alignment = self._alignment()
        # the landmarks (and so the alignment) are in full-resolution coordinates: the canvas scales the
        # compared photo's screen-size pixels up to its full size first
        self.canvas.set_compare(image, alignment, full)
        self.canvas.set_compare_fraction(self.compare_slider.value() / 100)
        self._forget_unused()
        if image is not None:
            self.status.setText(
                self.tr("عکس دوم روی چهره هم‌تراز شد (مقیاس، چرخش و جابه‌جایی).")
                if alignment is not None
                else self.tr("نقاط مشترک کافی نیست: عکس دوم فقط هم‌قد شد، هم‌تراز نشد.")
            )

    def _alignment(self) -> Similarity | None:
        """The compared photo laid on the face on screen (its landmarks onto the current, live ones)."""
        if self._compare_points is None or self.current is None or not self.canvas.landmarks:
            return None
        theirs, their_view = self._compare_points
        return face_alignment(theirs, self.canvas.landmarks, their_view, self.canvas.view_name)

    def _realign(self, _measurements: object = None) -> None:
        if self.canvas.compare_item is not None:
            self.canvas.realign_compare(self._alignment())

    def _open_earlier(self, photo_id: int) -> None:
        """Decrypt one earlier order's photo because the doctor chose it to compare (core checks the access
        and logs the viewing); only one such photo is kept, and only while it is compared."""
        if not self._live() or self._decoding(photo_id):
            return
        self.earlier_shown = None
        loader = self._photo_loader(photo_id)
        loader.signals.photo.connect(self._earlier_loaded)
        loader.signals.photo_failed.connect(lambda _pid, exc: self._earlier_failed(exc))
        loader.signals.stopped.connect(self._earlier_failed)
        loader.start()

    def _earlier_loaded(self, loaded: LoadedPhoto) -> None:
        if not self._live() or loaded.photo_id not in self.earlier:
            return
        if self.compare.currentData() != loaded.photo_id:
            return  # the doctor chose something else meanwhile: not kept
        # the pixels at screen size and the analysis; the JPEG bytes are not kept (no zoom tiles for it)
        self.earlier_shown = (loaded.photo_id, loaded.image, loaded.analysis, loaded.full_size or loaded.image.size())
        self._compare_changed()

    def _earlier_failed(self, exc: BaseException) -> None:
        if self._live():
            self.status.setText(error_text(exc))
