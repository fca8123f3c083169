"""A person's own account: password change re-wraps their slot; TOTP becomes required at login."""

from __future__ import annotations

import pyotp
import pytest

from maya_desktop.core.errors import AuthError, TotpRequired, ValidationError
from maya_desktop.core.staff import change_own_password, enable_totp
from maya_desktop.core.vault import Vault
from tests.conftest import PASSWORD


def test_change_own_password(demo, data_dir, login):
    doctor = login("doctor")
    with pytest.raises(AuthError):
        change_own_password(doctor, "not-my-password", "Another-Secret-99")
    with pytest.raises(ValidationError):
        change_own_password(doctor, PASSWORD, "short")
    change_own_password(doctor, PASSWORD, "Another-Secret-99")
    with pytest.raises(AuthError):
        Vault.open(data_dir, "doctor", PASSWORD)
    assert login("doctor", "Another-Secret-99").actor == "doctor"


def test_totp_is_required_once_enabled(demo, data_dir, login):
    uri = enable_totp(login("reception"))
    secret = pyotp.parse_uri(uri).secret
    with pytest.raises(TotpRequired):
        Vault.open(data_dir, "reception", PASSWORD)
    with pytest.raises(AuthError):
        Vault.open(data_dir, "reception", PASSWORD, "000000" if pyotp.TOTP(secret).now() != "000000" else "111111")
    session = Vault.open(data_dir, "reception", PASSWORD, pyotp.TOTP(secret).now())
    assert session.staff.totp_enabled
    session.vault.close()


def test_account_dialog_changes_password(qtbot, demo, data_dir):
    from maya_desktop.gui.account_dialog import AccountDialog

    dialog = AccountDialog(demo)
    qtbot.addWidget(dialog)
    dialog.old.setText(PASSWORD)
    dialog.new.setText("Fresh-Password-2026")
    dialog.repeat.setText("Fresh-Password-2026")
    dialog.change_password()
    assert dialog.old.text() == ""  # cleared at once, while the key is derived on the database thread
    qtbot.waitUntil(lambda: "عوض" in dialog.message.text(), timeout=10_000)
    demo.vault.check_password("admin", "Fresh-Password-2026")
