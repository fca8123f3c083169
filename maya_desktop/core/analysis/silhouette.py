"""Profile points from the face silhouette, fused with the mesh only where the two agree.

On a uniform background (clinic backdrop, masked photo) the person is separated from it by colour
on a crop around the mesh; for every image row the person's front edge (to a fraction of a pixel,
where the colour distance crosses the threshold) gives the profile curve. Its local extremes,
searched in windows seeded by the mesh, are pronasale, the lips and pogonion; glabella, nasion and
subnasale are judged against chords of the outline itself (brow against the nasion-forehead chord,
nasion behind the glabella-tip chord, subnasale at the columella-lip corner of a quarter-pixel
contour), which hold when the photo is mirrored, re-encoded or turned (bench/analysis_stability.py);
the columella is the tangent point from subnasale to the nose's underside on that contour. On any
other background there is no outline the engine can trust
(a learned person mask followed raised arms and glasses), and the mesh points stand alone.

`fuse` then keeps a silhouette point only where it agrees with the mesh's own point, within the
mesh's measured error on side views (FUSE_TOLERANCE); elsewhere the mesh point stays, with its own
confidence, and a point below MIN_CONFIDENCE is neither drawn as located nor measured.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import numpy as np

from maya_desktop.core.analysis import pixels
from maya_desktop.core.analysis.imageio import DecodedImage
from maya_desktop.core.analysis.landmarks import Landmark

SEG_SIDE = 384
BG_TOLERANCE, BG_UNIFORM_SHARE, BG_DISTANCE = 12.0, 0.9, 25.0  # uniform-background silhouette (Lab)
MIN_PROMINENCE = 0.02  # in nose lengths: a weaker bump of the lower profile is no real extreme
# Points placed at the weighted centre of the rows within this many nose lengths of their extreme
# (weight: how much closer than that), not at the single extreme row. The upper lip's front is a broad,
# flat maximum: its extreme row wandered by 0.4 px between the side test photo and its +5 deg turn,
# turning the lip arm of the nasolabial angle (19 px long) by 1.6 deg. bench/analysis_stability.py:
# side test photo, nasolabial largest change 2.38 -> 1.65 deg (plateau 0.01 / 0.04: 1.56 / 1.67); with
# --side-wide (11 photos x 11 variants) its share over target 0.258 -> 0.237 (0.01 / 0.04: 0.247 /
# 0.247), the other four measurements' as they were (tip rotation p90 1.14 -> 1.11).
PLATEAU = {"labrale_superius": 0.02}
BASE_CONFIDENCE = 0.8
MAX_SEED_SHIFT = 0.35  # in nose lengths: farther than this from the mesh seed -> low confidence
MIN_CONFIDENCE = 0.5  # as measurements.MIN_CONFIDENCE
CONFLICT_CONFIDENCE = 0.3
# The mesh's chin -> forehead-top line leans this much (deg, top toward the nose) on the level side test
# photo (profile_left_masked.jpg); the outline is searched in the frame where it does, so a level photo
# is searched as it is and a tilted one as if it were level.
UPRIGHT_LEAN = 15.2
# The outline's pogonion -> glabella line leans this much (deg, top toward the nose) where the mesh's frame
# is level: 17.4 on the side test photo, 13.8-18.3 on the three dev-set side views (bench/accuracy.py data)
# where the outline finds both points. A facial line farther than MAX_REFRAME from the mesh's frame is
# taken for a misfound point, and the mesh's frame stays.
OUTLINE_LEAN = 17.4
MAX_REFRAME = 15.0
# The first pass only sets the frame: it runs on a crop of half the pixels' side (a quarter of the time).
FRAME_PASS_DETAIL = 0.5
# How far (in face heights) the outline may lie from the mesh's point and still be the same point: the
# 90th percentile of the mesh's own error on the dev set's side views (> 60 deg, 30 faces the model is
# sure of; bench/accuracy.py data): pronasale 0.08, subnasale 0.10, nasion 0.11, menton 0.17 (given to
# the chin points); the lips, which the dev set does not annotate on the midline, 0.10. The dev set has
# no glabella either: the mesh's (point 9) sits on the slope of the brow ridge, and the outline's most
# prominent point lay 0.09-0.14 face heights ahead of and above it on the side test photo and on its
# mirror, JPEG and +-5 deg variants, so the glabella gets 0.15.
FUSE_TOLERANCE = {
    "pronasale": 0.08,
    "subnasale": 0.10,
    "nasion": 0.11,
    "columella": 0.08,
    "pogonion": 0.17,
    "sublabiale": 0.17,
    "glabella": 0.15,
}
DEFAULT_FUSE_TOLERANCE = 0.10
# How far BEHIND the mesh's point the outline may lie (face heights): the true point's 10th percentile
# there (pronasale and subnasale 0.02, nasion 0.003: the mesh under-reaches the outline) plus 0.01-0.03;
# the chin's from the dev set's menton (0.137: the mesh over-reaches the chin); the lips get 0.05.
BEHIND_TOLERANCE = {
    "pogonion": 0.14,
    "sublabiale": 0.14,
    "labrale_inferius": 0.05,
    "stomion": 0.05,
    "labrale_superius": 0.05,
}
DEFAULT_BEHIND_TOLERANCE = 0.03
# Runs `fn(*args)` on the second core and returns its future (loader.Models.in_background).
Beside = Callable[..., "Future[Any]"]
MIN_SPLIT_ROWS = 32  # a crop with fewer rows than twice this is not worth handing half of to the other core
PROFILE_POINTS = (
    "glabella",
    "nasion",
    "pronasale",
    "columella",
    "subnasale",
    "labrale_superius",
    "stomion",
    "labrale_inferius",
    "sublabiale",
    "pogonion",
)


def _split_rows(n: int, part: Callable[[int, int], np.ndarray], beside: Beside | None) -> np.ndarray:
    """`part(0, n)`, a per-row computation over n rows, as its two halves: the lower one on the other
    core (`beside`), the upper one here. Each row's values are computed as in one piece, so the result
    is the same to the bit (tests/analysis/test_concurrency.py)."""
    if beside is None or n < 2 * MIN_SPLIT_ROWS:
        return part(0, n)
    mid = n // 2
    lower = beside(part, mid, n)
    upper = part(0, mid)
    return np.concatenate((upper, lower.result()))


def _background_mask(
    crop: np.ndarray, facing: int, anchor: tuple[float, float], beside: Beside | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """Person mask from a UNIFORM background (clinic backdrop, masked photo), or None if it is not.

    The background colour is sampled in the strip in front of the face (the crop has a generous
    margin there); when at least BG_UNIFORM_SHARE of that strip is within BG_TOLERANCE (Lab) of its
    median, every pixel farther than BG_DISTANCE from it is "person". This follows the real edge
    to the pixel, where the selfie-segmentation mask (256 px, smooth) can bulge far in front of the
    lips and chin. `anchor` (crop px) is a point on the cheek: the kept component must contain it.
    Returns the mask and every pixel's colour distance from the background (the edge's sub-pixel place).
    The colour conversion and the distances are per pixel: `beside` computes half of the rows.
    """
    h, w = crop.shape[:2]
    strip_w = max(3, round(0.08 * w))
    lab = _split_rows(h, lambda a, b: pixels.rgb_to_lab(crop[a:b]).astype(np.float32), beside)
    strip = lab[:, :strip_w] if facing < 0 else lab[:, w - strip_w :]
    ref = np.median(strip.reshape(-1, 3), axis=0)
    if float((np.linalg.norm(strip - ref, axis=2) < BG_TOLERANCE).mean()) < BG_UNIFORM_SHARE:
        return None
    distance = _split_rows(h, lambda a, b: np.linalg.norm(lab[a:b] - ref, axis=2), beside)
    mask = (distance > BG_DISTANCE).astype(np.uint8)
    mask = pixels.open3(mask)
    ax, ay = min(w - 1, max(0, round(anchor[0]))), min(h - 1, max(0, round(anchor[1])))
    person = pixels.component_at(mask, ax, ay)
    if person is None:
        return None
    return person.astype(np.uint8), distance


def _front_curve(mask: np.ndarray, facing: int, colour_distance: np.ndarray) -> np.ndarray:
    """Anteriority per row (facing * x of the front edge of the mask); NaN where the row is empty.

    The edge is placed between the front-most person pixel and the background pixel in front of it,
    where their colour distances from the background cross BG_DISTANCE (linear interpolation): a
    whole-pixel edge moved the nasion and glabella by a pixel between a photo and its re-encoded,
    mirrored or turned copies, 2-3 deg of a nasofrontal angle on a small side photo.
    """
    h, w = mask.shape
    cols = np.arange(w, dtype=np.float64)
    out = np.full(h, np.nan)
    any_row = mask.any(axis=1)
    if facing > 0:
        xs = np.where(mask.astype(bool), cols, -np.inf).max(axis=1)
    else:
        xs = np.where(mask.astype(bool), cols, np.inf).min(axis=1)
    rows = np.nonzero(any_row)[0]
    inner = xs[rows].astype(np.int64)
    outer = inner + facing
    ok = (outer >= 0) & (outer < w)
    frac = np.zeros(len(rows))
    d_in = colour_distance[rows[ok], inner[ok]]
    d_out = colour_distance[rows[ok], outer[ok]]
    span = np.maximum(d_in - d_out, 1e-6)
    frac[ok] = np.clip((d_in - BG_DISTANCE) / span, 0.0, 1.0)
    out[rows] = facing * xs[rows] + frac
    return out


def refine_profile(
    dec: DecodedImage, points: np.ndarray, named: dict[str, Landmark], yaw: float, beside: Beside | None = None
) -> dict[str, Landmark]:
    """Silhouette-based midline profile points (original pixels), each with its own confidence;
    empty when the background is not uniform.

    Two passes. The first, on a half-size crop (FRAME_PASS_DETAIL), works in the frame the mesh gives
    (its forehead-top -> chin line turned to UPRIGHT_LEAN); where it finds glabella and pogonion, the
    outline's own facial line (pogonion -> glabella, turned to OUTLINE_LEAN) becomes the frame of the
    second and final pass. "Most anterior" (tip, lips, chin) is judged against that frame, and the
    mesh's line jitters by 3-5 deg between a photo and its mirror, JPEG or turned copies (the model is
    less sure on side views), the outline's by 0.2 deg on the side test photo. With the subnasale
    plateau rule (_subnasale_on_contour) and mesh.UNSEEDED_REFINE_PASSES, on the side test photo and the
    9 dev-set side views with a usable outline, 11 variants each (bench/analysis_stability.py
    --side-wide; the same (photo, measurement) pairs before and after), the share of changes over
    issue #16's targets went 0.13 -> 0.12 (nasofrontal), 0.16 -> 0.23 (nasolabial), 0.33 -> 0.14 (tip
    rotation), 0.14 -> 0.00 (Goode), 0 -> 0 (nasomental); on the side test photo alone every variant's
    change is within target but the nasolabial angle's under a 5 deg turn (2.4 deg; 1.65 deg since the
    upper lip is placed at the centre of its flat front, PLATEAU).

    `beside` (loader.Models.in_background): half of each pass's per-pixel work (the upright crop, its
    colours and their distance from the background) runs on the other core; the points are the same.
    """
    facing = 1 if yaw > 0 else -1
    up = points[10, :2] - points[152, :2]
    angle = math.degrees(math.atan2(up[0], -up[1])) - facing * UPRIGHT_LEAN
    first = _outline(dec, points, named, facing, angle, FRAME_PASS_DETAIL, beside=beside)
    if first is None:
        return {}
    axis = _facial_line_angle(first)
    if axis is not None and abs(axis - facing * OUTLINE_LEAN - angle) <= MAX_REFRAME:
        angle = axis - facing * OUTLINE_LEAN
    final = _outline(dec, points, named, facing, angle, beside=beside)
    return {} if final is None else final.complete(named)


@dataclass
class _Outline:
    """One pass of the outline search, in its upright crop: the points found so far and what the
    last steps (dorsum, columella) need."""

    found: dict[str, tuple[float, float, float]]
    smooth: np.ndarray
    mask: np.ndarray
    colour_distance: np.ndarray
    facing: int
    to_orig: Callable[[float, float], tuple[float, float]]

    def complete(self, named: dict[str, Landmark]) -> dict[str, Landmark]:
        if "pronasale" in self.found:
            _dorsum(self.found, self.smooth, self.facing)
            _columella(self.found, self.mask, self.colour_distance, self.facing)
        return _finish(self.found, named, self.to_orig)


def _facial_line_angle(outline: _Outline) -> float | None:
    """Direction (deg, as the frame angle: 0 = up the image, positive leaning right) of the outline's
    pogonion -> glabella line in the photo, or None without both points."""
    top, chin = outline.found.get("glabella"), outline.found.get("pogonion")
    if top is None or chin is None:
        return None
    tx, ty = outline.to_orig(top[0], top[1])
    cx, cy = outline.to_orig(chin[0], chin[1])
    return math.degrees(math.atan2(tx - cx, -(ty - cy)))


def _outline(
    dec: DecodedImage,
    points: np.ndarray,
    named: dict[str, Landmark],
    facing: int,
    angle: float,
    detail: float = 1.0,
    beside: Beside | None = None,
) -> _Outline | None:
    """The outline's points in the frame turned by `angle` (deg), all but dorsum and columella, on a crop
    of at most SEG_SIDE x `detail` px; None where the background is not uniform or the crop is too small."""
    s = dec.scale
    centre = points[:, :2].mean(axis=0) / s
    turn = _rotation(float(centre[0]), float(centre[1]), angle)
    back = _inverse(turn)
    pts = points[:, :2] / s @ turn[:, :2].T + turn[:, 2]
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    fw, fh = x1 - x0, y1 - y0
    # Generous margin in front of the face (the mesh under-reaches the nose tip on profiles).
    left = x0 - fw * (0.6 if facing < 0 else 0.25)
    right = x1 + fw * (0.6 if facing > 0 else 0.25)
    top, bottom = y0 - fh * 0.25, y1 + fh * 0.15
    h, w = dec.rgb.shape[:2]
    cx0, cy0, cx1, cy1 = (max(0, int(left)), max(0, int(top)), min(w, int(right)), min(h, int(bottom)))
    if cx1 - cx0 < 16 or cy1 - cy0 < 16:
        return None

    # The photo turned upright (edge pixels repeated beyond it), computed in the crop only (each output
    # row as in the whole: half of the rows on the other core).
    def upright(a: int, b: int) -> np.ndarray:
        return pixels.warp_affine(dec.rgb, back, (w, h), "replicate", (cx0, cy0 + a, cx1, cy0 + b))

    crop = _split_rows(cy1 - cy0, upright, beside)
    f = min(1.0, SEG_SIDE / max(crop.shape[:2])) * detail
    if f < 1.0:
        crop = pixels.resize_area(crop, round(crop.shape[1] * f), round(crop.shape[0] * f))
    crop = np.ascontiguousarray(crop)
    cheek = ((pts[[50, 280]].mean(axis=0) - (cx0, cy0)) * f).tolist()  # both cheeks' mean
    separated = _background_mask(crop, facing, (cheek[0], cheek[1]), beside)
    if separated is None:
        return None  # no clean outline to follow: the mesh points stand alone
    mask, colour_distance = separated
    uniform_background = True
    curve = _front_curve(mask, facing, colour_distance)
    k = max(1, round(0.01 * mask.shape[0]))
    smooth = np.convolve(np.nan_to_num(curve, nan=-1e9), np.ones(2 * k + 1) / (2 * k + 1), mode="same")
    smooth[np.isnan(curve)] = np.nan

    def to_crop(name: str) -> tuple[float, float]:
        lm = named[name]
        x, y = turn[:, :2] @ (lm.x / s, lm.y / s) + turn[:, 2]
        return ((x - cx0) * f, (y - cy0) * f)

    def to_orig(x: float, y: float) -> tuple[float, float]:
        ox, oy = back[:, :2] @ (x / f + cx0, y / f + cy0) + back[:, 2]
        return (float(ox) * s, float(oy) * s)

    # the profile points the landmarks already give (the columella is found on the silhouette), and the menton
    seed = {n: to_crop(n) for n in (*(p for p in PROFILE_POINTS if p != "columella"), "menton")}
    nose_len = max(8.0, seed["subnasale"][1] - seed["nasion"][1])
    touches_border = bool(mask[:, 0].any() if facing < 0 else mask[:, -1].any())
    found: dict[str, tuple[float, float, float]] = {}

    def pick(name: str, lo: float, hi: float, mode: str) -> float | None:
        a, b = max(0, int(lo)), min(len(smooth) - 1, int(hi))
        if b - a < 3:
            return None
        seg = smooth[a : b + 1]
        if np.isnan(seg).mean() > 0.2:
            return None
        idx = int(np.nanargmax(seg) if mode == "max" else np.nanargmin(seg))
        y = float(a + idx)
        x = float(facing * smooth[int(y)])
        conf = BASE_CONFIDENCE
        if idx in (0, len(seg) - 1):  # extreme at the window edge: no real local extreme
            conf *= 0.55
        sx, sy = seed[name]
        if abs(y - sy) > MAX_SEED_SHIFT * nose_len * 1.5 or abs(x - sx) > MAX_SEED_SHIFT * nose_len * 2:
            conf *= 0.5
        if touches_border:
            conf *= 0.8
        if not uniform_background:
            conf *= 0.85
        found[name] = (x, y, conf)
        return y

    # Pronasale and nasion are seeded by the mesh; the points below are searched in windows scaled by
    # the silhouette's own nasion-to-tip height L (typical adult proportions: subnasale ~0.2 L below
    # the tip, upper lip ~0.6 L, stomion ~0.8 L, lower lip ~1.05 L, pogonion ~1.5 L).
    n, sn_seed = seed["nasion"][1], seed["subnasale"][1]
    prn = pick("pronasale", seed["pronasale"][1] - 0.35 * nose_len, sn_seed + 0.1 * nose_len, "max")
    if prn is None:
        return _Outline(found, smooth, mask, colour_distance, facing, to_orig)
    # The mesh puts nasion low on profiles (16 px on profile_left_masked.jpg): search well above it.
    na = pick("nasion", n - 0.6 * nose_len, prn - 0.35 * nose_len, "min")
    big_l = (prn - na) if na is not None and prn - na > 4 else nose_len
    if na is not None:
        _glabella(found, smooth, facing, na, big_l, seed["glabella"], penalty=0.8 if touches_border else 1.0)
        _deepest_nasion(found, smooth, facing, prn)
    stom_seed = seed["stomion"][1]  # the mesh places the mouth well even on profiles
    penalty = (0.8 if touches_border else 1.0) * (1.0 if uniform_background else 0.85)
    found.update(_lower_profile(smooth, facing, prn, stom_seed, seed["menton"][1], big_l, seed, penalty))
    return _Outline(found, smooth, mask, colour_distance, facing, to_orig)


def _rotation(cx: float, cy: float, degrees: float) -> np.ndarray:
    """2x3 map turning the image by `degrees` (counter-clockwise on screen) about (cx, cy)."""
    a = degrees * math.pi / 180
    cos, sin = math.cos(a), math.sin(a)
    return np.array([[cos, sin, (1 - cos) * cx - sin * cy], [-sin, cos, sin * cx + (1 - cos) * cy]])


def _inverse(m: np.ndarray) -> np.ndarray:
    """The inverse of a 2x3 affine map."""
    det = m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]
    d = 1.0 / det if det != 0 else 0.0
    a11, a22, a12, a21 = m[1, 1] * d, m[0, 0] * d, -m[0, 1] * d, -m[1, 0] * d
    return np.array([[a11, a12, -a11 * m[0, 2] - a12 * m[1, 2]], [a21, a22, -a21 * m[0, 2] - a22 * m[1, 2]]])


def _glabella(
    found: dict[str, tuple[float, float, float]],
    smooth: np.ndarray,
    facing: int,
    na: float,
    big_l: float,
    seed: tuple[float, float],
    penalty: float,
) -> None:
    """Glabella: the outline's most prominent point above the nasion, judged against the chord from
    the nasion to the forehead one nose height (L) above it, not against the frame's vertical.

    "Most anterior" in the frame the mesh gives moved with the mesh's own tilt on side views (on the
    side test photo's mirror and JPEG q70 variants it ran to the window's top edge, 0.17 face heights
    from the photo's point); the chord is the outline's own reference and holds under those variants.
    """
    top = max(0, int(na - big_l))
    while top < na and np.isnan(smooth[top]):
        top += 1
    a, b = max(top, int(na - 0.75 * big_l)), int(na - 0.15 * big_l)
    ia = int(na)
    if b - a < 3 or ia - top < 0.5 * big_l or np.isnan(smooth[ia]) or np.isnan(smooth[a : b + 1]).any():
        return
    ys = np.arange(a, b + 1, dtype=np.float64)
    chord = smooth[top] + (smooth[ia] - smooth[top]) * (ys - top) / (ia - top)
    ahead = smooth[a : b + 1] - chord
    idx = int(np.argmax(ahead))
    y = a + idx
    conf = BASE_CONFIDENCE * penalty
    if idx in (0, len(ahead) - 1) or ahead[idx] < MIN_PROMINENCE * big_l:
        conf *= 0.55  # no real brow prominence in the window
    if abs(y - seed[1]) > MAX_SEED_SHIFT * big_l * 1.5:
        conf *= 0.5
    found["glabella"] = (float(facing * smooth[y]), float(y), conf)


def _deepest_nasion(found: dict[str, tuple[float, float, float]], smooth: np.ndarray, facing: int, prn: float) -> None:
    """Nasion again, as the deepest point of the outline behind the glabella -> pronasale chord.

    The first pick (the outline's rearmost row between them) lies on a flat-bottomed curve: on the
    side test photo it moved 3 px (191 -> 194) between the photo and its -5 deg turn, 4.8 deg of a
    nasofrontal angle whose short arm is 20 px long. The chord is the textbook reference (deepest
    point of the frontonasal concavity); the row is the centre of the concavity's deeper half.
    """
    if "glabella" not in found or "nasion" not in found:
        return
    gx, gy, _ = found["glabella"]
    py = prn
    a, b = int(gy) + 1, int(py) - 1
    if b - a < 3 or np.isnan(smooth[a : b + 1]).any():
        return
    ys = np.arange(a, b + 1, dtype=np.float64)
    chord = facing * gx + (smooth[int(py)] - facing * gx) * (ys - gy) / (py - gy)
    behind = chord - smooth[a : b + 1]
    idx = int(np.argmax(behind))
    if idx in (0, len(behind) - 1):
        return  # no concavity between the brow and the tip: keep the first pick
    # Centre of the concavity's deeper half (the usual half-maximum peak centre): one row on a flat
    # bottom, where the single deepest row jumps between its ends with pixel noise.
    deep = behind >= behind[idx] / 2
    lo_i = idx - int(np.argmin(deep[idx::-1])) + 1 if not deep[: idx + 1].all() else 0
    hi_i = idx + int(np.argmin(deep[idx:])) - 1 if not deep[idx:].all() else len(deep) - 1
    rows = np.arange(lo_i, hi_i + 1)
    weight = behind[lo_i : hi_i + 1] - behind[idx] / 2
    y = a + float((rows * weight).sum() / weight.sum()) if weight.sum() > 0 else float(a + idx)
    x = facing * float(np.interp(y, np.arange(len(smooth)), smooth))
    found["nasion"] = (x, float(y), found["nasion"][2])


def _parabola_offset(before: float, at: float, after: float) -> float:
    """Sub-sample position (-0.5..0.5) of the extreme of a parabola through three equally spaced values."""
    denom = before - 2 * at + after
    return 0.0 if denom == 0 else float(np.clip(0.5 * (before - after) / denom, -0.5, 0.5))


def _lower_profile(
    smooth: np.ndarray,
    facing: int,
    prn: float,
    stom_seed: float,
    menton_seed: float,
    big_l: float,
    seed: dict[str, tuple[float, float]],
    penalty: float,
) -> dict[str, tuple[float, float, float]]:
    """Subnasale, lips, sublabiale and pogonion from the front curve below the nasal tip.

    The lower face is often tilted or receding, so "most anterior" is judged against the face's
    own lower vertical, not the image's: the chord from the tip to the front of the chin's end
    (where the outline turns back under the chin) gives subnasale as the deepest point behind it;
    the chord from subnasale to the chin's end then gives, in order, labrale superius (most
    anterior above the mouth seed), labrale inferius (most anterior below it), stomion (deepest
    between them), sublabiale (deepest between the lower lip and the chin) and pogonion (most
    anterior point of the chin). Each point gets BASE_CONFIDENCE, lowered when its extreme is weak
    (prominence under MIN_PROMINENCE nose lengths), sits at its window's edge, or is far from the
    mesh's own guess.
    """
    n = len(smooth)
    out: dict[str, tuple[float, float, float]] = {}
    ip = int(prn)
    if np.isnan(smooth[ip]):
        return out
    # End of the chin: last row of the curve before it jumps back by > 0.12 L per row (under the chin).
    lo, hi = int(stom_seed + 0.4 * big_l), min(n - 2, int(max(menton_seed, stom_seed) + 0.4 * big_l))
    end = None
    for y in range(max(ip + 1, lo), hi + 1):
        if np.isnan(smooth[y + 1]) or smooth[y] - smooth[y + 1] > 0.12 * big_l:
            end = y
            break
    if end is None:
        end = min(hi, n - 1)
    if end - ip < 0.8 * big_l or np.isnan(smooth[ip : end + 1]).mean() > 0.1:
        return out
    ys = np.arange(n, dtype=np.float64)

    def ahead(y0: int, y1: int) -> np.ndarray:
        """Anteriority of every row relative to the chord between rows y0 and y1 (px, + = front)."""
        a0, a1 = smooth[y0], smooth[y1]
        offsets: np.ndarray = smooth - (a0 + (a1 - a0) * (ys - y0) / max(1, y1 - y0))
        return offsets

    def put(name: str, vals: np.ndarray, a: float, b: float, mode: str) -> int | None:
        a_i, b_i = max(ip + 1, int(a)), min(end, int(b))
        if b_i - a_i < 2:
            return None
        seg = np.nan_to_num(vals[a_i : b_i + 1], nan=-1e9 if mode == "max" else 1e9)
        idx = int(np.argmax(seg) if mode == "max" else np.argmin(seg))
        y = a_i + idx
        conf = BASE_CONFIDENCE * penalty
        prominence = (seg[idx] - min(seg[0], seg[-1])) if mode == "max" else (max(seg[0], seg[-1]) - seg[idx])
        if idx in (0, len(seg) - 1) or prominence < MIN_PROMINENCE * big_l:
            conf *= 0.55  # no real local extreme in the window
        if name in seed and abs(y - seed[name][1]) > MAX_SEED_SHIFT * big_l:
            conf *= 0.6
        plateau = PLATEAU.get(name, 0.0) * big_l
        if plateau > 0 and mode == "max" and 0 < idx < len(seg) - 1:  # the centre of its plateau (PLATEAU)
            lo_i, hi_i = idx, idx
            while lo_i > 0 and seg[lo_i - 1] > seg[idx] - plateau:
                lo_i -= 1
            while hi_i < len(seg) - 1 and seg[hi_i + 1] > seg[idx] - plateau:
                hi_i += 1
            wts = seg[lo_i : hi_i + 1] - (seg[idx] - plateau)
            sub = a_i + float((np.arange(lo_i, hi_i + 1) * wts).sum() / wts.sum())
            out[name] = (float(facing * np.interp(sub, ys, smooth)), float(sub), conf)
        elif 0 < idx < len(seg) - 1:  # the extreme's row to a fraction of a pixel
            sub = y + _parabola_offset(seg[idx - 1], seg[idx], seg[idx + 1])
            out[name] = (float(facing * np.interp(sub, ys, smooth)), float(sub), conf)
        else:
            out[name] = (float(facing * smooth[y]), float(y), conf)
        return y

    e_line = ahead(ip, end)
    sn = put("subnasale", -e_line, prn + 0.05 * big_l, stom_seed - 0.15 * big_l, "max")
    if sn is None:
        return out
    face_line = ahead(sn, end)
    ls = put("labrale_superius", face_line, sn + 0.1 * big_l, stom_seed, "max")
    li = put("labrale_inferius", face_line, stom_seed, stom_seed + 0.45 * big_l, "max")
    if ls is not None and li is not None:
        put("stomion", -face_line, ls, li, "max")
        sl = put("sublabiale", -face_line, li, end - 0.1 * big_l, "max")
        if sl is not None:
            put("pogonion", face_line, sl, end, "max")
    return out


def _finish(
    found: dict[str, tuple[float, float, float]],
    named: dict[str, Landmark],
    to_orig: Callable[[float, float], tuple[float, float]],
) -> dict[str, Landmark]:
    out: dict[str, Landmark] = {}
    for name, (x, y, conf) in found.items():
        ox, oy = to_orig(x, y)
        out[name] = Landmark(ox, oy, round(conf, 3), "silhouette")
    return out


def fuse(
    named: dict[str, Landmark],
    outline: dict[str, Landmark],
    face_height: float,
    facing: int,
    reference: dict[str, Landmark] | None = None,
) -> list[str]:
    """Put the silhouette's points into `named` where they agree with the mesh (module doc).

    `reference`: the mesh points as the model placed them, when `named` holds corrected ones
    (turned.py): the tolerances below are that model's measured error, so agreement is judged
    against its own points; the result still goes into `named`.

    A silhouette point is taken when it is itself confident, lies within FUSE_TOLERANCE face heights
    of the mesh's point and at most BEHIND_TOLERANCE behind it (the mesh under-reaches the nose's
    outline on side views and over-reaches the chin's). Where the two disagree beyond that, the mesh
    point is kept but marked not located (CONFLICT_CONFIDENCE); an unsure outline point that agrees
    leaves the mesh point as it was. The dorsum point has no mesh counterpart: it is kept only
    when nasion and pronasale were both taken. Returns the names of the points left unsure (below
    MIN_CONFIDENCE), whichever source they have.
    """
    taken: set[str] = set()
    for name, sil in outline.items():
        mesh = named.get(name)
        placed = mesh if reference is None else reference.get(name)
        if mesh is None or placed is None or face_height <= 0:
            continue
        dx, dy = (sil.x - placed.x) / face_height, (sil.y - placed.y) / face_height
        near = math.hypot(dx, dy) <= FUSE_TOLERANCE.get(name, DEFAULT_FUSE_TOLERANCE)
        if not (near and dx * facing >= -BEHIND_TOLERANCE.get(name, DEFAULT_BEHIND_TOLERANCE)):
            # The outline and the mesh place this point far apart: one of them is wrong and the engine
            # cannot tell which (on the side test photo's mirror image the mesh's glabella made a 173 deg
            # nasofrontal angle of a 132 deg one), so the point is not located.
            mesh.confidence = min(mesh.confidence, CONFLICT_CONFIDENCE)
        elif sil.confidence >= MIN_CONFIDENCE:
            named[name] = Landmark(sil.x, sil.y, round(max(sil.confidence, mesh.confidence), 3), "silhouette")
            taken.add(name)
    dorsum = outline.get("dorsum_max")
    if dorsum is not None and {"nasion", "pronasale"} <= taken:
        named["dorsum_max"] = dorsum
    return [n for n in PROFILE_POINTS if n in named and named[n].confidence < MIN_CONFIDENCE]


def _dorsum(found: dict[str, tuple[float, float, float]], smooth: np.ndarray, facing: int) -> None:
    """Point of the dorsum farthest from the nasion-pronasale line (hump if in front of it)."""
    if "nasion" not in found or "pronasale" not in found:
        return
    nx, ny, nc = found["nasion"]
    px, py, pc = found["pronasale"]
    best, best_d = None, -np.inf
    length = float(np.hypot(px - nx, py - ny))
    for y in range(int(ny) + 1, int(py)):
        if np.isnan(smooth[y]):
            return
        x = facing * smooth[y]
        # signed distance in front of the line (toward the facing direction)
        d = ((py - ny) * (x - nx) - (px - nx) * (y - ny)) / length
        d *= 1 if (py - ny) * facing > 0 else -1
        if abs(d) > abs(best_d) or best is None:
            best, best_d = (float(x), float(y)), d
    if best is not None:
        found["dorsum_max"] = (best[0], best[1], min(nc, pc))


def _between(contour: np.ndarray, a: tuple[float, float], b: tuple[float, float]) -> np.ndarray:
    """The shorter stretch of a closed contour between its points nearest to a and b."""
    i_a = int(np.argmin(np.hypot(contour[:, 0] - a[0], contour[:, 1] - a[1])))
    i_b = int(np.argmin(np.hypot(contour[:, 0] - b[0], contour[:, 1] - b[1])))
    lo, hi = sorted((i_a, i_b))
    return contour[lo : hi + 1] if hi - lo <= len(contour) / 2 else np.concatenate([contour[hi:], contour[: lo + 1]])


def _subnasale_on_contour(found: dict[str, tuple[float, float, float]], contour: np.ndarray, facing: int) -> None:
    """Subnasale again, on the fine contour: the point deepest behind the pronasale -> labrale superius
    chord. The row-by-row outline is nearly flat under the nose, so its deepest row wandered by
    1.5 px between the side test photo's variants; the columella-lip corner is sharp on the contour."""
    if "labrale_superius" not in found or "subnasale" not in found:
        return
    px, py, _ = found["pronasale"]
    lx, ly, _ = found["labrale_superius"]
    seg = _between(contour, (px, py), (lx, ly))
    chord = np.array([lx - px, ly - py])
    length = float(np.hypot(*chord))
    if len(seg) < 3 or length < 3:
        return
    # Signed distance from the chord, positive behind it (away from the facing side).
    behind = ((seg[:, 0] - px) * chord[1] - (seg[:, 1] - py) * chord[0]) / length
    behind *= -1 if chord[1] * facing > 0 else 1
    i = int(np.argmax(behind))
    if 0 < i < len(seg) - 1 and behind[i] > 0:
        # The corner is a shallow plateau on the quarter-pixel contour: its deepest sample jumped by 2 px
        # between the side test photo's variants, the depth-weighted centre of the samples within
        # SUBNASALE_PLATEAU of the deepest holds.
        weight = np.clip(behind - (behind[i] - SUBNASALE_PLATEAU), 0.0, None)
        x, y = (seg * weight[:, None]).sum(axis=0) / weight.sum()
        found["subnasale"] = (float(x), float(y), found["subnasale"][2])


SUBNASALE_PLATEAU = 1.0  # crop px: contour samples this close to the deepest one are the corner
CONTOUR_UPSAMPLE = 4  # the nose's underside is traced on a 4x finer grid (quarter-pixel contour)
COLUMELLA_MARGIN = 1.0  # the traced window's reach beyond the tip, subnasale and upper lip (x their span)


def _columella(
    found: dict[str, tuple[float, float, float]], mask: np.ndarray, colour_distance: np.ndarray, facing: int
) -> None:
    """Tangent point from subnasale to the underside of the nose, on the real contour.

    The contour is traced where the colour distance (bilinear on a CONTOUR_UPSAMPLE finer grid)
    crosses BG_DISTANCE inside the person's component: the subnasale -> columella ray is ~16 px
    long on a small side photo, and a whole-pixel contour turned it by 2-4 deg between a photo and
    its re-encoded or turned copies (the tip rotation angle).
    """
    if "subnasale" not in found or "pronasale" not in found:
        return
    k = CONTOUR_UPSAMPLE
    # Only a window around the nose's underside and the upper lip is traced (the whole crop on the 4x
    # grid took two thirds of a side photo's outline time). The window reaches COLUMELLA_MARGIN x the
    # tip-to-lip span beyond those points, so the contour's way round the window's edges is longer than
    # the profile between them (_between takes the shorter stretch), and the person's pixels in it stay
    # one component.
    names = [n for n in ("pronasale", "subnasale", "labrale_superius") if n in found]
    xs, ys = [found[n][0] for n in names], [found[n][1] for n in names]
    span = max(float(np.hypot(max(xs) - min(xs), max(ys) - min(ys))), 8.0)
    margin = COLUMELLA_MARGIN * span
    h, w = mask.shape
    wx0, wy0 = max(0, int(min(xs) - margin)), max(0, int(min(ys) - margin))
    wx1, wy1 = min(w, int(max(xs) + margin) + 2), min(h, int(max(ys) + margin) + 2)
    fine = pixels.resize_linear(colour_distance[wy0:wy1, wx0:wx1].astype(np.float32), k) > BG_DISTANCE
    py0, px0 = max(0, wy0 - 1), max(0, wx0 - 1)  # one pixel more for the dilation
    grown = pixels.dilate3(mask[py0 : wy1 + 1, px0 : wx1 + 1])[wy0 - py0 :, wx0 - px0 :][: wy1 - wy0, : wx1 - wx0]
    near = pixels.resize_nearest(grown, k)
    border = pixels.largest_outer_border(fine & (near > 0))
    if border is None:
        return
    c = (border.astype(np.float64) + 0.5) / k - 0.5 + (wx0, wy0)
    _subnasale_on_contour(found, c, facing)
    sx, sy, sc = found["subnasale"]
    px, py, pc = found["pronasale"]
    seg = _between(c, (sx, sy), (px, py))
    tip = np.array([px - sx, py - sy])
    tip_len = float(np.hypot(*tip))
    if tip_len < 3:
        return
    best, best_ang = None, -1.0
    for q in seg:
        v = q - (sx, sy)
        if np.hypot(*v) < 0.2 * tip_len:
            continue
        # Angle of the ray from subnasale, measured from the sn->prn chord toward the lip (down).
        cross = tip[0] * v[1] - tip[1] * v[0]
        ang = float(np.degrees(np.arctan2(cross * facing, tip @ v)))
        if ang > best_ang:
            best, best_ang = q, ang
    if best is not None:
        found["columella"] = (float(best[0]), float(best[1]), min(sc, pc) * 0.9)
