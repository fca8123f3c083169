"""Fixtures of the robustness suite: a demo clinic with a session per role, small real photos."""

from __future__ import annotations

from pathlib import Path

import pytest
from robust_helpers import small_jpeg


@pytest.fixture(scope="session")
def small_faces(faces: Path) -> list[bytes]:
    """Real photos, scaled down to 384 px so that decoding them is cheap."""
    names = ("obama.jpg", "profile_left_cameraman.jpg", "biden.jpg", "astronaut.png")
    return [small_jpeg(faces / name) for name in names]
