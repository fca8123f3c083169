"""The case viewer's drafts (core.drafts): nothing is lost to a lock. The findings and landmark moves not
saved yet are kept sealed to this doctor when the app locks, and given back (to be saved) when the case
opens again.

A part of `viewer.CaseViewer` (a mixin: it works on the viewer's findings panel and canvas)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF

from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations.catalogue import DiscardDraft, KeepDraft, ListDrafts
from maya_desktop.core.orders.findings import Findings
from maya_desktop.gui.doctor.canvas import MoveLandmark
from maya_desktop.gui.messages import show_error
from maya_desktop.gui.operations import operations_for


class Drafts:
    """Keeping and restoring unsaved work, for `CaseViewer`."""

    canvas: Any
    panel: Any
    _findings_when_asked: str | None = None  # the findings on screen when the kept draft was asked for

    def _unsaved_findings(self) -> Findings | None:
        typed = self.panel.findings()
        same = (
            typed.regions,
            typed.free_text,
            typed.procedures,
            typed.procedure_note,
            typed.norm_sex,
            typed.simulation,
        ) == (
            self.findings.regions,
            self.findings.free_text,
            self.findings.procedures,
            self.findings.procedure_note,
            self.findings.norm_sex,
            self.findings.simulation,
        )
        return None if same else typed

    def keep_draft(self) -> None:
        """The app is locking: keep the findings and landmark moves not saved yet, sealed to this doctor."""
        if not self.editable or self.findings.signature is not None:
            return
        typed = self._unsaved_findings()
        moved = self.current is not None and not self.canvas.undo_stack.isClean()
        if typed is None and not moved:
            return
        payload = {
            "findings": (typed or self.panel.findings()).to_json(),
            "photo_id": self.current if moved else None,
            "points": {k: [x, y] for k, (x, y) in self.canvas.corrected_points().items()} if moved else {},
        }
        try:
            operations_for(self.session).call("drafts.keep", KeepDraft("case", str(self.order_id), payload))
        except MayaError as exc:
            show_error(self, exc)

    def _restore_draft(self) -> None:
        if not self.editable or self.findings.signature is not None:
            return
        # read without waiting: the draft is given back when the answer comes (a refusal gives nothing back),
        # unless the doctor has changed the findings meanwhile (then the draft stays for the next opening)
        self._findings_when_asked = self.panel.findings().to_json()
        self.reads.run(operations_for(self.session), "drafts.list", ListDrafts("case"), self._drafts_listed)

    def _drafts_listed(self, _ticket: int, drafts: list[Any]) -> None:
        if self.session.locked or self.__dict__.get("_cleared") or self.findings.signature is not None:
            return  # closed or locked meanwhile (or signed): the draft stays for the next opening
        if self.panel.findings().to_json() != self._findings_when_asked:
            return  # the doctor's own changes since the read are not replaced; the draft stays for next time
        draft = next((d for d in drafts if d.ref == str(self.order_id)), None)
        if draft is None:
            return
        restored = Findings.from_text(draft.payload["findings"])
        restored.signature, restored.pdf_file_id = self.findings.signature, self.findings.pdf_file_id
        self.panel.set_findings(restored)
        if draft.payload.get("photo_id") is not None and draft.payload.get("points"):
            self.pending_points = (int(draft.payload["photo_id"]), draft.payload["points"])
        self.status.setText(self.tr("کار ذخیره‌نشدهٔ پیش از قفل برگردانده شد؛ برای نگه داشتن، آن را ذخیره کنید."))
        discard = DiscardDraft("case", str(self.order_id))
        operations_for(self.session).run("drafts.discard", discard)  # kept again if locked again
        if self.pending_points is not None and self.pending_points[0] == self.current:
            self._apply_pending_points()  # the photo was on screen before the draft was read

    def _apply_pending_points(self) -> None:
        if self.pending_points is None:
            return
        _photo, points = self.pending_points
        self.pending_points = None
        for name, (x, y) in points.items():
            landmark = self.canvas.landmarks.get(name)
            if landmark is not None:
                self.canvas.undo_stack.push(
                    MoveLandmark(self.canvas, name, QPointF(landmark.x, landmark.y), QPointF(x, y))
                )
