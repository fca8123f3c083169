"""The command line run by a scheduler: no terminal, no password typed, TOTP accounts.

Every command that opens a data folder, run with stdin from /dev/null and no password given, exits 2 with
one clear line (English | Persian) and no traceback. The password can come from a file or $MAYA_PASSWORD,
the 6-digit code from --totp or $MAYA_TOTP. Real processes, real data folders.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import pyotp
import pytest

from maya_desktop.cli import build_parser, main
from maya_desktop.core.paths import DataDir
from maya_desktop.core.signin import FolderThrottle
from tests.conftest import PASSWORD, REPO

SECRETS = ("MAYA_PASSWORD", "MAYA_TOTP", "MAYA_RECOVERY_CODE")


# MAYA_CLI_UNDER_TEST=dist/maya-desktop/maya-desktop runs these tests against the bundle instead of the source.
CLI = (
    [os.environ["MAYA_CLI_UNDER_TEST"]]
    if os.environ.get("MAYA_CLI_UNDER_TEST")
    else [sys.executable, "-m", "maya_desktop"]
)


def run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    env.update(PYTHONPATH=str(REPO), **(env_extra or {}))
    return subprocess.run(
        [*CLI, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def leaf_commands() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every command the CLI's own parser defines (a new one is covered without touching this test):
    each path of sub-commands that ends in a parser with a function to run (`sync` and `sync status` both)."""
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}

    def walk(path: tuple[str, ...], parser: argparse.ArgumentParser) -> None:
        if path and parser.get_default("func") is not None:
            found[path] = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    walk((*path, name), child)

    walk((), build_parser())
    return found


def command_line(path: tuple[str, ...], parser: argparse.ArgumentParser, data_dir: Path, tmp_path: Path) -> list[str]:
    """The command with its required arguments filled in (a data folder: the test's demo folder, or a new one
    where the command makes one)."""
    token = tmp_path / "token"
    token.write_text("a-clinic-token-0123456789\n")
    values = {  # by argparse dest; an unknown required one fails the test with its name
        "images": str(REPO / "tests" / "photos" / "obama.jpg"),
        "endpoint": "https://hq.example.org",
        "token_file": str(token),
        "name": "reception-2",
        "new_username": "reception-3",  # staff add / reset-password / deactivate
        "role": "receptionist",
        "workstation": "ws-none",
        "host": "127.0.0.1:9",  # nothing listens on the discard port: `pair` cannot reach a host
        "code": "AAAA-BBBB-CCCC",
        "infile": str(tmp_path / "b.mayabak"),
        "out": str(tmp_path / "b.mayabak"),
        "cert": str(tmp_path / "missing-cert.pem"),
        "key": str(tmp_path / "missing-key.pem"),
        "port": "0",
        "db": str(tmp_path / "receiver" / "events.db"),
    }
    args = list(path)
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        if action.dest == "data_dir":
            new = "new" in (action.help or "")  # demo, restore: "new, empty data folder"
            args += ["--data-dir", str(tmp_path / ("new-" + "-".join(path)) if new else data_dir)]
            continue
        positional = not action.option_strings
        if not (action.required or (positional and action.nargs not in ("?", "*"))):
            continue
        if action.dest not in values:
            pytest.fail(f"`{' '.join(path)}` requires {action.dest}: give this test a value for it")
        args += [values[action.dest]] if positional else [action.option_strings[-1], values[action.dest]]
    return args


# Options added to a command, one run per list: `serve` asks for a password only with --unseal-user (a sealed
# host needs none), `sync` and `notices send` run until Ctrl-C without --once, `restore` opens with the
# backup's recovery code or with a manager's password, `pair` keeps its pairing in the test's folder,
# `staff deactivate` does something only with --yes.
VARIANTS: dict[tuple[str, ...], list[list[str]]] = {
    ("serve",): [["--unseal-user", "admin"]],
    ("sync",): [["--once"]],
    ("notices", "send"): [["--once"]],
    ("restore",): [[], ["--username", "admin"]],
    ("staff", "deactivate"): [["--yes"]],  # without --yes it only says so (one line, exit 2, nothing asked)
}
# Commands that need no password and succeed here; every other one exits 2 with one line.
SUCCEEDS = {("analyze",)}


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


def test_the_walk_finds_every_command() -> None:
    """The parser walk is not vacuous: the commands known today are all found, with their actions."""
    paths = set(leaf_commands())
    known = {
        ("analyze",), ("demo",), ("audit", "verify"), ("purge",), ("sync",), ("sync", "configure"),
        ("sync", "status"), ("notices", "send"), ("sync-receiver",), ("backup",), ("restore",), ("self-check",),
        ("serve",), ("pair",), ("network", "code"), ("network", "list"), ("network", "revoke"),
    }  # fmt: skip
    assert known <= paths, known - paths


def test_every_command_without_a_terminal_or_password_exits_2_with_one_line(demo, data_dir, tmp_path) -> None:
    """Each command the parser defines, as a real process: stdin /dev/null, no password, a real data folder.
    One that takes a password exits 2 with one line saying how to give it; the others finish (analyze: 0) or
    exit 2 with one line (pair: no host; sync-receiver: no certificate). No traceback, nothing made."""
    demo.vault.close()
    failures = []
    runs = [
        (path, parser, command_line(path, parser, data_dir, tmp_path) + extra)
        for path, parser in leaf_commands().items()
        for extra in VARIANTS.get(path, [[]])
    ]
    for path, parser, args in runs:
        if path == ("pair",):
            args += ["--config-dir", str(tmp_path / "pairing")]
        proc = run_cli(*args)
        name = " ".join(path)
        try:
            assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
            if path in SUCCEEDS:
                assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])
                continue
            takes_password = any("--password" in action.option_strings for action in parser._actions)
            # staff add / reset-password sign the person in before asking for the new password
            assert_one_clear_line(proc, *(["--password-file"] if takes_password else []))
            if takes_password:
                assert proc.stdout == "", proc.stdout
        except AssertionError as exc:
            failures.append(f"{name} ({' '.join(args[len(path) :])}): {exc}")
    assert not failures, "\n".join(failures)
    assert len(runs) >= 18, [" ".join(args) for _p, _q, args in runs]
    assert not (tmp_path / "b.mayabak").exists() and not list(tmp_path.glob("new-*"))


def test_help_and_version_need_no_password(capsys) -> None:
    """`--help` of every command and `--version` exit 0 and print to stdout only."""
    for path in [(), *leaf_commands()]:
        for flag in ("--help",) if path else ("--help", "--version"):
            with pytest.raises(SystemExit) as exited:
                main([*path, flag])
            out, err = capsys.readouterr()
            assert exited.value.code == 0 and out and not err, (path, flag, err)


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
