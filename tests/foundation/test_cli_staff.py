"""`maya-desktop staff ...` runs the staff page's operations (core/operations/staff.py) from the command line:
the same permission checks, refusals audited, key slots and key rotation as the GUI (a real SQLCipher clinic)."""

from __future__ import annotations

from pathlib import Path

import pytest

from maya_desktop import cli
from maya_desktop.core import audit
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.errors import AuthError
from maya_desktop.core.signin import SignInRequest, sign_in
from tests.conftest import PASSWORD

NEW = "Cli-Made-Password-31"


@pytest.fixture
def clinic_dir(demo, data_dir: Path) -> Path:
    demo.vault.close()
    return data_dir


def _staff(data_dir: Path, *args: str, username: str = "admin") -> list[str]:
    return ["staff", *args, "--data-dir", str(data_dir), "--username", username, "--password", PASSWORD]


def test_staff_add_list_reset_and_deactivate(clinic_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    secret = tmp_path / "new-password"
    secret.write_text(NEW + "\n", encoding="utf-8")
    assert cli.main(_staff(clinic_dir, "add", "nima", "--name", "نیما پذیرش", "--role", "receptionist",
                           "--new-password-file", str(secret))) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "created nima (receptionist)" in out and NEW not in out
    assert cli.main(_staff(clinic_dir, "list")) == 0
    listed = capsys.readouterr().out.splitlines()
    assert any(line.startswith("nima\treceptionist\tactive") for line in listed) and len(listed) == 4
    sign_in(SignInRequest(clinic_dir, "nima", NEW)).vault.close()

    monkeypatch.setenv("MAYA_NEW_PASSWORD", "Another-Cli-Pass-52")
    assert cli.main(_staff(clinic_dir, "reset-password", "nima")) == 0
    sign_in(SignInRequest(clinic_dir, "nima", "Another-Cli-Pass-52")).vault.close()

    assert cli.main(_staff(clinic_dir, "deactivate", "nima")) == 2  # nothing without --yes
    assert cli.main(_staff(clinic_dir, "deactivate", "nima", "--yes")) == 0
    with pytest.raises(AuthError):
        sign_in(SignInRequest(clinic_dir, "nima", "Another-Cli-Pass-52"))
    session = sign_in(SignInRequest(clinic_dir, "admin", PASSWORD))
    try:
        actions = [e.action for e in audit.search(session.conn, AuditQuery(), limit=50)]
        assert {"staff.created", "staff.password_reset", "staff.deactivated"} <= set(actions)
    finally:
        session.vault.close()


def test_a_receptionist_is_refused_and_the_attempt_audited(clinic_dir: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MAYA_NEW_PASSWORD", NEW)
    code = cli.main(_staff(clinic_dir, "add", "eve", "--name", "Eve", "--role", "manager", username="reception"))
    assert code == 2
    err = capsys.readouterr().err
    assert "may not do this" in err and "staff.manage" not in err
    session = sign_in(SignInRequest(clinic_dir, "admin", PASSWORD))
    try:
        denied = audit.search(session.conn, AuditQuery(actions=("permission.denied",)), limit=5)
        assert any(e.actor == "reception" and (e.details or {}).get("permission") == "staff.manage" for e in denied)
        assert session.conn.execute("SELECT count(*) FROM staff WHERE username = 'eve'").fetchone()[0] == 0
    finally:
        session.vault.close()
