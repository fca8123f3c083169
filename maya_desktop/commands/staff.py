"""`maya-desktop staff list|add|reset-password|deactivate`: the staff page's operations from the command line
(core/operations/staff.py: the same permission checks, validation, audit entries and key rotation as the GUI).

The signed-in person (--username, default admin) must be a manager. A new password comes from
--new-password-file FILE, else $MAYA_NEW_PASSWORD, else a prompt without echo; it is never printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from maya_desktop.commands.common import add_vault_command, ask_secret, open_session, read_secret_file
from maya_desktop.core.roles import Role


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("staff", help="staff accounts (a manager's)")
    actions = parser.add_subparsers(dest="staff_action", required=True)
    add_vault_command(actions, "list", run_list, help="every account: username, role, active, agreement accepted")

    add = add_vault_command(actions, "add", run_add, help="a new account")
    add.add_argument("new_username", metavar="USERNAME")
    add.add_argument("--name", required=True, help="the person's name as shown in the app")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--council", metavar="NUMBER", help="a doctor's medical council number")
    _new_password_args(add)

    reset = add_vault_command(
        actions, "reset-password", run_reset, help="set a new password for someone who forgot theirs"
    )
    reset.add_argument("new_username", metavar="USERNAME")
    _new_password_args(reset)

    deactivate = add_vault_command(
        actions, "deactivate", run_deactivate, help="remove a person: their key slot goes and the database key rotates"
    )
    deactivate.add_argument("new_username", metavar="USERNAME")
    deactivate.add_argument("--yes", action="store_true", help="do it (without --yes nothing changes)")


def _new_password_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--new-password-file", type=Path, metavar="FILE", help="the new password's first line")


def _new_password(args: argparse.Namespace) -> str:
    if args.new_password_file is not None:
        return read_secret_file(args.new_password_file, "new password", "گذرواژهٔ تازه")
    if os.environ.get("MAYA_NEW_PASSWORD"):
        return os.environ["MAYA_NEW_PASSWORD"]
    return ask_secret("New password: ", "new password", "گذرواژهٔ تازه", "--new-password-file FILE")


def _run(args: argparse.Namespace, name: str, request: object | Callable[[], object]) -> object:
    """One operation as the signed-in person, on this process's only thread (core.operations.execute).

    A callable request is built after the sign-in: the person proves who they are before being asked for
    anything else (a new password)."""
    from maya_desktop.core.operations import execute

    session = open_session(args)
    try:
        return execute(session, name, request() if callable(request) else request)
    finally:
        session.vault.close()


def run_list(args: argparse.Namespace) -> int:
    from maya_desktop.core.operations.catalogue import NoRequest

    listing = _run(args, "staff.list", NoRequest())
    for member in listing.members:  # type: ignore[attr-defined]
        state = "active" if member.active else "inactive"
        accepted = member.agreement_accepted_at or "-"
        print(f"{member.username}\t{member.role}\t{state}\tagreement:{accepted}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from maya_desktop.core.operations.staff import CreateStaff

    member = _run(
        args,
        "staff.create",
        lambda: CreateStaff(args.new_username, args.name, args.role, _new_password(args), args.council),
    )
    print(f"created {member.username} ({member.role})")  # type: ignore[attr-defined]
    return 0


def run_reset(args: argparse.Namespace) -> int:
    from maya_desktop.core.operations.staff import ResetPassword

    _run(args, "staff.reset_password", lambda: ResetPassword(args.new_username, _new_password(args)))
    print(f"new password set for {args.new_username}")
    return 0


def run_deactivate(args: argparse.Namespace) -> int:
    from maya_desktop.core.operations.staff import StaffRef

    if not args.yes:
        print(
            f"error: {args.new_username} would lose access and the database key would rotate: add --yes to do it. | "
            f"خطا: دسترسی {args.new_username} برداشته و کلید پایگاه داده عوض می‌شود: برای انجام آن --yes را بیفزایید.",
            file=sys.stderr,
        )
        return 2
    _run(args, "staff.deactivate", StaffRef(args.new_username))
    print(f"deactivated {args.new_username}; the database key was rotated")
    return 0
