"""Clinic settings: validated ranges, manager only, audited; the GUI page saves them and re-arms auto-lock."""

from __future__ import annotations

import pytest

from maya_desktop.core import audit
from maya_desktop.core.clinic_settings import read_settings, update_settings
from maya_desktop.core.errors import PermissionDenied, ValidationError


def test_defaults_and_validated_update(demo):
    assert read_settings(demo)["auto_lock_minutes"] == 5
    assert read_settings(demo)["retention_days_after_delivery"] == 7
    update_settings(demo, auto_lock_minutes=10, retention_days_after_delivery=0)
    assert read_settings(demo)["auto_lock_minutes"] == 10
    for bad in (
        {"auto_lock_minutes": 0},
        {"retention_days_after_delivery": 365},
        {"quote_expiry_days": "7"},
        {"unknown": 1},
    ):
        with pytest.raises(ValidationError):
            update_settings(demo, **bad)
    assert any(e.action == "settings.changed" for e in audit.entries(demo.conn))


def test_only_managers_change_settings(demo, login):
    with pytest.raises(PermissionDenied):
        update_settings(login("reception"), auto_lock_minutes=30)


def test_settings_page_saves(qtbot, demo):
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show_page("settings")
    page = window.page_by_key["settings"]
    qtbot.waitUntil(lambda: page.current is not None, timeout=10_000)  # read on the database thread
    page.spins["auto_lock_minutes"].setValue(12)
    page.checks["doctor_sees_contact"].setChecked(True)
    page.save()
    qtbot.waitUntil(lambda: page.saved.text() != "", timeout=10_000)
    assert read_settings(demo)["auto_lock_minutes"] == 12 and read_settings(demo)["doctor_sees_contact"]
    assert window.idle.timer.interval() == 12 * 60_000


def test_settings_page_configures_the_daily_backup_and_the_timer_makes_it(qtbot, demo, tmp_path):
    from maya_desktop.core.periodic import periodic_housekeeping
    from maya_desktop.core.settings import get_setting
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(demo)
    qtbot.addWidget(window)
    page = window.page_by_key["settings"]
    page.confirm_shorter = lambda consequence: True  # 3 days < 7: the shorter retention is confirmed
    qtbot.waitUntil(lambda: page.current is not None, timeout=10_000)
    page.backup_folder.setText(str(demo.vault.data_dir.blobs / "inside"))
    page.save_backup()
    qtbot.waitUntil(lambda: page.backup_error.text() != "", timeout=10_000)  # refused in place
    page.backup_folder.setText(str(tmp_path / "daily"))
    page.backup_retention.setValue(3)
    page.save_backup()
    qtbot.waitUntil(lambda: page.backup_saved.text() != "", timeout=10_000)
    assert page.backup_error.text() == ""
    assert get_setting(demo.conn, "backup.retention_days") == 3
    periodic_housekeeping(demo)
    made = list((tmp_path / "daily").iterdir())
    assert len(made) == 1 and made[0].stat().st_size > 0
