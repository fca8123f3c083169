"""The case viewer's standard layout: every photo of the case side by side (`layout_view.LayoutView`). Turning
it on opens every photo (each logged as viewed) and keeps cell-size copies of them; turning it off drops them.

A part of `viewer.CaseViewer` (a mixin: it works on the viewer's decoded photos and centre view)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt

from maya_desktop.gui.doctor.layout_view import LAYOUT_CELL, LayoutCell
from maya_desktop.gui.doctor.photo_strip import view_rank


class StandardLayout:
    """The standard layout's photos, for `CaseViewer`."""

    images: Any
    layout_images: Any

    def _toggle_layout(self, on: bool) -> None:
        if on and self.simulate_button.isChecked():
            self.toggle_simulation(False)
        if on:
            for pid in self.images:
                self._keep_for_layout(pid)
            for pid in self.strip.photo_ids():  # the layout shows every photo: each opens (and is logged)
                if pid not in self.layout_images:
                    self._open_full(pid)
            self.center.setCurrentWidget(self.layout_view)
            self._build_layout_scene()
        else:
            self.center.setCurrentWidget(self.canvas)
            self.layout_view.clear_scene()
            self.layout_images.clear()  # the cell-size copies go with the layout

    def _keep_for_layout(self, pid: int) -> None:
        image = self.images.get(pid)
        if image is not None and pid not in self.layout_images:
            self.layout_images[pid] = image.scaled(
                LAYOUT_CELL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )

    def _build_layout_scene(self) -> None:
        """Every photo of the case side by side in view order (`LayoutView.show_cells`)."""
        ids = self.strip.photo_ids() or sorted(self.photos, key=lambda p: (view_rank(self.photos[p].view), p))
        sex = self.panel.norm_sex.currentData()
        cells = [
            LayoutCell(
                self.photos[pid].view,
                self.layout_images.get(pid),
                pid in self.failed,
                self.analyses.get(pid),
                self.full_sizes.get(pid, QSize(self.photos[pid].width, self.photos[pid].height)),
                sex,
            )
            for pid in ids
        ]
        self.layout_cells = self.layout_view.show_cells(cells, self.layoutDirection(), self.font())
