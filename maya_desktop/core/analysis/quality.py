"""Photo quality checks on the located face: size, border, sharpness, exposure, roll, pose vs view."""

from __future__ import annotations

import numpy as np

from maya_desktop.core.analysis import pixels
from maya_desktop.core.analysis.findings import Finding, finding
from maya_desktop.core.analysis.imageio import DecodedImage
from maya_desktop.core.analysis.pose import Pose, is_tilted, view_family

MIN_INTEROCULAR_PX = 30.0  # refuse below: a 1-px landmark error is then > 3% of the eye distance
SMALL_INTEROCULAR_PX = 60.0  # warn below
FACE_HEIGHT_PER_IOD = 3.2  # mesh height (forehead to chin) / inter-ocular distance on a frontal face
# Variance of the Laplacian on the face region, downscaled to at most NORM_FACE_WIDTH px wide so
# that large photos are not penalised for their soft per-pixel detail.
NORM_FACE_WIDTH = 256
BLUR_REFUSE = 12.0
BLUR_WARN = 35.0
DARK_MEAN, BRIGHT_MEAN = 60.0, 215.0  # mean luma (0-255) of the face region
CLIP_FRACTION = 0.25  # share of face pixels at 0-5 or 250-255
ROLL_WARN = 15.0
PARTIAL_OUTSIDE_SHARE = 0.02  # share of mesh points outside the image that refuses the photo


def face_region(dec: DecodedImage, points: np.ndarray) -> np.ndarray:
    """Grey face region (mesh bounding box, inside the image) at NORM_FACE_WIDTH px wide."""
    s = dec.scale
    h, w = dec.rgb.shape[:2]
    x0, y0 = np.clip(points[:, :2].min(axis=0) / s, 0, [w - 1, h - 1]).astype(int)
    x1, y1 = np.clip(points[:, :2].max(axis=0) / s, 0, [w, h]).astype(int)
    region = dec.rgb[y0 : max(y1, y0 + 2), x0 : max(x1, x0 + 2)]
    grey = pixels.rgb_to_grey(region)
    f = NORM_FACE_WIDTH / grey.shape[1]
    if f >= 1:  # never upscale: interpolation would itself read as blur
        return grey
    size = (NORM_FACE_WIDTH, max(2, round(grey.shape[0] * f)))
    return pixels.resize_area(grey, *size)


def sharpness(grey: np.ndarray) -> float:
    return float(pixels.laplacian(grey).var())


def check_face(
    dec: DecodedImage, points: np.ndarray, pose: Pose, view: str, declared_view: str | None
) -> tuple[list[Finding], dict[str, float]]:
    """Findings and raw metrics for a meshed face (points in original pixels)."""
    out: list[Finding] = []
    iod = float(np.hypot(*(points[473, :2] - points[468, :2])))
    family = view_family(view)
    # In profile (and oblique) the far eye is hidden or foreshortened: the face height / 3.2 (about
    # the inter-ocular distance of a frontal face) is the size proxy instead.
    by_eyes = family in ("frontal", "base")
    height = float(np.ptp(points[:, 1]))
    size_px = iod if by_eyes else height / FACE_HEIGHT_PER_IOD
    metrics: dict[str, float] = {"interocular_px": round(iod, 1), "face_size_px": round(size_px, 1)}
    shown = f"{size_px:.0f} px" if by_eyes else f"{height:.0f} px"
    if size_px < MIN_INTEROCULAR_PX:
        out.append(finding("face_too_small" if by_eyes else "profile_too_small", shown))
    elif size_px < SMALL_INTEROCULAR_PX:
        out.append(finding("face_small" if by_eyes else "profile_small", shown))

    xs, ys = points[:, 0], points[:, 1]
    outside = (xs < 0) | (ys < 0) | (xs >= dec.width) | (ys >= dec.height)
    share = float(outside.mean())
    metrics["outside_share"] = round(share, 3)
    if share > PARTIAL_OUTSIDE_SHARE:
        out.append(finding("partial_face", f"{share:.0%} of the face outside"))
    else:
        margin = 0.01 * max(dec.width, dec.height)
        near = (xs < margin) | (ys < margin) | (xs > dec.width - margin) | (ys > dec.height - margin)
        if near.any():
            out.append(finding("face_near_edge"))

    grey = face_region(dec, points)
    sharp = sharpness(grey)
    metrics["sharpness"] = round(sharp, 1)
    if sharp < BLUR_REFUSE:
        out.append(finding("blurry", f"{sharp:.0f}"))
    elif sharp < BLUR_WARN:
        out.append(finding("slightly_blurry", f"{sharp:.0f}"))
    mean = float(grey.mean())
    dark, bright = float((grey <= 5).mean()), float((grey >= 250).mean())
    metrics.update(brightness=round(mean, 1), dark_share=round(dark, 3), bright_share=round(bright, 3))
    if mean < DARK_MEAN or dark > CLIP_FRACTION:
        out.append(finding("underexposed", f"mean {mean:.0f}/255"))
    if mean > BRIGHT_MEAN or bright > CLIP_FRACTION:
        out.append(finding("overexposed", f"mean {mean:.0f}/255"))

    if family == "frontal" and is_tilted(pose):
        out.append(finding("tilted_head", f"pitch {pose.pitch:+.0f} deg, roll {pose.roll:+.0f} deg"))
    elif family != "profile" and abs(pose.roll) >= ROLL_WARN:
        out.append(finding("strong_roll", f"{pose.roll:.0f} deg"))
    out.extend(check_view(pose, view, declared_view))
    return out, metrics


def check_view(pose: Pose, view: str, declared_view: str | None) -> list[Finding]:
    """Declared view vs detected; and pose limits for the detected view's measurements."""
    out: list[Finding] = []
    if declared_view and declared_view != view:
        out.append(finding("view_mismatch", f"{declared_view} but it looks like {view}"))
    family = view_family(view)
    if family == "frontal" and abs(pose.yaw) > 10:
        out.append(finding("pose_off", f"head turned {pose.yaw:+.0f} deg"))
    elif family == "profile" and abs(pose.yaw) < 70:
        out.append(finding("pose_off", f"head turned {abs(pose.yaw):.0f} deg, a true profile is 90"))
    return out
