"""TOTP (issue 12, item 5): a code works once; a watched or replayed code is refused."""

from __future__ import annotations

import time
from pathlib import Path

import pyotp
import pytest
from insider_helpers import PASSWORD

from maya_desktop.core.errors import AuthError
from maya_desktop.core.staff import enable_totp
from maya_desktop.core.vault import Vault


def test_a_replayed_code_is_refused(demo, data_dir: Path, login) -> None:
    totp = pyotp.parse_uri(enable_totp(login("reception")))
    code = totp.now()
    first = Vault.open(data_dir, "reception", PASSWORD, code)
    first.vault.close()
    with pytest.raises(AuthError) as replay:
        Vault.open(data_dir, "reception", PASSWORD, code)
    assert "already used" in replay.value.message_en and replay.value.message_fa != replay.value.message_en
    previous = totp.at(time.time(), counter_offset=-1)  # the window before: older than the code accepted
    with pytest.raises(AuthError):
        Vault.open(data_dir, "reception", PASSWORD, previous)
