"""Sign-in is one core operation: the growing delay lives in the data folder, so the CLI is throttled too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from maya_desktop.core import audit
from maya_desktop.core.errors import AuthError
from maya_desktop.core.paths import DataDir
from maya_desktop.core.signin import THROTTLE_FILE, FolderThrottle, SignInRequest, sign_in
from tests.conftest import PASSWORD
from tests.foundation.test_cli_scripted import run_cli


def test_a_wrong_password_in_one_process_slows_the_next_process(demo, data_dir: Path) -> None:
    demo.vault.close()
    with pytest.raises(AuthError, match="Wrong username or password"):
        sign_in(SignInRequest(data_dir, "reception", "Not-The-Password-1"))
    throttle = FolderThrottle(DataDir.at(data_dir))
    assert throttle.delay_of("reception") > 0
    for _ in range(5):  # more guesses (as sign_in records them): a delay long enough to outlast a process start
        throttle.failed("reception")
    # a second process (the CLI), with the right password, is refused while the delay runs
    proc = run_cli("audit", "verify", "--data-dir", str(data_dir), "--username", "reception", "--password", PASSWORD)
    assert proc.returncode == 2 and "Too many wrong attempts" in proc.stderr and "Traceback" not in proc.stderr
    assert throttle.delay_of("admin") == 0  # per username


def test_the_throttle_file_holds_no_username_and_failures_reach_the_audit_log(demo, data_dir: Path) -> None:
    demo.vault.close()
    throttle = FolderThrottle(DataDir.at(data_dir))
    throttle.failed("reception", now=1000.0)  # long ago: no delay now
    throttle.failed("nobody-here", now=1001.0)
    text = (data_dir / THROTTLE_FILE).read_text()
    assert "reception" not in text and "nobody" not in text
    assert sorted(json.loads(text)) == ["failures", "not_before", "salt", "unreported"]
    session = sign_in(SignInRequest(data_dir, "reception", PASSWORD))
    try:
        failed = [e for e in audit.entries(session.conn) if e.action == "login.failed"]
        assert sorted(e.object_ref for e in failed) == ["staff:?", "staff:reception"]
    finally:
        session.vault.close()
    assert json.loads((data_dir / THROTTLE_FILE).read_text())["unreported"] == []  # written once, not again


def test_a_damaged_throttle_file_locks_nobody_out(demo, data_dir: Path) -> None:
    demo.vault.close()
    (data_dir / THROTTLE_FILE).write_text("{not json")
    sign_in(SignInRequest(data_dir, "admin", PASSWORD)).vault.close()
