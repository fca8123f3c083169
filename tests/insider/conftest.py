"""Fixtures of the insider suite: attacks by someone who holds a password (or only the files) (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.robust_helpers import small_jpeg


@pytest.fixture(scope="session")
def small_faces(faces: Path) -> list[bytes]:
    """Real photos, scaled down so that importing them is cheap."""
    return [small_jpeg(faces / name) for name in ("obama.jpg", "profile_left_cameraman.jpg")]
