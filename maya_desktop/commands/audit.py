"""`maya-desktop audit verify`: check the hash chain of the audit log."""

from __future__ import annotations

import argparse

from maya_desktop.commands.common import add_vault_args, open_session
from maya_desktop.core import audit


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("audit", help="audit log tools")
    actions = parser.add_subparsers(dest="audit_action", required=True)
    verify = actions.add_parser("verify", help="verify the tamper-evident chain; exit 0 when intact, 2 when broken")
    add_vault_args(verify)
    verify.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        session.require("audit.read")
        result = audit.verify(session.conn)
    finally:
        session.vault.close()
    if result.ok:
        print(f"OK: {result.count} entries, chain intact")
        return 0
    print(f"BROKEN at entry {result.first_bad_id}: {result.reason} ({result.count} entries verified before it)")
    return 2
