"""`maya-desktop analyze IMAGE... [--view V] [--json] [--overlay OUT.png]`.

Exit codes: 0 every image analysed, 2 at least one refused (reason printed), 1 internal error.
With --overlay and several images, OUT.png becomes OUT-1.png, OUT-2.png, ... in argument order.
Needs no data folder; prints no personal data (only the file name given on the command line).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from maya_desktop.commands.common import EXIT_INTERNAL, EXIT_OK, EXIT_REFUSED


def register(subparsers: Any) -> None:
    from maya_desktop.core.analysis.pose import VIEWS

    p = subparsers.add_parser("analyze", help="facial analysis of photos (landmarks, view, quality, measurements)")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="photo files (JPEG, PNG, HEIC...)")
    p.add_argument("--view", choices=VIEWS, help="the view the photo is supposed to show")
    p.add_argument("--sex", choices=("female", "male"), help="use sex-specific normal ranges")
    p.add_argument("--json", action="store_true", help="print JSON (one object per image, in a list)")
    p.add_argument(
        "--overlay", metavar="OUT.png", help="write the annotated preview here (at most 2 MP, e.g. 1000x1333 for 12 MP)"
    )
    p.set_defaults(func=run)


def _overlay_path(base: str, index: int, count: int) -> Path:
    path = Path(base)
    return path if count == 1 else path.with_name(f"{path.stem}-{index}{path.suffix or '.png'}")


UNIT_TEXT = {"pct": "%", "deg": "deg", "mm": "mm", "ratio": ""}


def _table(name: str, result: Any) -> str:
    """The human-readable report: measurement labels, not internal keys. Refusals are not repeated here:
    they were printed once, on stderr, as `refused: FILE: reason`."""
    lines = [f"{name}: view={result.view or '-'}"]
    if result.pose is not None:
        p = result.pose
        lines[0] += f" yaw={p.yaw:+.0f} pitch={p.pitch:+.0f} roll={p.roll:+.0f}"
    if result.scale_mm_per_px:
        lines.append(f"  scale: {result.scale_mm_per_px:.4f} mm/px (+/- {result.scale_uncertainty_pct}%)")
    for f in result.findings:
        if f.severity != "error":
            lines.append(f"  [{f.severity}] {f.message_en}")
    width = max([len(m.label_en or m.key) for m in result.measurements] + [11])
    if result.measurements:
        lines.append(f"  {'measurement':{width}s} {'value':>9s} {'unit':5s} {'normal':>15s}  status")
    for m in result.measurements:
        value = "-" if m.value is None else f"{m.value:9.2f}"
        rng = "" if m.normal_range is None else f"{m.normal_range[0]:g}..{m.normal_range[1]:g}"
        extra = f" ({m.reason})" if m.reason else ""
        label = m.label_en or m.key
        status = m.status.replace("_", " ")  # "not measurable", not the JSON's key
        lines.append(f"  {label:{width}s} {value:>9s} {UNIT_TEXT.get(m.unit, m.unit):5s} {rng:>15s}  {status}{extra}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        from maya_desktop.core.analysis import analyze_image, analyze_with_overlay
        from maya_desktop.core.analysis.loader import ModelFileError
    except ImportError as exc:  # pragma: no cover - broken installation
        print(f"error: analysis engine unavailable: {exc} | خطا: موتور تحلیل در دسترس نیست.", file=sys.stderr)
        return EXIT_INTERNAL
    code = EXIT_OK
    outputs: list[dict[str, Any]] = []
    for i, name in enumerate(args.images, start=1):
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            print(f"error: cannot read {name}: {exc.strerror} | خطا: پروندهٔ {name} خوانده نشد.", file=sys.stderr)
            code = max(code, EXIT_REFUSED)
            continue
        try:
            if args.overlay:
                result, overlay = analyze_with_overlay(data, declared_view=args.view, sex=args.sex)
                if overlay is not None:
                    overlay.save(_overlay_path(args.overlay, i, len(args.images)))
            else:
                result = analyze_image(data, declared_view=args.view, sex=args.sex)
        except ModelFileError as exc:  # a missing or altered model file: no photo can be analysed
            print(f"error: {exc.message_en} | خطا: {exc.message_fa}", file=sys.stderr)
            return EXIT_INTERNAL
        except Exception as exc:  # report, keep going, exit 1
            print(
                f"error: internal error analysing {name}: {type(exc).__name__}: {exc}"
                f" | خطای داخلی در تحلیل {name}: {type(exc).__name__}",
                file=sys.stderr,
            )
            code = EXIT_INTERNAL
            continue
        if result.refused:
            code = EXIT_INTERNAL if code == EXIT_INTERNAL else EXIT_REFUSED
            reasons = "; ".join(f.message_en for f in result.refusal_reasons)
            reasons_fa = "؛ ".join(f.message_fa for f in result.refusal_reasons)
            print(f"refused: {name}: {reasons} | رد شد: {reasons_fa}", file=sys.stderr)
        if args.json:
            outputs.append({"file": name, **result.to_dict()})
        else:
            print(_table(name, result))
    if args.json:
        print(json.dumps(outputs, ensure_ascii=False, indent=2))
    return code
