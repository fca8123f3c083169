"""maya_desktop.core.portable: the POSIX/Windows differences in one place, with their fallbacks.

Runs here (Linux); the Windows branches are exercised by simulating `os.name == "nt"` where that is safe, and
a source check keeps every raw os.open() of core going through these helpers (binary mode on Windows).
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest

from maya_desktop.core import portable
from tests.conftest import REPO

BYTES = bytes(range(256)) + b"\n\r\n\x1a\x00"  # newlines and ^Z: what Windows text mode would rewrite


def test_new_private_file_keeps_every_byte_and_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "key.bin"
    fd = portable.create_private_file(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(BYTES)
    assert path.read_bytes() == BYTES
    with pytest.raises(FileExistsError):
        portable.create_private_file(path)
    assert path.read_bytes() == BYTES  # the refused second open changed nothing


def test_replace_truncates(tmp_path: Path) -> None:
    path = tmp_path / "slots.json"
    path.write_bytes(b"x" * 1000)
    fd = portable.create_private_file(path, replace=True)
    os.write(fd, b"{}\n")
    os.close(fd)
    assert path.read_bytes() == b"{}\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_owner_only_on_posix(tmp_path: Path) -> None:
    old = os.umask(0)  # even with a permissive umask
    try:
        os.close(portable.create_private_file(tmp_path / "f"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "f").stat().st_mode) == 0o600


def test_binary_flag_matches_the_platform() -> None:
    assert portable.O_BINARY == (os.O_BINARY if sys.platform == "win32" else 0)  # type: ignore[attr-defined]


def test_fsync_dir_on_posix_and_skipped_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.name == "posix":
        portable.fsync_dir(tmp_path)  # a real folder: opened, fsynced, closed
        with pytest.raises(FileNotFoundError):
            portable.fsync_dir(tmp_path / "missing")
    monkeypatch.setattr(portable.os, "name", "nt")
    portable.fsync_dir(tmp_path / "missing")  # Windows: no folder handle is opened at all


def test_core_opens_new_files_only_through_portable() -> None:
    """A raw os.open() for writing in core would miss O_BINARY on Windows (silent CRLF corruption)."""
    offenders = []
    for path in (REPO / "maya_desktop").rglob("*.py"):
        if path.name == "portable.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\bos\.open\(", line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert offenders == []
