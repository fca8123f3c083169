"""Facial analysis engine (DESIGN §8): pure core, no Qt, no data folder, no network.

Public API:
- `analyze_image(data, declared_view=None, sex=None) -> AnalysisResult`: one photo (bytes, PIL image
  or RGB numpy array), decoded in memory only. Refusals (not an image, truncated, too large, no face,
  several faces, too small, cut by the border, blurred) are NOT exceptions: `result.refused` is True
  and `result.findings` holds error-severity findings with English and Persian text. Only a wrong
  argument type (TypeError) or an unknown view name (ValueError) raise.
- `compute_measurements(landmarks, view, image_size, sex=None, mm_per_px=None) -> list[Measurement]`:
  pure geometry on named (possibly doctor-corrected) landmarks, fast enough for live dragging.
- `render_overlay(image, result) -> PIL.Image.Image`; `analyze_with_overlay(data, ...)` does both
  with one decode (the overlay is None when no face was placed).
- `AnalysisResult.to_json()` / `AnalysisResult.from_json()`.

Models load lazily, once per process, from the checksummed files in `resources/models/` (`loader.get_models()`;
a missing or altered file raises `loader.ModelFileError`, English + Persian).
"""

from __future__ import annotations

from maya_desktop.core.analysis.engine import analyze_image, analyze_with_overlay
from maya_desktop.core.analysis.findings import Finding
from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.measurements import Measurement, compute_measurements
from maya_desktop.core.analysis.overlay import render_overlay
from maya_desktop.core.analysis.pose import VIEWS, Pose
from maya_desktop.core.analysis.result import SCHEMA_VERSION, AnalysisResult

__all__ = [
    "SCHEMA_VERSION",
    "VIEWS",
    "AnalysisResult",
    "Finding",
    "Landmark",
    "Measurement",
    "Pose",
    "analyze_image",
    "analyze_with_overlay",
    "compute_measurements",
    "render_overlay",
]
