"""The few image operations the analysis engine needs, in numpy (no OpenCV).

OpenCV was used for these until issue 11: it was 172 MB of the desktop bundle for a dozen small functions.
Each function here computes what the OpenCV 5.1 call it replaces computes, in the same arithmetic (fixed-point
grey and CIELAB, single-precision area sums and bilinear weights in OpenCV's order), and gives the same result
to the bit (tests/analysis/test_pixels.py compares them where OpenCV is installed). The one exception is
OpenCV itself: on x86 CPUs it may hand warpAffine to Intel IPP, whose rounding differs by one grey level on about
1 value in 10^4; this module gives OpenCV's own (non-IPP) result on every CPU.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

import numpy as np

# 8-bit CIELAB (D65) in fixed point, as OpenCV computes it for 8-bit images: sRGB decoded through a table
# (x 8), XYZ with 12-bit coefficients, f(t) = cbrt(t) (or its linear part near black) through a table
# (x 2^15). Bit-identical to OpenCV 5.1's cvtColor(RGB2LAB) on all 2^24 colours (tests/analysis/test_pixels.py).
_RGB_TO_XYZ = np.array([[0.412453, 0.357580, 0.180423], [0.212671, 0.715160, 0.072169], [0.019334, 0.119193, 0.950227]])
_WHITE = np.array([0.950456, 1.0, 1.088754])


def _lab_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    c = np.arange(256) / 255.0
    decoded = np.rint(255 * 8 * np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)).astype(np.int64)
    t = np.arange(3072) / (255.0 * 8)
    f = np.rint(32768 * np.where(t < 0.008856, t * 7.787 + 16.0 / 116.0, np.cbrt(t))).astype(np.int64)
    # Two entries lie within 2e-4 of a half (9454.50014, 22125.49999): OpenCV's table, computed in single
    # precision, rounds them the other way.
    f[49], f[628] = 9454, 22126
    coeffs = np.rint(4096 * _RGB_TO_XYZ / _WHITE[:, None]).astype(np.int64)
    return decoded, f, coeffs


_DECODED, _CBRT, _XYZ_FIXED = (t.astype(np.int32) for t in _lab_tables())  # every sum below fits 32 bits


def rgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """8-bit RGB (..., 3) -> 8-bit CIELAB (D65): L * 255 / 100, a + 128, b + 128 (uint8)."""
    d = _DECODED[rgb]
    c = _XYZ_FIXED  # three multiply-adds per channel: numpy's integer matrix product is a slow loop
    fx, fy, fz = (
        _CBRT[(d[..., 0] * c[i, 0] + d[..., 1] * c[i, 1] + d[..., 2] * c[i, 2] + 2048) >> 12] for i in range(3)
    )
    lab = np.empty(rgb.shape, np.int32)
    lab[..., 0] = (296 * fy - 1336934 + 16384) >> 15  # L: (116 * 255 / 100) fy - 16 * 255 / 100
    lab[..., 1] = (500 * (fx - fy) + (128 << 15) + 16384) >> 15
    lab[..., 2] = (200 * (fy - fz) + (128 << 15) + 16384) >> 15
    out: np.ndarray = np.clip(lab, 0, 255).astype(np.uint8)
    return out


def rgb_to_grey(rgb: np.ndarray) -> np.ndarray:
    """8-bit RGB (H, W, 3) -> 8-bit luma: 0.299 R + 0.587 G + 0.114 B in 15-bit fixed point, rounded."""
    c = rgb.astype(np.uint32)
    grey: np.ndarray = ((c[..., 0] * 9798 + c[..., 1] * 19235 + c[..., 2] * 3735 + 16384) >> 15).astype(np.uint8)
    return grey


def laplacian(grey: np.ndarray) -> np.ndarray:
    """4-neighbour Laplacian (kernel 0 1 0 / 1 -4 1 / 0 1 0) of a 2-D image, as float64; the border is
    mirrored without repeating the edge pixel (d c b | a b c d | c b a)."""
    g = np.pad(grey.astype(np.float64), 1, mode="reflect")
    lap: np.ndarray = g[:-2, 1:-1] + g[2:, 1:-1] + g[1:-1, :-2] + g[1:-1, 2:] - 4.0 * g[1:-1, 1:-1]
    return lap


def _area_table(n_in: int, n_out: int) -> tuple[np.ndarray, np.ndarray]:
    """For output pixel i, the input pixels its footprint [i * s, (i + 1) * s) covers (s = n_in / n_out) and
    their single-precision weights (share of the footprint), in input order: (n_out, L) indices and weights,
    padded with weight 0. Each footprint: a partly covered pixel before the whole ones (when it covers more
    than 1e-3 of a pixel), the whole ones, a partly covered one after (the same), as OpenCV's INTER_AREA;
    computed in double precision for all output pixels at once, then rounded to single precision."""
    scale = 1.0 / (n_out / n_in)
    f1 = np.arange(n_out, dtype=np.float64) * scale
    f2 = f1 + scale
    cell = np.minimum(scale, n_in - f1)
    s2 = np.minimum(np.floor(f2), n_in - 1)
    s1 = np.minimum(np.ceil(f1), s2)
    pre = (s1 - f1 > 1e-3).astype(np.int64)
    whole = (s2 - s1).astype(np.int64)
    post = f2 - s2 > 1e-3
    width = int((pre + whole + post).max())
    col = np.arange(width)[None, :]
    idx = np.zeros((n_out, width), np.int64)
    wt = np.zeros((n_out, width), np.float32)
    first = pre.astype(bool)
    idx[first, 0] = s1[first] - 1
    wt[first, 0] = (s1[first] - f1[first]) / cell[first]
    inside = (col >= pre[:, None]) & (col < (pre + whole)[:, None])
    idx[inside] = (s1[:, None] + col - pre[:, None])[inside]
    wt[inside] = np.broadcast_to(1.0 / cell[:, None], (n_out, width))[inside]
    rows = np.nonzero(post)[0]
    idx[rows, (pre + whole)[rows]] = s2[rows]
    wt[rows, (pre + whole)[rows]] = np.minimum(np.minimum(f2 - s2, 1.0), cell)[rows] / cell[rows]
    return idx, wt


def resize_area(img: np.ndarray, width: int, height: int) -> np.ndarray:
    """Downscale `img` (H, W) or (H, W, C), uint8, to width x height by area averaging (each output pixel is
    the mean of the input pixels its footprint covers, partly covered ones by their share), rounded.

    Whole-number factors are block means (`reduce_area`); other factors sum in single precision, row by row
    and in input order, as OpenCV's INTER_AREA does, so the results are the same to the bit.
    """
    h, w = img.shape[:2]
    if (w, h) == (width, height):
        return img.copy()
    kx, ky = w / width, h / height
    if kx == ky and kx.is_integer() and h == height * int(ky) and w == width * int(kx):
        return reduce_area(img, int(kx))
    src = img.astype(np.float32)
    if src.ndim == 2:
        src = src[:, :, None]
    xi, xw = _area_table(w, width)
    yi, yw = _area_table(h, height)
    rows = np.zeros((h, width, src.shape[2]), np.float32)
    for k in range(xi.shape[1]):
        rows += src[:, xi[:, k], :] * xw[None, :, k, None]
    out = yw[:, 0, None, None] * rows[yi[:, 0]]
    for k in range(1, yi.shape[1]):
        out += yw[:, k, None, None] * rows[yi[:, k]]
    res: np.ndarray = np.clip(np.rint(out), 0, 255).astype(img.dtype)
    return res if img.ndim == 3 else res[:, :, 0]


def reduce_area(arr: np.ndarray, k: int) -> np.ndarray:
    """Integer area reduction: every output pixel is the mean of a k x k block, rounded (halves up for k = 2,
    to even otherwise, as OpenCV's INTER_AREA). The ragged right and bottom edges (less than a whole block)
    are dropped."""
    if k == 1:
        return arr
    h, w = arr.shape[0] // k, arr.shape[1] // k
    blocks = arr[: h * k, : w * k].reshape(h, k, w, k, *arr.shape[2:])
    total = blocks.sum(axis=(1, 3), dtype=np.uint32)
    if k == 2:
        out: np.ndarray = ((total + 2) >> 2).astype(arr.dtype)
    else:
        out = np.rint(total / (k * k)).astype(arr.dtype)
    return out


def _fma32(a: np.ndarray | np.floating, b: np.ndarray | np.floating, c: np.ndarray | np.floating) -> np.ndarray:
    """a * b + c of float32 values with one rounding (the product is exact in float64)."""
    out: np.ndarray = (np.float64(a) * np.asarray(b, np.float64) + np.asarray(c, np.float64)).astype(np.float32)
    return out


_WARP_BLOCK = 16  # output pixels per step of OpenCV's vector loop (AVX2)
_PAD_MAX_AREA = 4  # warp_affine pads the reached source into a box when it is at most this x the output


def _box_area(ix: np.ndarray, iy: np.ndarray) -> int:
    return (int(ix.max()) - int(ix.min()) + 2) * (int(iy.max()) - int(iy.min()) + 2)


def warp_affine(
    src: np.ndarray,
    to_src: np.ndarray,
    size: tuple[int, int],
    border: Literal["constant", "replicate"] = "constant",
    window: tuple[int, int, int, int] | None = None,
) -> np.ndarray:
    """Bilinear affine resampling of `src` (H, W, C) uint8: output pixel (x, y) takes `src` at
    `to_src @ (x, y, 1)` (a 2x3 map from output to source pixels). Outside the source: black
    ("constant") or the nearest edge pixel ("replicate"). `size` = (width, height) of the whole output;
    `window` = (x0, y0, x1, y1) computes only that part of it (the same values as the whole).

    Coordinates and weights are single-precision as in OpenCV's warpAffine (>= 4.11): the result is that of
    `cv2.warpAffine(src, to_src, size, INTER_LINEAR | WARP_INVERSE_MAP, border)` without Intel IPP.
    """
    width, height = size
    x0, y0, x1, y1 = window if window is not None else (0, 0, width, height)
    m = to_src.astype(np.float32)
    xs = np.arange(x0, x1, dtype=np.float32)
    ys = np.arange(y0, y1, dtype=np.float32)
    row_x = (ys * m[0, 1] + m[0, 2]).astype(np.float32)  # per output row, then + m00 * x (fused)
    row_y = (ys * m[1, 1] + m[1, 2]).astype(np.float32)
    sx = _fma32(m[0, 0], xs[None, :], row_x[:, None])
    sy = _fma32(m[1, 0], xs[None, :], row_y[:, None])
    # OpenCV computes 16 output pixels at a time (fused multiply-add from the row's start) and the last
    # width % 16 columns of each row one by one, as fma(x, m00, y * m01) + m02.
    tail = xs >= (width // _WARP_BLOCK) * _WARP_BLOCK
    if tail.any():
        tx, ty = xs[tail][None, :], ys[:, None]
        sx[:, tail] = _fma32(m[0, 0], tx, ty * m[0, 1]) + m[0, 2]
        sy[:, tail] = _fma32(m[1, 0], tx, ty * m[1, 1]) + m[1, 2]
    ix, iy = np.floor(sx), np.floor(sy)
    h, w = src.shape[:2]
    flat = src.reshape(h * w, -1)
    # The weights repeated for every channel: the products below then run over whole rows, not 3 values
    # at a time (the same single-precision values; a third of a 256 x 256 warp's time).
    ax = np.repeat(sx - ix, flat.shape[1]).reshape(*sx.shape, flat.shape[1])  # float32
    ay = np.repeat(sy - iy, flat.shape[1]).reshape(*sy.shape, flat.shape[1])
    ix, iy = ix.astype(np.intp), iy.astype(np.intp)
    if ix.min() >= 0 and iy.min() >= 0 and ix.max() < w - 1 and iy.max() < h - 1:
        # Every 2x2 neighbourhood within the source: no clamping, no border; one gather.
        base = iy * w + ix
        p = np.take(flat, np.stack((base, base + 1, base + w, base + w + 1)), axis=0).astype(np.float32)
    elif _box_area(ix, iy) <= _PAD_MAX_AREA * ix.size:
        # Samples beyond the source: the source's part the samples reach, in a box as large as the
        # samples' reach filled beyond the source with black ("constant") or the nearest edge pixel
        # ("replicate"), gives one gather without clamping or masks (the same values; about half the
        # time of the branch below on a side photo's landmark region).
        xa, ya = int(ix.min()), int(iy.min())
        bh, bw = int(iy.max()) - ya + 2, int(ix.max()) - xa + 2
        if border == "constant":
            box = np.zeros((bh, bw, flat.shape[1]), src.dtype)
            ox0, oy0 = max(xa, 0), max(ya, 0)
            ox1, oy1 = min(xa + bw, w), min(ya + bh, h)
            if ox0 < ox1 and oy0 < oy1:
                box[oy0 - ya : oy1 - ya, ox0 - xa : ox1 - xa] = src[oy0:oy1, ox0:ox1].reshape(oy1 - oy0, ox1 - ox0, -1)
        else:
            box = src[np.clip(np.arange(ya, ya + bh), 0, h - 1)][:, np.clip(np.arange(xa, xa + bw), 0, w - 1)]
        base = (iy - ya) * bw + (ix - xa)
        p = np.take(box.reshape(-1, flat.shape[1]), np.stack((base, base + 1, base + bw, base + bw + 1)), axis=0)
        p = p.astype(np.float32)
    else:
        cols = (np.clip(ix, 0, w - 1), np.clip(ix + 1, 0, w - 1))
        rows = (np.clip(iy, 0, h - 1) * w, np.clip(iy + 1, 0, h - 1) * w)
        p = np.take(flat, np.stack([rows[dy] + cols[dx] for dy in (0, 1) for dx in (0, 1)]), axis=0)
        p = p.astype(np.float32)
        if border == "constant":  # samples outside the source are black
            in_x = ((ix >= 0) & (ix < w), (ix >= -1) & (ix < w - 1))
            in_y = ((iy >= 0) & (iy < h), (iy >= -1) & (iy < h - 1))
            for k, (dy, dx) in enumerate(((0, 0), (0, 1), (1, 0), (1, 1))):
                p[k][~(in_x[dx] & in_y[dy])] = 0.0
    # p00 + ax (p01 - p00), p10 + ax (p11 - p10), then top + ay (bottom - top): single precision, each product
    # and sum rounded (OpenCV's order), computed in place.
    top, bottom = p[1], p[3]
    top -= p[0]
    top *= ax
    top += p[0]
    bottom -= p[2]
    bottom *= ax
    bottom += p[2]
    bottom -= top
    bottom *= ay
    bottom += top
    out: np.ndarray = np.rint(bottom, out=bottom).astype(np.uint8)  # bilinear values stay within 0-255
    return out


def resize_linear(img: np.ndarray, k: int) -> np.ndarray:
    """Upscale a 2-D float32 image k times (k >= 1) by bilinear interpolation, pixel centres aligned
    (output pixel i samples input (i + 0.5) / k - 0.5, clamped to the image): along rows first, then
    columns, in single precision as OpenCV's INTER_LINEAR."""
    h, w = img.shape

    def axis(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        pos = ((np.arange(n * k) + 0.5) * (1.0 / k) - 0.5).astype(np.float32)
        i0 = np.floor(pos).astype(np.int64)
        frac = (pos - i0).astype(np.float32)
        frac[i0 < 0] = 0.0
        i0[i0 < 0] = 0
        last = i0 >= n - 1
        frac[last], i0[last] = 0.0, n - 1
        return i0, np.minimum(i0 + 1, n - 1), (np.float32(1) - frac).astype(np.float32), frac

    y0, y1, wy0, wy1 = axis(h)
    x0, x1, wx0, wx1 = axis(w)
    src = img.astype(np.float32)
    rows = src[:, x0] * wx0[None, :] + src[:, x1] * wx1[None, :]
    out: np.ndarray = rows[y0] * wy0[:, None] + rows[y1] * wy1[:, None]
    return out


def resize_nearest(img: np.ndarray, k: int) -> np.ndarray:
    """Upscale a 2-D image k times by repeating every pixel k x k times."""
    out: np.ndarray = np.repeat(np.repeat(img, k, axis=0), k, axis=1)
    return out


def _window3(mask: np.ndarray, edge: int, combine: Callable[..., np.ndarray]) -> np.ndarray:
    """`combine` (np.maximum or np.minimum) over each pixel's 3 x 3 window; outside the image reads `edge`."""
    p = np.pad(mask, 1, constant_values=edge)
    h, w = mask.shape
    out = np.full_like(mask, edge)
    for dy in range(3):
        for dx in range(3):
            combine(out, p[dy : dy + h, dx : dx + w], out=out)
    return out


def dilate3(mask: np.ndarray) -> np.ndarray:
    """3 x 3 dilation of a 2-D 0/1 uint8 mask (outside the image counts as 0)."""
    return _window3(mask, 0, np.maximum)


def erode3(mask: np.ndarray) -> np.ndarray:
    """3 x 3 erosion of a 2-D 0/1 uint8 mask (outside the image does not erode)."""
    return _window3(mask, 1, np.minimum)


def open3(mask: np.ndarray) -> np.ndarray:
    """3 x 3 morphological opening (erosion, then dilation) of a 0/1 uint8 mask."""
    return dilate3(erode3(mask))


class _Runs(NamedTuple):
    """Runs of set pixels, row by row: row, first column, end column (exclusive), component (0..n-1, numbered
    in raster order of each component's first pixel)."""

    row: np.ndarray
    start: np.ndarray
    end: np.ndarray
    component: np.ndarray
    n: int


def _runs(mask: np.ndarray) -> _Runs:
    """8-connected components of a 2-D mask, as runs joined where runs of neighbouring rows touch (diagonally
    included): a few thousand runs on the engine's masks, joined in whole-array steps, not one Python step per
    pixel or per run."""
    m = np.asarray(mask, dtype=bool)
    h, w = m.shape
    padded = np.zeros((h, w + 2), np.int8)
    padded[:, 1:-1] = m
    d = np.diff(padded, axis=1)
    sr, sc = np.nonzero(d == 1)  # run starts (row-major order)
    ec = np.nonzero(d == -1)[1]  # run ends (exclusive), same order
    n_runs = len(sr)
    if n_runs == 0:
        return _Runs(sr, sc, ec, np.zeros(0, np.int64), 0)
    # Run i of row r touches the runs of row r - 1 that overlap [start - 1, end + 1): a contiguous stretch of
    # them, found for every run at once by searching (row, column) keys (row-major, like the runs).
    stride = w + 2
    above = (sr - 1) * stride
    first = np.searchsorted(sr * stride + ec, above + sc - 1, side="right")  # first with end > start - 1
    last = np.searchsorted(sr * stride + sc, above + ec + 1, side="left")  # first with start >= end + 1
    count = np.maximum(last - first, 0)
    runs_i = np.repeat(np.arange(n_runs), count)
    runs_k = np.repeat(first - np.cumsum(count) + count, count) + np.arange(int(count.sum()))
    label = _components(n_runs, runs_i, runs_k)
    uniq, first_run = np.unique(label, return_index=True)
    number = np.empty(len(uniq), np.int64)
    number[np.argsort(first_run)] = np.arange(len(uniq))  # components in raster order of their first run
    return _Runs(sr, sc, ec, number[np.searchsorted(uniq, label)], len(uniq))


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of the graph on nodes 0..n-1 with edges (a[i], b[i]): each node's label is one
    node of its component. Each round hooks every edge's larger root under its smaller one, then points every
    node at its root; the roots with an edge to another halve (or better) every round."""
    label = np.arange(n)
    while True:
        la, lb = label[a], label[b]
        apart = la != lb
        if not apart.any():
            return label
        np.minimum.at(label, np.maximum(la[apart], lb[apart]), np.minimum(la[apart], lb[apart]))
        while True:
            up = label[label]
            if np.array_equal(up, label):
                break
            label = up


def _paint(shape: tuple[int, int], runs: _Runs, keep: np.ndarray, values: np.ndarray) -> np.ndarray:
    """int32 image of `shape` with the kept runs set to their `values` (one per run), 0 elsewhere."""
    out = np.zeros(shape, np.int32)
    rows, starts, ends = runs.row[keep].tolist(), runs.start[keep].tolist(), runs.end[keep].tolist()
    for r, a, b, v in zip(rows, starts, ends, values[keep].tolist(), strict=True):
        out[r, a:b] = v
    return out


def label_components(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """8-connected components of a 2-D mask: (int32 labels, 0 = background, 1..n; n). Labels are numbered in
    raster order of each component's first pixel."""
    runs = _runs(mask)
    keep = np.ones(len(runs.row), bool)
    return _paint(mask.shape, runs, keep, runs.component + 1), runs.n


def component_at(mask: np.ndarray, x: int, y: int) -> np.ndarray | None:
    """bool mask of the 8-connected component of `mask` holding pixel (x, y); None when that pixel is not set."""
    runs = _runs(mask)
    here = np.nonzero((runs.row == y) & (runs.start <= x) & (runs.end > x))[0]
    if len(here) == 0:
        return None
    keep = runs.component == runs.component[here[0]]
    return _paint(mask.shape, runs, keep, np.ones(len(keep), np.int32)).astype(bool)


# The 8 neighbours, counter-clockwise on screen from east: (row, column) offsets.
_NEIGHBOURS = ((0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1), (1, 0), (1, 1))


def _next_direction_table() -> list[int]:
    """For every 8-neighbourhood (bit d set when neighbour d is set) and every direction `back` to the previous
    border pixel: the first set neighbour counter-clockwise after `back` (step 3.3 of the border following),
    or 8 when there is none."""
    table = []
    for code in range(256):
        for back in range(8):
            d = next((d for d in ((back + k) & 7 for k in range(1, 9)) if code >> d & 1), 8)
            table.append(d)
    return table


_NEXT = _next_direction_table()


def _trace_box(box: np.ndarray, r0: int, c0: int) -> np.ndarray:
    """Outer border of the single component in `box` (uint8 0/1 with a background frame of at least one
    pixel), from its first pixel in raster order; (x, y) coordinates offset by (c0, r0)."""
    bh, bw = box.shape
    # Each pixel's 8-neighbourhood as a byte (bit d = neighbour d), so that one table look-up finds the next step.
    code = np.zeros((bh, bw), np.uint8)
    for d, (di, dj) in enumerate(_NEIGHBOURS):
        shifted = np.zeros_like(box)
        shifted[max(0, -di) : bh - max(0, di), max(0, -dj) : bw - max(0, dj)] = box[
            max(0, di) : bh + min(0, di), max(0, dj) : bw + min(0, dj)
        ]
        code |= shifted << d
    codes = (code * box).tobytes()  # indexing bytes gives ints, without a 10^6-element list
    start = int(np.argmax(box.ravel()))
    step = [di * bw + dj for di, dj in _NEIGHBOURS]
    # 3.1: clockwise from the west neighbour (background: the start is the first pixel) to the first set one.
    first = next((d for d in ((4 - k) % 8 for k in range(8)) if codes[start] >> d & 1), None)
    if first is None:
        return np.array([[start % bw + c0, start // bw + r0]], np.int64)
    second = start + step[first]
    out = []
    here, back = start, first
    table = _NEXT
    while True:
        d = table[codes[here] * 8 + back]
        nxt = here + step[d]
        out.append(here)
        if nxt == start and here == second:
            break
        back = (d + 4) & 7
        here = nxt
    flat = np.array(out, np.int64)
    return np.column_stack((flat % bw + c0, flat // bw + r0))


def trace_outer_border(component: np.ndarray) -> np.ndarray:
    """The outer border of one 8-connected component (2-D bool mask holding it alone), as (N, 2) pixel
    coordinates (x, y) in tracing order: border following (Suzuki and Abe, 1985) from the component's
    first pixel in raster order, every border pixel once per visit."""
    rows, cols = np.nonzero(component)
    if len(rows) == 0:
        return np.zeros((0, 2), np.int64)
    r0, c0 = int(rows.min()), int(cols.min())
    box = np.zeros((int(rows.max()) - r0 + 3, int(cols.max()) - c0 + 3), np.uint8)
    box[rows - r0 + 1, cols - c0 + 1] = 1
    return _trace_box(box, r0 - 1, c0 - 1)


def polygon_area(points: np.ndarray) -> float:
    """Area enclosed by a closed polygon (N, 2) (shoelace formula, unsigned)."""
    x, y = points[:, 0].astype(np.float64), points[:, 1].astype(np.float64)
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2.0)


def largest_outer_border(mask: np.ndarray) -> np.ndarray | None:
    """The outer border (as `trace_outer_border`) of the component of `mask` whose border encloses the largest
    area (OpenCV's findContours(RETR_EXTERNAL) then the largest contourArea); None on an empty mask."""
    runs = _runs(mask)
    if runs.n == 0:
        return None
    comp = runs.component
    counts = np.bincount(comp, weights=runs.end - runs.start, minlength=runs.n)
    top = np.full(runs.n, np.iinfo(np.int64).max)
    bottom = np.full(runs.n, -1)
    left = np.full(runs.n, np.iinfo(np.int64).max)
    right = np.full(runs.n, -1)
    np.minimum.at(top, comp, runs.row)
    np.maximum.at(bottom, comp, runs.row)
    np.minimum.at(left, comp, runs.start)
    np.maximum.at(right, comp, runs.end - 1)
    best, best_area = None, -1.0
    for c in np.argsort(-counts, kind="stable").tolist():
        # A border cannot enclose more than its box: components are taken largest first, and one whose box is
        # no larger than the best area found cannot win.
        if best is not None and float((bottom[c] - top[c]) * (right[c] - left[c])) <= best_area:
            continue
        keep = comp == c
        box = np.zeros((bottom[c] - top[c] + 3, right[c] - left[c] + 3), np.uint8)
        rows, starts, ends = runs.row[keep].tolist(), runs.start[keep].tolist(), runs.end[keep].tolist()
        for r, a, b in zip(rows, starts, ends, strict=True):
            box[r - top[c] + 1, a - left[c] + 1 : b - left[c] + 1] = 1
        border = _trace_box(box, int(top[c]) - 1, int(left[c]) - 1)
        area = polygon_area(border)
        if area > best_area:
            best, best_area = border, area
    return best


def convex_hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (Andrew's monotone chain) of (N, 2) points, as (M, 2), counter-clockwise on screen."""
    pts = np.unique(np.asarray(points, dtype=np.int64), axis=0)
    if len(pts) < 3:
        return pts

    def half(seq: np.ndarray) -> list[tuple[int, int]]:
        chain: list[tuple[int, int]] = []
        for x, y in seq.tolist():
            while len(chain) >= 2:
                (ax, ay), (bx, by) = chain[-2], chain[-1]
                if (bx - ax) * (y - ay) - (by - ay) * (x - ax) > 0:
                    break
                chain.pop()
            chain.append((x, y))
        return chain

    lower, upper = half(pts), half(pts[::-1])
    return np.array(lower[:-1] + upper[:-1], np.int64)


def fill_convex(shape: tuple[int, int], hull: np.ndarray) -> np.ndarray:
    """bool mask of `shape` with the pixels inside or on the convex polygon `hull` (x, y integer vertices)."""
    h, w = shape
    inside = np.zeros(shape, bool)
    if len(hull) == 0:
        return inside
    x0, y0 = np.clip(hull.min(axis=0), 0, [w, h])
    x1, y1 = np.clip(hull.max(axis=0) + 1, 0, [w, h])
    if x1 <= x0 or y1 <= y0:
        return inside
    n = len(hull)
    if n < 3:  # a point or a segment: its pixels only
        box = np.zeros((y1 - y0, x1 - x0), bool)
        for x, y in hull.tolist():
            if x0 <= x < x1 and y0 <= y < y1:
                box[y - y0, x - x0] = True
    else:
        # Each edge (a -> b) keeps the pixels with sign * ((bx - ax)(y - ay) - (by - ay)(x - ax)) >= 0: per row
        # a bound on x (or the whole row in or out for a level edge), in exact integer arithmetic; the pixels
        # are then one span per row.
        area2 = sum(int(hull[k][0] * hull[(k + 1) % n][1] - hull[(k + 1) % n][0] * hull[k][1]) for k in range(n))
        sign = 1 if area2 > 0 else -1
        ys = np.arange(y0, y1, dtype=np.int64)
        lo = np.full(len(ys), x0, np.int64)
        hi = np.full(len(ys), x1 - 1, np.int64)
        for k in range(n):
            (ax, ay), (bx, by) = hull[k].tolist(), hull[(k + 1) % n].tolist()
            num = sign * (bx - ax) * (ys - ay)  # condition: sign * (by - ay) * (x - ax) <= num
            den = sign * (by - ay)
            if den > 0:
                hi = np.minimum(hi, ax + np.floor_divide(num, den))
            elif den < 0:
                lo = np.maximum(lo, ax - np.floor_divide(num, -den))
            else:
                hi = np.where(num >= 0, hi, x0 - 1)
        xs = np.arange(x0, x1, dtype=np.int64)
        box = (xs[None, :] >= lo[:, None]) & (xs[None, :] <= hi[:, None])
    inside[y0:y1, x0:x1] = box
    return inside
