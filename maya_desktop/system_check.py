"""Does this Linux PC have the system libraries Qt's X11 (xcb) display plugin loads?

Without them Qt aborts (exit 134) with a misleading hint about `xcb-cursor0` only. This check runs before the
window opens (and at the end of scripts/setup.sh) and names the exact Debian/Ubuntu packages to install.
The list was read off `ldd` on PySide6's `plugins/platforms/libqxcb.so` and `libQt6XcbQpa.so.6` on Debian 12
(libraries every desktop already has, such as libc or libglib, are left out). Other systems: nothing to check.

Run `python -m maya_desktop.system_check` for the report (exit 1 when something is missing).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

# shared library (soname) -> the Debian/Ubuntu package that provides it
XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_packages(libraries: Mapping[str, str] = XCB_LIBRARIES) -> list[str]:
    """The packages whose library cannot be loaded here (Linux only; elsewhere always empty)."""
    if not sys.platform.startswith("linux"):
        return []
    bundled = Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "frozen", False) else None
    missing: list[str] = []
    for soname, package in libraries.items():
        # A bundle may carry its own copy (PyInstaller collects the build machine's): Qt loads that one.
        candidate = bundled / soname if bundled is not None and (bundled / soname).is_file() else soname
        try:
            ctypes.CDLL(str(candidate))
        except OSError:
            if package not in missing:
                missing.append(package)
    return missing


def uses_xcb(environ: Mapping[str, str] = os.environ) -> bool:
    """Will Qt try the X11 plugin? (Not for offscreen/wayland, nor without any display at all.)"""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def install_hint(packages: list[str]) -> tuple[str, str]:
    """(English, Persian) lines naming the exact install command."""
    command = "sudo apt-get install " + " ".join(packages)
    return (
        f"Qt's X11 display support needs system packages that are missing: {command}",
        f"برای نمایش برنامه روی X11 این بسته‌های سیستم لازم است: {command}",
    )


def display_problem(environ: Mapping[str, str] = os.environ) -> tuple[str, str] | None:
    """What to tell the person before Qt would abort, or None when the window can open."""
    if not sys.platform.startswith("linux") or not uses_xcb(environ):
        return None
    packages = missing_packages()
    return install_hint(packages) if packages else None


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("system check: nothing to check on this system (Linux only).")
        return 0
    packages = missing_packages()
    if not packages:
        print("system check: the Qt X11 (xcb) libraries are installed.")
        return 0
    en, fa = install_hint(packages)
    print(f"warning: {en}\nهشدار: {fa}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
