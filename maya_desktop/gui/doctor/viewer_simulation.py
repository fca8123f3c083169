"""The case viewer's nose simulation (memory only; labelled as a simulation, not a promised result): shown in
the simulation panel beside the original profile photo; only its parameters are kept, in the findings, when
the doctor puts it in the report.

A part of `viewer.CaseViewer` (a mixin: it works on the viewer's canvas, simulation panel and findings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF

from maya_desktop.core.analysis.simulation import NoseChange, SimulationError, simulate_nose
from maya_desktop.core.orders.corrections import live_measurements
from maya_desktop.gui.doctor.simulation_view import array_to_qimage, qimage_to_array
from maya_desktop.gui.theme import current_lang


class NoseSimulation:
    """The simulation view, for `CaseViewer`."""

    canvas: Any
    simulation_panel: Any

    def toggle_simulation(self, on: bool) -> None:
        if self.simulate_button.isChecked() != on:
            self.simulate_button.setChecked(on)
        if not on:
            self.simulation = None
            self.simulation_panel.clear()
            self.center.setCurrentWidget(self.canvas)
            if getattr(self, "_side_folded_for_simulation", False):
                self._side_folded_for_simulation = False
                self.side_toggle.setChecked(True)
            return
        if self.current is None or self.canvas.image is None or not self.canvas.view_name.endswith("_profile"):
            self.simulate_button.setChecked(False)
            self.status.setText(self.tr("شبیه‌سازی فقط روی عکس نیم‌رخ ممکن است؛ عکس نیم‌رخ را انتخاب کنید."))
            return
        if self.layout_toggle.isChecked():
            self.layout_toggle.setChecked(False)
        kept = self.panel.simulation
        if kept and kept.get("photo_id") == self.current:
            self.simulation_panel.set_change(NoseChange.from_dict(kept))
            self.simulation_panel.in_report.blockSignals(True)
            self.simulation_panel.in_report.setChecked(True)
            self.simulation_panel.in_report.blockSignals(False)
        self.center.setCurrentWidget(self.simulation_panel)
        if self.side_toggle.isChecked():  # the panel has its own table: the photos get the width
            self._side_folded_for_simulation = True
            self.side_toggle.setChecked(False)
        self._simulate(self.simulation_panel.change())

    def _simulate(self, change: NoseChange) -> None:
        from maya_desktop.core.orders.corrections import scale_of

        if not self.simulate_button.isChecked() or self.current is None or self.canvas.image is None:
            return
        if self._sim_source is None or self._sim_source[0] != self.current:
            self._sim_source = (self.current, qimage_to_array(self.canvas.image))
        pixels = self._sim_source[1]
        full_lms = self.canvas.landmarks
        scale = scale_of(self.canvas.analysis, full_lms, self.canvas.view_name)
        # The shown pixels are a screen-size decode: points and the millimetre scale in its pixels.
        k = self.canvas.display_factor
        lms = {n: type(lm)(lm.x * k, lm.y * k, lm.confidence, lm.source) for n, lm in full_lms.items()}
        mm_per_px = scale["mm_per_px"] / k if scale["mm_per_px"] else scale["mm_per_px"]
        try:
            sim = simulate_nose(pixels, lms, change, mm_per_px)
        except SimulationError as exc:
            self.simulation = None
            self.status.setText(
                self.tr("شبیه‌سازی ممکن نشد: روی این عکس نقاط نازیون، نوک بینی و ساب‌نازال لازم است ({0}).").format(
                    str(exc) if current_lang() == "en" else "—"
                )
            )
            self.simulation_panel.show_result(self.canvas.image, None, None, [], [])
            return
        self.simulation = sim
        sex = self.panel.norm_sex.currentData()
        moved = {n: type(lm)(lm.x / k, lm.y / k, lm.confidence, lm.source) for n, lm in sim.landmarks.items()}
        after = live_measurements(self.canvas.analysis or {}, moved, self.canvas.view_name, sex)
        xs = [lms[n].x for n in ("nasion", "pronasale", "subnasale") if n in lms]
        ys = [lms[n].y for n in ("nasion", "pronasale", "subnasale") if n in lms]
        size = max(max(xs) - min(xs), max(ys) - min(ys), 20.0) * 1.3
        crop = QRectF(sum(xs) / len(xs) - size, sum(ys) / len(ys) - size, 2 * size, 2 * size).intersected(
            QRectF(self.canvas.image.rect())
        )
        self.simulation_panel.show_result(
            self.canvas.image, array_to_qimage(sim.image), crop, self.canvas.measurements, after
        )
        self._keep_simulation()

    def _keep_simulation(self) -> None:
        """Only the parameters, and only when the doctor puts the simulation in the report."""
        if self.simulation_panel.in_report.isChecked() and self.current is not None:
            self.panel.simulation = {"photo_id": self.current, **self.simulation_panel.change().to_dict()}
        elif self.panel.simulation and self.panel.simulation.get("photo_id") == self.current:
            self.panel.simulation = None
