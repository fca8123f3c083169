"""Named anatomical landmarks, mapped from MediaPipe Face Mesh indices (478-point topology).

Side suffixes `_r` / `_l` are the PATIENT's right / left (a patient's right eye appears on the left
of a non-mirrored photo). MediaPipe's own left/right pairs follow the same rule: index 33 is the
patient's right outer eye corner. Indices were checked on the test photos (see tests/analysis).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SOURCES = ("mesh", "silhouette", "estimate", "corrected")
MESH_POINTS = 478
_AVERAGING: tuple[tuple[str, ...], np.ndarray, np.ndarray] | None = None


@dataclass
class Landmark:
    """A named point in original-image pixels. `source` is mesh | silhouette | estimate | corrected."""

    x: float
    y: float
    confidence: float = 1.0
    source: str = "mesh"

    def xy(self) -> tuple[float, float]:
        return (self.x, self.y)


# name -> (mesh indices averaged, confidence of the mesh for this point on a frontal photo, comment)
MESH_LANDMARKS: dict[str, tuple[tuple[int, ...], float, str]] = {
    "forehead_top": ((10,), 0.9, "top of the mesh on the forehead midline; NOT the hairline"),
    "glabella": ((9,), 0.9, "most prominent midline point between the eyebrows"),
    "nasion": ((168,), 0.9, "deepest point of the nasal root between the eyes (soft-tissue nasion)"),
    "rhinion": ((195,), 0.8, "mid-dorsum of the nose, over the bony-cartilaginous junction"),
    "pronasale": ((1,), 0.9, "nasal tip, most projecting point of the nose"),
    "columella": ((19,), 0.8, "columella just below the tip lobule"),
    "subnasale": ((2,), 0.9, "junction of the columella and the upper lip"),
    # 129/358 sit on the cheek just outside the ala (checked on obama.jpg / astronaut.png at 5x).
    "alar_crest_r": ((48,), 0.85, "widest point of the right ala (alare; alar crest in profile)"),
    "alar_crest_l": ((278,), 0.85, "widest point of the left ala (alare)"),
    "alar_base_r": ((98,), 0.8, "right alar base, where the ala inserts into the lip (subalare)"),
    "alar_base_l": ((327,), 0.8, "left alar base (subalare)"),
    "endocanthion_r": ((133,), 0.95, "inner corner of the right eye"),
    "endocanthion_l": ((362,), 0.95, "inner corner of the left eye"),
    "exocanthion_r": ((33,), 0.95, "outer corner of the right eye"),
    "exocanthion_l": ((263,), 0.95, "outer corner of the left eye"),
    "iris_r": ((468,), 0.95, "centre of the right iris (refined iris model)"),
    "iris_l": ((473,), 0.95, "centre of the left iris"),
    "iris_r_medial": ((469,), 0.9, "medial (nasal) edge of the right iris"),
    "iris_r_lateral": ((471,), 0.9, "lateral edge of the right iris"),
    "iris_r_top": ((470,), 0.85, "upper edge of the right iris (often under the lid)"),
    "iris_r_bottom": ((472,), 0.85, "lower edge of the right iris"),
    "iris_l_medial": ((476,), 0.9, "medial edge of the left iris"),
    "iris_l_lateral": ((474,), 0.9, "lateral edge of the left iris"),
    "iris_l_top": ((475,), 0.85, "upper edge of the left iris"),
    "iris_l_bottom": ((477,), 0.85, "lower edge of the left iris"),
    "brow_medial_r": ((107,), 0.8, "medial end of the right eyebrow"),
    "brow_medial_l": ((336,), 0.8, "medial end of the left eyebrow"),
    "cheilion_r": ((61,), 0.9, "right mouth corner"),
    "cheilion_l": ((291,), 0.9, "left mouth corner"),
    "labrale_superius": ((0,), 0.9, "upper lip vermilion border on the midline"),
    "stomion": ((13, 14), 0.85, "midpoint between the inner lip edges on the midline"),
    "stomion_upper": ((13,), 0.85, "inner (lower) edge of the upper lip on the midline"),
    "stomion_lower": ((14,), 0.85, "inner (upper) edge of the lower lip on the midline"),
    "labrale_inferius": ((17,), 0.85, "lower lip vermilion border on the midline"),
    "sublabiale": ((18,), 0.75, "deepest point of the labiomental fold (soft-tissue B point)"),
    "pogonion": ((199,), 0.75, "most anterior point of the soft-tissue chin"),
    "gnathion": ((175,), 0.75, "between pogonion and menton on the chin outline"),
    "menton": ((152,), 0.8, "lowest point of the chin (mesh outline)"),
    "zygion_r": ((234,), 0.7, "right face outline at the cheekbone (bizygomatic width proxy)"),
    "zygion_l": ((454,), 0.7, "left face outline at the cheekbone"),
    "gonion_r": ((172,), 0.55, "right jaw angle (soft tissue; the mesh outline is approximate here)"),
    "gonion_l": ((397,), 0.55, "left jaw angle"),
}

# Pairs swapped when a photo is mirrored (used by tests and by the symmetry measures).
LR_PAIRS: tuple[tuple[str, str], ...] = (
    *((name, name[:-2] + "_l") for name in MESH_LANDMARKS if name.endswith("_r")),
    ("iris_r_medial", "iris_l_medial"),
    ("iris_r_lateral", "iris_l_lateral"),
    ("iris_r_top", "iris_l_top"),
    ("iris_r_bottom", "iris_l_bottom"),
)


def _averaging() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Names, base confidences and the (names x 478) matrix that averages each name's mesh indices:
    one matrix product places every named point (a Python loop of numpy means cost ~1 ms)."""
    global _AVERAGING
    if _AVERAGING is None:
        names = tuple(MESH_LANDMARKS)
        weights = np.zeros((len(names), MESH_POINTS))
        for row, name in enumerate(names):
            indices = MESH_LANDMARKS[name][0]
            weights[row, list(indices)] = 1.0 / len(indices)
        _AVERAGING = names, np.array([MESH_LANDMARKS[n][1] for n in names]), weights
    return _AVERAGING


def named_from_mesh(points: np.ndarray, confidence_scale: float = 1.0) -> dict[str, Landmark]:
    """Named landmarks from a (478, >=2) array of mesh points in original-image pixels."""
    names, confidences, weights = _averaging()
    xy = weights @ points[:, :2]
    conf = np.round(confidences * confidence_scale, 3)
    return {
        name: Landmark(float(x), float(y), float(c), "mesh")
        for name, (x, y), c in zip(names, xy.tolist(), conf.tolist(), strict=True)
    }


def discount_unsure(
    named: dict[str, Landmark], point_spread: np.ndarray, face_height: float, full_until: float, zero_at: float
) -> None:
    """Lower the confidence of mesh points the model placed differently on the photo and on its
    mirror image (mesh.py): full confidence up to `full_until` x face height of disagreement, falling
    linearly to zero at `zero_at` x face height. Other sources (silhouette, estimate, corrected) keep
    theirs. A measurement whose points drop below 0.5 is then reported as not measurable."""
    if face_height <= 0:
        return
    names, _confidences, weights = _averaging()
    relative = (weights @ point_spread) / face_height
    factors = np.clip((zero_at - relative) / (zero_at - full_until), 0.0, 1.0).tolist()
    for name, factor in zip(names, factors, strict=True):
        lm = named.get(name)
        if lm is not None and lm.source == "mesh" and factor < 1.0:
            lm.confidence = round(lm.confidence * factor, 3)


def inside(lm: Landmark, width: int, height: int, margin: float = 0.0) -> bool:
    return -margin <= lm.x < width + margin and -margin <= lm.y < height + margin
