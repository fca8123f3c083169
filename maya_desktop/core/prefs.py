"""Workstation preferences needed before login (language only). Not secret, holds no personal data."""

from __future__ import annotations

import json
from pathlib import Path

from maya_desktop.core.paths import DataDir

LANGUAGES = ("fa", "en")


def _path(data_dir: DataDir) -> Path:
    return data_dir.root / "prefs.json"


def load_language(data_dir: DataDir) -> str:
    try:
        lang = json.loads(_path(data_dir).read_text(encoding="utf-8")).get("language", "fa")
    except (OSError, ValueError, AttributeError):
        return "fa"
    return lang if lang in LANGUAGES else "fa"


def save_language(data_dir: DataDir, lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    data_dir.root.mkdir(parents=True, exist_ok=True)
    _path(data_dir).write_text(json.dumps({"language": lang}), encoding="utf-8")
