"""The command line run by a scheduler: no terminal, no password typed, TOTP accounts.

Every command that opens a data folder, run with stdin from /dev/null and no password given, exits 2 with
one clear line (English | Persian) and no traceback. The password can come from a file or $MAYA_PASSWORD,
the 6-digit code from --totp or $MAYA_TOTP. Real processes, real data folders.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pyotp
import pytest

from maya_desktop.cli import main
from maya_desktop.core.paths import DataDir
from maya_desktop.core.signin import FolderThrottle
from tests.conftest import PASSWORD, REPO

SECRETS = ("MAYA_PASSWORD", "MAYA_TOTP", "MAYA_RECOVERY_CODE")


def run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    env.update(PYTHONPATH=str(REPO), **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "maya_desktop", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def commands_needing_a_password(data_dir: Path, tmp_path: Path) -> dict[str, list[str]]:
    d = ["--data-dir", str(data_dir)]
    token = tmp_path / "token"
    token.write_text("a-clinic-token-0123456789\n")
    return {
        "audit verify": ["audit", "verify", *d],
        "purge": ["purge", *d],
        "sync --once": ["sync", *d, "--once"],
        "sync status": ["sync", "status", *d],
        "sync configure": ["sync", "configure", *d, "--endpoint", "https://hq.example.org", "--token-file", str(token)],
        "backup": ["backup", *d, "--out", str(tmp_path / "b.mayabak")],
        "restore (code)": ["restore", "--in", str(tmp_path / "b.mayabak"), "--data-dir", str(tmp_path / "r1")],
        "restore (manager)": [
            "restore",
            "--in",
            str(tmp_path / "b.mayabak"),
            "--data-dir",
            str(tmp_path / "r2"),
            "--username",
            "admin",
        ],
        "self-check": ["self-check", *d],
        "demo": ["demo", "--data-dir", str(tmp_path / "new-demo"), "--clients", "1"],
    }


def assert_one_clear_line(proc: subprocess.CompletedProcess[str], *needles: str) -> str:
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert len(lines) == 1, lines
    assert "Traceback" not in proc.stderr and "EOFError" not in proc.stderr
    line = lines[0]
    assert line.startswith("error: ") and " | خطا: " in line, line
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def test_every_command_without_a_terminal_or_password_exits_2_with_one_line(demo, data_dir, tmp_path) -> None:
    demo.vault.close()
    for name, args in commands_needing_a_password(data_dir, tmp_path).items():
        proc = run_cli(*args)
        needle = "recovery code" if name == "restore (code)" else "--password-file"
        assert_one_clear_line(proc, needle)
        assert proc.stdout == "", (name, proc.stdout)
    assert not (tmp_path / "b.mayabak").exists() and not (tmp_path / "new-demo").exists()


def test_password_file_and_environment(demo, data_dir, tmp_path) -> None:
    demo.vault.close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n")  # a trailing newline, as editors and `echo` leave it
    assert run_cli("audit", "verify", "--data-dir", str(data_dir), "--password-file", str(pw)).returncode == 0
    env = {"MAYA_PASSWORD": PASSWORD}
    assert run_cli("audit", "verify", "--data-dir", str(data_dir), env_extra=env).returncode == 0
    missing = run_cli("audit", "verify", "--data-dir", str(data_dir), "--password-file", str(tmp_path / "none"))
    assert_one_clear_line(missing, "Cannot read the password file")
    empty = tmp_path / "empty"
    empty.write_text("")
    assert_one_clear_line(run_cli("purge", "--data-dir", str(data_dir), "--password-file", str(empty)), "is empty")
    wrong = run_cli("audit", "verify", "--data-dir", str(data_dir), env_extra={"MAYA_PASSWORD": "Not-It-42!"})
    assert_one_clear_line(wrong)


def test_totp_account_uses_the_cli_with_its_code(demo, data_dir, capsys) -> None:
    from maya_desktop.core.staff import enable_totp

    secret = pyotp.parse_uri(enable_totp(demo)).secret
    demo.vault.close()
    base = ["audit", "verify", "--data-dir", str(data_dir), "--password", PASSWORD]
    assert_one_clear_line(run_cli(*base), "--totp")
    assert_one_clear_line(run_cli(*base, "--totp", "000000" if pyotp.TOTP(secret).now() != "000000" else "111111"))
    # a wrong code is a failed sign-in: the next attempt waits out the growing delay (core.signin)
    throttle = FolderThrottle(DataDir.at(data_dir))
    assert throttle.delay_of("admin") > 0
    deadline = time.monotonic() + 10
    while throttle.delay_of("admin") > 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert main([*base, "--totp", pyotp.TOTP(secret).now()]) == 0
    assert "chain intact" in capsys.readouterr().out
    # $MAYA_TOTP is read too; the code just used is refused there (a code is single-use: issue 12).
    assert_one_clear_line(run_cli(*base, env_extra={"MAYA_TOTP": pyotp.TOTP(secret).now()}), "already used")


@pytest.mark.parametrize("denied", ["audit", "settings"])
def test_refusals_name_no_internal_permission(demo, login, data_dir, tmp_path, denied, capsys) -> None:
    """A receptionist is refused in plain words, without `(audit.read)` / `(settings.manage)`."""
    demo.vault.close()
    token = tmp_path / "token"
    token.write_text("a-clinic-token-0123456789\n")
    if denied == "audit":
        args = ["audit", "verify", "--data-dir", str(data_dir), "--username", "reception", "--password", PASSWORD]
    else:
        args = [
            "sync",
            "configure",
            "--data-dir",
            str(data_dir),
            "--username",
            "reception",
            "--password",
            PASSWORD,
            "--endpoint",
            "https://hq.example.org",
            "--token-file",
            str(token),
        ]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "may not do this" in err and "اجازه" in err
    assert "audit.read" not in err and "settings.manage" not in err
