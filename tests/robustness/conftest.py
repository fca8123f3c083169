"""Fixtures of the robustness suite: a demo clinic with a session per role, small real photos."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from robust_helpers import small_jpeg

from maya_desktop.core.session import Session


@dataclass
class Clinic:
    admin: Session
    reception: Session
    doctor: Session
    root: Path


@pytest.fixture
def clinic(demo, login, data_dir: Path) -> Clinic:
    from maya_desktop.core.staff import accept_agreement

    sessions = Clinic(demo, login("reception"), login("doctor"), data_dir)
    for session in (sessions.reception, sessions.doctor):
        accept_agreement(session)
    return sessions


@pytest.fixture(scope="session")
def small_faces(faces: Path) -> list[bytes]:
    """Real photos, scaled down to 384 px so that decoding them is cheap."""
    names = ("obama.jpg", "profile_left_masked.jpg", "biden.jpg", "frontal_woman.jpg")
    return [small_jpeg(faces / name) for name in names]


@pytest.fixture
def systmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated, empty system temp dir (TMPDIR is what SQLite, Qt and Python use)."""
    folder = tmp_path / "systmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
