"""`maya-desktop restore`: restore a backup file into a new, empty data folder.

Opens with the backup's recovery code (or a manager's username and password at the time of the
backup). A tampered, truncated or wrong file is refused and nothing is written to the target.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from maya_desktop.commands.common import add_password_args, ask_secret, password_from, read_secret_file, report_error
from maya_desktop.core.errors import MayaError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("restore", help="restore a backup into a new, empty data folder")
    parser.add_argument("--in", dest="infile", required=True, help="the backup file")
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, required=True, help="new, empty data folder")
    parser.add_argument("--recovery-code", help="the code shown when the backup was made (or $MAYA_RECOVERY_CODE)")
    parser.add_argument(
        "--recovery-code-file", type=Path, metavar="FILE", help="read the recovery code from the first line of FILE"
    )
    parser.add_argument("--username", help="instead of the code: a manager's username at the time of the backup")
    add_password_args(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from maya_desktop.core.backup import restore_backup

    try:
        code = args.recovery_code or os.environ.get("MAYA_RECOVERY_CODE")
        if not code and args.recovery_code_file:
            code = read_secret_file(args.recovery_code_file, "recovery code", "کد بازیابی")
        password = None
        if not code and args.username:
            password = password_from(args)
        elif not code:
            code = ask_secret(
                "Recovery code: ",
                "recovery code",
                "کد بازیابی",
                "--recovery-code-file FILE / $MAYA_RECOVERY_CODE / --username + --password-file",
            )
        result = restore_backup(
            args.infile, args.data_dir, recovery_code=code, username=args.username, password=password
        )
    except MayaError as exc:
        return report_error(exc)
    print(
        f"OK: restored into {result.data_dir}: {result.clients} client(s), {result.orders} order(s), "
        f"{result.files} encrypted file(s), audit chain intact ({result.audit_entries} entries)"
    )
    print("Staff log in with the passwords they had when the backup was made.")
    print("Orders whose retention has passed are destroyed at the first login.")
    return 0
