"""Locate the repo-level `ui/` and `resources/` folders, in a checkout and inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[1]


def ui_file(name: str) -> Path:
    return project_root() / "ui" / name


def resource(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)
