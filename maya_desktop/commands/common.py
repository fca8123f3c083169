"""Arguments and helpers shared by the commands that open a data folder.

Secrets (password, recovery code, TOTP code) come, in this order, from the option, from a file named by an
option (for schedulers: the file is read, never printed), from an environment variable, or from a prompt
without echo. With no terminal to prompt on (a scheduled task, `</dev/null`) a missing secret is a clear
error, exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maya_desktop.core.errors import MayaError

if TYPE_CHECKING:
    from maya_desktop.core.session import Session


EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2  # success; a bug; refused, unreachable or not set up


class CliInputError(MayaError):
    """A command-line input is missing or unreadable; nothing was opened or written."""


def format_error(exc: MayaError) -> str:
    """One line, English then Persian (the Persian half is left out when it is the same text)."""
    if exc.message_fa and exc.message_fa != exc.message_en:
        return f"error: {exc.message_en} | خطا: {exc.message_fa}"
    return f"error: {exc.message_en}"


def report_error(exc: MayaError) -> int:
    print(format_error(exc), file=sys.stderr)
    return 2


def add_vault_args(parser: argparse.ArgumentParser, *, username_default: str = "admin") -> None:
    # SUPPRESS: `maya-desktop --data-dir X cmd` and `maya-desktop cmd --data-dir X` both work.
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, help="data folder")
    parser.add_argument("--username", default=username_default, help=f"staff account (default {username_default})")
    add_password_args(parser)
    parser.add_argument(
        "--totp", metavar="CODE", help="the account's 6-digit code when it has two-step login (default: $MAYA_TOTP)"
    )


def add_vault_command(
    parsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    func: Callable[[argparse.Namespace], int],
    **kwargs: Any,
) -> argparse.ArgumentParser:
    """A (sub)command that opens the data folder: its parser (`kwargs`: help, description, ...), with the
    vault's arguments and `func` to run it."""
    parser: argparse.ArgumentParser = parsers.add_parser(name, **kwargs)
    add_vault_args(parser)
    parser.set_defaults(func=func)
    return parser


def add_loop_args(parser: argparse.ArgumentParser, *, once_help: str, interval: float, interval_help: str) -> None:
    """A command that works in rounds: the vault's arguments, `--once` (one round) and `--interval`."""
    add_vault_args(parser)
    parser.add_argument("--once", action="store_true", help=once_help)
    parser.add_argument("--interval", type=float, default=interval, help=interval_help)


def run_until_ctrl_c(loop: Any, banner: str) -> bool:
    """Run a background loop in the foreground until it ends or Ctrl-C stops it (True: it was stopped)."""
    print(banner, file=sys.stderr, flush=True)
    try:
        loop.run()
    except KeyboardInterrupt:
        loop.stop.set()
        return True
    return False


def add_password_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password",
        help="the account's password (default: --password-file, else $MAYA_PASSWORD, else asked for without echo)",
    )
    parser.add_argument(
        "--password-file", type=Path, metavar="FILE", help="read the password from the first line of FILE"
    )


def read_secret_file(path: Path, what_en: str, what_fa: str) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not readable text"
        raise CliInputError(
            f"Cannot read the {what_en} file {path}: {reason}.", f"پروندهٔ {what_fa} ({path}) خوانده نشد."
        ) from None
    lines = text.splitlines()
    value = lines[0].strip() if lines else ""
    if not value:
        raise CliInputError(f"The {what_en} file {path} is empty.", f"پروندهٔ {what_fa} ({path}) خالی است.")
    return value


def ask_secret(prompt: str, what_en: str, what_fa: str, option: str) -> str:
    """Prompt without echo, or refuse clearly where there is no terminal to prompt on."""
    if not sys.stdin or not sys.stdin.isatty():
        raise CliInputError(
            f"No {what_en} given and no terminal to ask for it: use {option}.",
            f"{what_fa} داده نشده و پایانه‌ای برای پرسیدن آن نیست: از {option} استفاده کنید.",
        )
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise CliInputError(f"No {what_en} given.", f"{what_fa} داده نشد.") from None


def password_from(args: argparse.Namespace) -> str:
    if getattr(args, "password", None):
        return str(args.password)
    if getattr(args, "password_file", None):
        return read_secret_file(args.password_file, "password", "گذرواژه")
    if os.environ.get("MAYA_PASSWORD"):
        return os.environ["MAYA_PASSWORD"]
    return ask_secret("Password: ", "password", "گذرواژه", "--password-file FILE / $MAYA_PASSWORD")


def totp_from(args: argparse.Namespace) -> str | None:
    return getattr(args, "totp", None) or os.environ.get("MAYA_TOTP") or None


def open_session(args: argparse.Namespace, verify: str = "full") -> Session:
    from maya_desktop.core.errors import TotpRequired
    from maya_desktop.core.signin import SignInRequest, sign_in  # on use: `maya-desktop --help` stays instant

    password = password_from(args)
    try:  # the same sign-in as the login window: the growing delay holds for the CLI too (core.signin)
        session = sign_in(SignInRequest(args.data_dir, args.username, password, totp_from(args), verify=verify))
    except TotpRequired:
        if not sys.stdin or not sys.stdin.isatty():
            raise CliInputError(
                "This account needs its 6-digit code: use --totp CODE or $MAYA_TOTP.",
                "این حساب کد شش‌رقمی لازم دارد: از --totp CODE یا $MAYA_TOTP استفاده کنید.",
            ) from None
        code = ask_secret("6-digit code: ", "code", "کد", "--totp CODE")
        session = sign_in(SignInRequest(args.data_dir, args.username, password, code, verify=verify))
    for message_en, _fa in session.extra.get("open_findings", []):  # the audit log went back, refused slots
        print(f"warning: {message_en}", file=sys.stderr)
    return session
