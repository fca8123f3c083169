"""Measurements: plain 2D geometry on named landmarks (image pixels), recomputed in well under 1 ms.

`compute_measurements` is what the doctor's screen calls after every landmark drag, so it takes
only named points (doctor-corrected or not) and never looks at pixels. Every value can be checked
by hand: e.g. the nasolabial angle is the angle at subnasale between columella and labrale
superius.

Frontal frame: the horizontal axis u runs from the right to the left iris centre; the facial
midline passes through nasion perpendicular to u (Farkas). Vertical distances are measured along
that perpendicular, so head roll does not change them. Signed lateral values are positive toward
the patient's LEFT; mirroring a photo flips their sign (see MIRROR_SIGNED) and swaps _r/_l keys.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from maya_desktop.core.analysis.landmarks import Landmark
from maya_desktop.core.analysis.norms import NORMS, SYMMETRY_PAIRS_FA

Point = Landmark | tuple[float, float]
Vec = tuple[float, float]

MIN_CONFIDENCE = 0.5
IRIS_DIAMETER_MM = 11.7  # horizontal visible iris diameter, adults (Rüfer F et al., Cornea 2005;24:259)
IRIS_DIAMETER_SD_PCT = 4.0  # ~0.5 mm population SD

MIRROR_SIGNED = frozenset(
    {"nasal_tip_deviation_pct", "nasal_axis_deviation_deg"} | {f"symmetry_{p}_pct" for p in SYMMETRY_PAIRS_FA}
)
# Left/right comparisons that a turned head distorts more than the normal range is wide.
LATERAL_KEYS = MIRROR_SIGNED | {
    k
    for k in (
        "fifth_lateral_r_pct",
        "fifth_eye_r_pct",
        "fifth_intercanthal_pct",
        "fifth_eye_l_pct",
        "fifth_lateral_l_pct",
        "symmetry_index",
    )
}
MAX_YAW_FOR_LATERAL = 10.0
# A head tilted up or down shortens vertical distances and swings the nasal axis (a chin-up frontal at
# 34 deg pitch read a nasal axis deviation of -13.9 deg); a head tilted sideways moves the midline the
# nasal axis and tip are judged against. Beyond these limits (pose.TILT_MAX_*) they are not measured.
PITCH_DISTORTED = frozenset(
    {
        "upper_third_pct",
        "middle_third_pct",
        "lower_third_pct",
        "lower_middle_third_ratio",
        "lip_upper_lower_ratio",
        "chin_height_share",
        "nasal_axis_deviation_deg",
    }
)
ROLL_DISTORTED = frozenset({"nasal_axis_deviation_deg", "nasal_tip_deviation_pct"})
MAX_PITCH_FOR_VERTICAL = 15.0
MAX_ROLL_FOR_MIDLINE = 10.0
# The thirds need the hairline; when hair covers the forehead the engine passes this reason.
HAIRLINE_KEYS = frozenset({"upper_third_pct", "middle_third_pct", "lower_third_pct"})
MIRROR_SWAPPED = (("fifth_lateral_r_pct", "fifth_lateral_l_pct"), ("fifth_eye_r_pct", "fifth_eye_l_pct"))


def unmirrored_values(values: Mapping[str, float | None]) -> dict[str, float | None]:
    """Measurement values of a mirrored photo as the original photo's: _r/_l keys swapped back and
    signed lateral values negated (used to compare a photo with its mirror image)."""
    out = dict(values)
    for a, b in MIRROR_SWAPPED:
        out[a], out[b] = out.get(b), out.get(a)
    for key in MIRROR_SIGNED:
        if out.get(key) is not None:
            out[key] = -out[key]  # type: ignore[operator]
    return out


@dataclass
class Measurement:
    key: str
    value: float | None
    unit: str
    normal_range: tuple[float, float] | None
    status: str  # below | within | above | not_measurable
    reason: str = ""
    label_en: str = ""
    label_fa: str = ""
    points: list[str] = field(default_factory=list)  # landmarks used; 3 for an angle (vertex 2nd)
    kind: str = "value"  # angle | distance | ratio | value: how the overlay draws it

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "value": None if self.value is None else round(self.value, 4),
            "unit": self.unit,
            "normal_range": None if self.normal_range is None else list(self.normal_range),
            "status": self.status,
            "reason": self.reason,
            "label_en": self.label_en,
            "label_fa": self.label_fa,
            "points": list(self.points),
            "kind": self.kind,
        }


class NotMeasurable(Exception):
    """Raised inside a measure function; becomes status not_measurable with this reason."""


# --- geometry ------------------------------------------------------------------------------------
def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1])


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1]


def norm(a: Vec) -> float:
    return math.hypot(a[0], a[1])


def dist(a: Vec, b: Vec) -> float:
    return norm(sub(a, b))


def angle_at(a: Vec, vertex: Vec, b: Vec) -> float:
    """Angle a-vertex-b in degrees (0-180)."""
    u, v = sub(a, vertex), sub(b, vertex)
    nu, nv = norm(u), norm(v)
    if nu == 0 or nv == 0:
        raise NotMeasurable("two points coincide")
    return math.degrees(math.acos(max(-1.0, min(1.0, dot(u, v) / (nu * nv)))))


def angle_between(u: Vec, v: Vec) -> float:
    nu, nv = norm(u), norm(v)
    if nu == 0 or nv == 0:
        raise NotMeasurable("two points coincide")
    return math.degrees(math.acos(max(-1.0, min(1.0, dot(u, v) / (nu * nv)))))


def signed_offset(p: Vec, a: Vec, b: Vec) -> float:
    """Perpendicular distance of p from line a->b (sign: z of the cross product (b-a) x (p-a))."""
    d = sub(b, a)
    n = norm(d)
    if n == 0:
        raise NotMeasurable("two points coincide")
    return (d[0] * (p[1] - a[1]) - d[1] * (p[0] - a[0])) / n


# --- the context a measure function sees ---------------------------------------------------------
class _Ctx:
    def __init__(self, landmarks: Mapping[str, Point], mm_per_px: float | None) -> None:
        self.pts: dict[str, tuple[float, float, float]] = {}
        for name, p in landmarks.items():
            if isinstance(p, Landmark):
                self.pts[name] = (p.x, p.y, p.confidence)
            else:
                self.pts[name] = (float(p[0]), float(p[1]), 1.0)
        self.mm_per_px = mm_per_px
        self.used: list[str] = []

    def p(self, name: str) -> Vec:
        if name not in self.pts:
            raise NotMeasurable(f"{name} not located")
        x, y, c = self.pts[name]
        if c < MIN_CONFIDENCE:
            raise NotMeasurable(f"{name} not confident ({c:.2f})")
        self.used.append(name)
        return (x, y)

    def frame(self) -> tuple[Vec, Vec, Vec]:
        """Origin (nasion), u (right->left iris, unit), v (down the midline, unit)."""
        r, l_ = self.p("iris_r"), self.p("iris_l")
        d = sub(l_, r)
        n = norm(d)
        if n == 0:
            raise NotMeasurable("iris centres coincide")
        u = (d[0] / n, d[1] / n)
        return self.p("nasion"), u, (-u[1], u[0])

    def h(self, name: str) -> float:
        """Signed lateral offset from the midline, positive toward the patient's left."""
        o, u, _ = self.frame()
        return dot(sub(self.p(name), o), u)

    def vdist(self, a: str, b: str) -> float:
        _, _, v = self.frame()
        return abs(dot(sub(self.p(b), self.p(a)), v))

    def hdist(self, a: str, b: str) -> float:
        _, u, _ = self.frame()
        return abs(dot(sub(self.p(b), self.p(a)), u))

    def mm(self, px: float) -> float:
        if self.mm_per_px is None:
            raise NotMeasurable("no millimetre scale (iris not measurable)")
        return px * self.mm_per_px


Measure = Callable[[_Ctx], float]


# --- frontal -------------------------------------------------------------------------------------
def _third(ctx: _Ctx, part: int) -> float:
    a = ctx.vdist("trichion", "glabella")
    b = ctx.vdist("glabella", "subnasale")
    c = ctx.vdist("subnasale", "menton")
    return 100 * (a, b, c)[part] / (a + b + c)


def _fifths(ctx: _Ctx, part: int) -> float:
    names = ("zygion_r", "exocanthion_r", "endocanthion_r", "endocanthion_l", "exocanthion_l", "zygion_l")
    hs = [ctx.h(n) for n in names]
    total = hs[5] - hs[0]
    if total <= 0:
        raise NotMeasurable("face outline inverted")
    return 100 * (hs[part + 1] - hs[part]) / total


def _symmetry(pair: str) -> Measure:
    def f(ctx: _Ctx) -> float:
        dr, dl = -ctx.h(f"{pair}_r"), ctx.h(f"{pair}_l")
        if dr + dl <= 0:
            raise NotMeasurable("points on the same side of the midline")
        return 100 * (dl - dr) / ((dl + dr) / 2)

    return f


def _symmetry_index(ctx: _Ctx) -> float:
    vals = []
    for pair in SYMMETRY_PAIRS_FA:
        try:
            vals.append(abs(_symmetry(pair)(ctx)))
        except NotMeasurable:
            continue
    if len(vals) < 4:
        raise NotMeasurable("fewer than 4 symmetric pairs located")
    return 100 - sum(vals) / len(vals)


def _tip_deviation(ctx: _Ctx) -> float:
    return 100 * ctx.h("pronasale") / ctx.hdist("endocanthion_r", "endocanthion_l")


def _axis_deviation(ctx: _Ctx) -> float:
    _, u, v = ctx.frame()
    d = sub(ctx.p("pronasale"), ctx.p("nasion"))
    return math.degrees(math.atan2(dot(d, u), dot(d, v)))


def _lip_ratio(ctx: _Ctx) -> float:
    upper = ctx.vdist("labrale_superius", "stomion_upper")
    lower = ctx.vdist("stomion_lower", "labrale_inferius")
    if lower <= 0:
        raise NotMeasurable("lower lip height is zero")
    return upper / lower


FRONTAL: dict[str, tuple[Measure, str]] = {
    "upper_third_pct": (lambda c: _third(c, 0), "ratio"),
    "middle_third_pct": (lambda c: _third(c, 1), "ratio"),
    "lower_third_pct": (lambda c: _third(c, 2), "ratio"),
    "lower_middle_third_ratio": (lambda c: c.vdist("subnasale", "menton") / c.vdist("glabella", "subnasale"), "ratio"),
    "fifth_lateral_r_pct": (lambda c: _fifths(c, 0), "ratio"),
    "fifth_eye_r_pct": (lambda c: _fifths(c, 1), "ratio"),
    "fifth_intercanthal_pct": (lambda c: _fifths(c, 2), "ratio"),
    "fifth_eye_l_pct": (lambda c: _fifths(c, 3), "ratio"),
    "fifth_lateral_l_pct": (lambda c: _fifths(c, 4), "ratio"),
    "alar_intercanthal_ratio": (
        lambda c: c.hdist("alar_crest_r", "alar_crest_l") / c.hdist("endocanthion_r", "endocanthion_l"),
        "ratio",
    ),
    "nasal_face_width_ratio": (
        lambda c: c.hdist("alar_crest_r", "alar_crest_l") / c.hdist("zygion_r", "zygion_l"),
        "ratio",
    ),
    "nasal_tip_deviation_pct": (_tip_deviation, "value"),
    "nasal_axis_deviation_deg": (_axis_deviation, "value"),
    "mouth_iris_ratio": (lambda c: c.hdist("cheilion_r", "cheilion_l") / c.hdist("iris_r", "iris_l"), "ratio"),
    "lip_upper_lower_ratio": (_lip_ratio, "ratio"),
    "chin_height_share": (lambda c: c.vdist("stomion", "menton") / c.vdist("subnasale", "menton"), "ratio"),
    "intercanthal_mm": (lambda c: c.mm(c.hdist("endocanthion_r", "endocanthion_l")), "distance"),
    "alar_width_mm": (lambda c: c.mm(c.hdist("alar_crest_r", "alar_crest_l")), "distance"),
    "mouth_width_mm": (lambda c: c.mm(c.hdist("cheilion_r", "cheilion_l")), "distance"),
    **{f"symmetry_{p}_pct": (_symmetry(p), "value") for p in SYMMETRY_PAIRS_FA},
    "symmetry_index": (_symmetry_index, "value"),
}


# --- profile -------------------------------------------------------------------------------------
def _facing(ctx: _Ctx) -> float:
    """+1 when the nose points to the image's right, -1 to the left (from the points themselves:
    the tip is in front of subnasale and of nasion; only the side is read, so low confidence is
    acceptable here and these points are not listed as used)."""
    tip = ctx.pts.get("pronasale")
    if tip is None:
        raise NotMeasurable("pronasale not located")
    for ref in ("subnasale", "nasion"):
        if ref in ctx.pts and ctx.pts[ref][0] != tip[0]:
            return 1.0 if tip[0] > ctx.pts[ref][0] else -1.0
    raise NotMeasurable("facing side unknown")


def _ahead(ctx: _Ctx, p: str, a: str, b: str) -> float:
    """Signed distance (px) of p from line a-b, positive in FRONT of the face (nose side)."""
    pa, pb, pp = ctx.p(a), ctx.p(b), ctx.p(p)
    d = sub(pb, pa)
    n = norm(d)
    if n == 0:
        raise NotMeasurable("two points coincide")
    # Normal to a->b pointing toward the face's front (x component has the facing sign).
    nx, ny = -d[1] / n, d[0] / n
    if nx * _facing(ctx) < 0:
        nx, ny = -nx, -ny
    return (pp[0] - pa[0]) * nx + (pp[1] - pa[1]) * ny


def _goode(ctx: _Ctx, side: str) -> float:
    na, ac, prn = ctx.p("nasion"), ctx.p(f"alar_crest_{side}"), ctx.p("pronasale")
    return abs(signed_offset(prn, na, ac)) / dist(na, prn)


def _profile_measures(side: str) -> dict[str, tuple[Measure, str]]:
    return {
        "nasofrontal_angle": (lambda c: angle_at(c.p("glabella"), c.p("nasion"), c.p("pronasale")), "angle"),
        "nasolabial_angle": (lambda c: angle_at(c.p("columella"), c.p("subnasale"), c.p("labrale_superius")), "angle"),
        "nasofacial_angle": (
            lambda c: angle_between(sub(c.p("pogonion"), c.p("glabella")), sub(c.p("pronasale"), c.p("nasion"))),
            "value",
        ),
        "nasomental_angle": (lambda c: angle_at(c.p("nasion"), c.p("pronasale"), c.p("pogonion")), "angle"),
        "goode_ratio": (lambda c: _goode(c, side), "ratio"),
        "tip_rotation_angle": (
            lambda c: angle_between(sub(c.p("columella"), c.p("subnasale")), sub(c.p("pogonion"), c.p("glabella"))),
            "value",
        ),
        "dorsal_hump_pct": (
            lambda c: 100 * _ahead(c, "dorsum_max", "nasion", "pronasale") / dist(c.p("nasion"), c.p("pronasale")),
            "value",
        ),
        "upper_lip_e_line_mm": (lambda c: c.mm(_ahead(c, "labrale_superius", "pronasale", "pogonion")), "distance"),
        "lower_lip_e_line_mm": (lambda c: c.mm(_ahead(c, "labrale_inferius", "pronasale", "pogonion")), "distance"),
        "chin_riedel_mm": (lambda c: c.mm(_ahead(c, "pogonion", "labrale_superius", "labrale_inferius")), "distance"),
    }


# --- scale and driver ----------------------------------------------------------------------------
def iris_scale(landmarks: Mapping[str, Point], view: str) -> tuple[float | None, float | None]:
    """(mm per px, uncertainty %) from the iris diameter; None when no iris is confidently placed.

    Frontal: mean horizontal diameter of both irises. Profile/oblique: the vertical diameter of the
    visible eye (foreshortening shrinks only the horizontal one), which is less certain.
    """
    ctx = _Ctx(landmarks, None)
    diameters: list[float] = []
    pairs = [("medial", "lateral")] if view == "frontal" else [("top", "bottom")]
    for side in ("r", "l"):
        for a, b in pairs:
            try:
                diameters.append(dist(ctx.p(f"iris_{side}_{a}"), ctx.p(f"iris_{side}_{b}")))
            except NotMeasurable:
                continue
    diameters = [d for d in diameters if d > 0]
    if not diameters:
        return None, None
    d = max(diameters) if view != "frontal" else sum(diameters) / len(diameters)
    px_err_pct = 100 * 1.0 / d  # about one pixel of landmark error across the diameter
    base = IRIS_DIAMETER_SD_PCT if view == "frontal" else 3 * IRIS_DIAMETER_SD_PCT
    return IRIS_DIAMETER_MM / d, round(math.hypot(base, px_err_pct), 1)


def measures_for(view: str) -> dict[str, tuple[Measure, str]]:
    if view == "frontal":
        return FRONTAL
    if view.endswith("_profile"):
        return _profile_measures("r" if view.startswith("right") else "l")
    return {}


def _check_pose(key: str, view: str, yaw: float | None, pitch: float | None, roll: float | None) -> None:
    """Raise NotMeasurable when the head pose distorts this frontal measurement beyond its limit."""
    if view != "frontal":
        return
    if yaw is not None and abs(yaw) > MAX_YAW_FOR_LATERAL and key in LATERAL_KEYS:
        raise NotMeasurable(f"head turned {abs(yaw):.0f} deg; needs a straight frontal photo")
    if pitch is not None and abs(pitch) > MAX_PITCH_FOR_VERTICAL and key in PITCH_DISTORTED:
        raise NotMeasurable(f"head tilted {'up' if pitch > 0 else 'down'} {abs(pitch):.0f} deg; needs a level photo")
    if roll is not None and abs(roll) > MAX_ROLL_FOR_MIDLINE and key in ROLL_DISTORTED:
        raise NotMeasurable(f"head tilted sideways {abs(roll):.0f} deg; needs a level photo")


def compute_measurements(
    landmarks: Mapping[str, Point],
    view: str,
    image_size: tuple[int, int],
    sex: str | None = None,
    mm_per_px: float | None = None,
    yaw: float | None = None,
    pitch: float | None = None,
    roll: float | None = None,
    hairline_reason: str | None = None,
) -> list[Measurement]:
    """All measurements for `view` from named landmarks (image pixels).

    `landmarks` values are Landmark objects (their confidence is honoured: below 0.5 the point is
    not used) or plain (x, y) tuples (trusted). `sex` is "female" | "male" | None (then the union of
    both normal ranges is used). `mm_per_px` defaults to the iris scale of these landmarks.
    Oblique and base views return an empty list: nothing is reliably measurable on them.
    `image_size` is (width, height); points far outside it are treated as not located.
    `yaw` (degrees, from the pose): beyond 10 deg the left/right comparisons are not measurable;
    `pitch` beyond 15 deg: the vertical proportions and the nasal axis (PITCH_DISTORTED); `roll`
    beyond 10 deg: the nasal axis and tip deviation (ROLL_DISTORTED). `hairline_reason` (e.g. hair
    over the forehead) is the thirds' reason while no trichion is given (a doctor may still place one).
    """
    w, h = image_size
    inside = {
        k: p
        for k, p in landmarks.items()
        if -0.5 * w <= (p.x if isinstance(p, Landmark) else p[0]) <= 1.5 * w
        and -0.5 * h <= (p.y if isinstance(p, Landmark) else p[1]) <= 1.5 * h
    }
    if mm_per_px is None:
        mm_per_px, _ = iris_scale(inside, view)
    out: list[Measurement] = []
    for key, (fn, kind) in measures_for(view).items():
        nm = NORMS[key]
        rng = nm.range_for(sex)
        ctx = _Ctx(inside, mm_per_px)
        try:
            _check_pose(key, view, yaw, pitch, roll)
            if hairline_reason and key in HAIRLINE_KEYS and "trichion" not in inside:
                raise NotMeasurable(hairline_reason)
            value = float(fn(ctx))
            if not math.isfinite(value):
                raise NotMeasurable("degenerate geometry")
        except (NotMeasurable, ZeroDivisionError) as exc:
            reason = str(exc) or "degenerate geometry"
            out.append(
                Measurement(
                    key,
                    None,
                    nm.unit,
                    rng,
                    "not_measurable",
                    reason,
                    nm.label_en,
                    nm.label_fa,
                    list(dict.fromkeys(ctx.used)),
                    kind,
                )
            )
            continue
        status = "within"
        if rng is not None:
            status = "below" if value < rng[0] else "above" if value > rng[1] else "within"
        out.append(
            Measurement(
                key, value, nm.unit, rng, status, "", nm.label_en, nm.label_fa, list(dict.fromkeys(ctx.used)), kind
            )
        )
    return out
