"""The typed analysis result and its JSON form (with a schema version for stored reviews)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from maya_desktop.core.analysis.findings import Finding
from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.measurements import Measurement
from maya_desktop.core.analysis.pose import Pose

SCHEMA_VERSION = 1


@dataclass
class AnalysisResult:
    """Everything the doctor's review starts from. Coordinates are original-image pixels.

    `refused` is True when any finding has severity "error"; then landmarks/measurements may be
    empty. `view` is None when no face was meshed.
    """

    image_width: int = 0
    image_height: int = 0
    declared_view: str | None = None
    view: str | None = None
    pose: Pose | None = None
    refused: bool = False
    findings: list[Finding] = field(default_factory=list)
    landmarks: dict[str, Landmark] = field(default_factory=dict)
    measurements: list[Measurement] = field(default_factory=list)
    scale_mm_per_px: float | None = None
    scale_uncertainty_pct: float | None = None
    face_box: list[float] | None = None  # x, y, w, h
    quality_metrics: dict[str, float] = field(default_factory=dict)
    detector: str = "none"
    schema_version: int = SCHEMA_VERSION

    @property
    def refusal_reasons(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    def measurement(self, key: str) -> Measurement | None:
        return next((m for m in self.measurements if m.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "image_width": self.image_width,
            "image_height": self.image_height,
            "declared_view": self.declared_view,
            "view": self.view,
            "pose": None if self.pose is None else self.pose.to_dict(),
            "refused": self.refused,
            "findings": [f.to_dict() for f in self.findings],
            "landmarks": {
                k: {"x": round(v.x, 2), "y": round(v.y, 2), "confidence": round(v.confidence, 3), "source": v.source}
                for k, v in self.landmarks.items()
            },
            "measurements": [m.to_dict() for m in self.measurements],
            "scale_mm_per_px": None if self.scale_mm_per_px is None else round(self.scale_mm_per_px, 5),
            "scale_uncertainty_pct": self.scale_uncertainty_pct,
            "face_box": self.face_box,
            "quality_metrics": self.quality_metrics,
            "detector": self.detector,
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AnalysisResult:
        version = int(d.get("schema_version", 0))
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported analysis schema version {version}")
        pose = d.get("pose")
        return cls(
            image_width=int(d["image_width"]),
            image_height=int(d["image_height"]),
            declared_view=d.get("declared_view"),
            view=d.get("view"),
            pose=None if pose is None else Pose(float(pose["yaw"]), float(pose["pitch"]), float(pose["roll"])),
            refused=bool(d["refused"]),
            findings=[Finding(**f) for f in d.get("findings", [])],
            landmarks={
                k: Landmark(float(v["x"]), float(v["y"]), float(v["confidence"]), str(v["source"]))
                for k, v in d.get("landmarks", {}).items()
            },
            measurements=[
                Measurement(
                    key=m["key"],
                    value=m["value"],
                    unit=m["unit"],
                    normal_range=None if m["normal_range"] is None else tuple(m["normal_range"]),
                    status=m["status"],
                    reason=m["reason"],
                    label_en=m["label_en"],
                    label_fa=m["label_fa"],
                    points=list(m.get("points", [])),
                    kind=m.get("kind", "value"),
                )
                for m in d.get("measurements", [])
            ],
            scale_mm_per_px=d.get("scale_mm_per_px"),
            scale_uncertainty_pct=d.get("scale_uncertainty_pct"),
            face_box=d.get("face_box"),
            quality_metrics=dict(d.get("quality_metrics", {})),
            detector=d.get("detector", "none"),
            schema_version=version,
        )

    @classmethod
    def from_json(cls, text: str) -> AnalysisResult:
        return cls.from_dict(json.loads(text))
