"""The case viewer's head levelling and millimetre scale: the line through the pupils (frontal) or the
Frankfort horizontal (profile, two clicks) made horizontal for viewing only; the scale from the iris or a
reference line of known length, saved through `review.save_calibration`, and stated under the photo.

A part of `viewer.CaseViewer` (a mixin: it works on the viewer's canvas, status line and photo state)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QInputDialog

from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations.review import SaveCalibration
from maya_desktop.gui.doctor.numerals import digits, number
from maya_desktop.gui.messages import show_error


class HeadAndScale:
    """Head levelling and the millimetre scale, for `CaseViewer`."""

    canvas: Any
    status: Any

    def level_head(self) -> None:
        """Frontal: the line through both pupils made horizontal. Profile: the doctor clicks the two
        points of the Frankfort horizontal (tragus / porion, then the lowest point of the orbit)."""
        if self.current is None:
            return
        lms = self.canvas.landmarks
        if self.canvas.view_name == "frontal" and "iris_r" in lms and "iris_l" in lms:
            a, b = lms["iris_r"], lms["iris_l"]
            self._apply_level(QPointF(a.x, a.y), QPointF(b.x, b.y))
            return
        self.status.setText(
            self.tr(
                "افق فرانکفورت: روی تراگوس (بالای مجرای گوش) و سپس پایین‌ترین نقطهٔ لبهٔ حدقه کلیک کنید؛ Esc لغو می‌کند."
            )
        )
        self.canvas.pick_two_points(self._apply_level)

    def _apply_level(self, a: QPointF, b: QPointF) -> None:
        tilt = self.canvas.level_to(a, b)
        self.view_tools.show_tilt(tilt)
        self.status.setText(self.tr("تصویر {0} درجه چرخید تا افقی شود (فقط برای دیدن).").format(digits(f"{tilt:.1f}")))

    def use_iris_scale(self) -> None:
        self._save_calibration(None, None)

    def draw_reference(self) -> None:
        if self.current is None or not self.editable:
            return
        self.status.setText(self.tr("دو سر خط مرجع (مثلاً خط‌کش کنار صورت) را روی عکس کلیک کنید؛ Esc لغو می‌کند."))
        self.canvas.pick_two_points(self._reference_drawn)

    def _reference_drawn(self, a: QPointF, b: QPointF) -> None:
        length, ok = QInputDialog.getDouble(
            self, self.tr("طول خط مرجع"), self.tr("طول این خط (میلی‌متر):"), 10.0, 0.5, 1000.0, 1
        )
        if ok:
            self._save_calibration(((a.x(), a.y()), (b.x(), b.y())), length)
        else:
            self.status.setText("")

    def _save_calibration(
        self, line: tuple[tuple[float, float], tuple[float, float]] | None, length: float | None
    ) -> None:
        if self.current is None or not self.editable:
            return
        if not self.canvas.undo_stack.isClean():
            self.save_corrections(quiet=True)
        try:
            new = self._call(
                "review.save_calibration",
                SaveCalibration(self.order_id, self.current, line, length, self.panel.norm_sex.currentData()),
            )
        except (MayaError, ValueError) as exc:
            if isinstance(exc, MayaError):
                show_error(self, exc)
            else:  # core's ValueError: two distinct points and a length are needed (its text is English)
                self.status.setText(self.tr("خط مرجع دو نقطهٔ جدا از هم و طولی به میلی‌متر لازم دارد."))
            return
        self.analyses[self.current] = new
        self.canvas.analysis = new
        self.canvas.recompute()
        self._show_scale()
        self.status.setText(self.tr("مقیاس میلی‌متری ذخیره شد و اندازه‌ها دوباره محاسبه شدند."))

    def scale_text(self) -> str:
        """How millimetres are measured on the photo shown (also stated in the report)."""
        from maya_desktop.core.orders.corrections import scale_of

        if self.current is None:
            return ""
        scale = scale_of(self.canvas.analysis, self.canvas.landmarks, self.canvas.view_name)
        if scale["method"] == "reference":
            return self.tr("مقیاس: خط مرجع {0} میلی‌متری").format(number(scale["reference_mm"]))
        if scale["method"] == "iris":
            return self.tr("مقیاس: قطر عنبیه (۱۱٫۷ میلی‌متر، ±{0}٪)").format(number(scale["uncertainty_pct"] or 0))
        return self.tr("مقیاس میلی‌متری ندارد")

    def _show_scale(self) -> None:
        self.scale_note.setText(self.scale_text())
        cal = (self.canvas.analysis or {}).get("calibration") or {}
        if cal.get("method") == "reference" and cal.get("line"):
            (ax, ay), (bx, by) = cal["line"]
            self.canvas.set_reference((ax, ay), (bx, by), self.tr("{0} میلی‌متر").format(number(cal["reference_mm"])))
        else:
            self.canvas.set_reference(None, None)
