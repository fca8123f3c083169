"""`maya-desktop backup`: write one encrypted, integrity-checked backup file of the data folder.

Prints the backup's recovery code once (write it down; it is stored nowhere). Active managers can
also open the backup with the password they have now. Never prints personal data.
"""

from __future__ import annotations

import argparse

from maya_desktop.commands.common import add_vault_command, open_session, report_error
from maya_desktop.core.errors import MayaError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_vault_command(subparsers, "backup", run, help="write an encrypted backup file (managers)")
    parser.add_argument("--out", required=True, help="the backup file to write (must not exist)")
    parser.add_argument(
        "--no-recovery-code",
        action="store_true",
        help="no recovery code: only the managers' passwords open the backup",
    )


def run(args: argparse.Namespace) -> int:
    from maya_desktop.core.operations import execute
    from maya_desktop.core.operations.backups import CreateBackup

    try:
        session = open_session(args)
        try:  # the same operation as the backups page's "back up now"
            result = execute(session, "backups.create", CreateBackup(args.out, recovery_code=not args.no_recovery_code))
        finally:
            session.vault.close()
    except MayaError as exc:
        return report_error(exc)
    print(f"OK: backup written to {result.path} ({result.size / 1e6:.1f} MB, {result.files} encrypted file(s))")
    if result.managers:
        print(f"Managers who can restore it with their current password: {', '.join(result.managers)}")
    if result.recovery_code:
        print("Recovery code (shown only this once; write it down and keep it apart from the backup):")
        print(f"  {result.recovery_code}")
    print("Note: the backup keeps every order it contains until the backup file is deleted.")
    return 0
