"""`maya-desktop audit verify`: check the hash chain of the audit log, and that it still reaches the
anchor kept outside the database (a rollback, deleted tail, lost WAL or rewritten tail is named)."""

from __future__ import annotations

import argparse

from maya_desktop.commands.common import add_vault_command, open_session


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("audit", help="audit log tools")
    actions = parser.add_subparsers(dest="audit_action", required=True)
    add_vault_command(
        actions, "verify", run_verify, help="verify the tamper-evident chain; exit 0 when intact, 2 when broken"
    )


def run_verify(args: argparse.Namespace) -> int:
    from maya_desktop.core.operations import execute
    from maya_desktop.core.operations.catalogue import NoRequest

    session = open_session(args)
    try:  # the same operation as the audit page's "verify" button
        result = execute(session, "audit.verify", NoRequest())
    finally:
        session.vault.close()
    if not result.ok:
        print(f"BROKEN at entry {result.first_bad_id}: {result.reason} ({result.count} entries verified before it)")
        return 2
    if not result.anchored:
        print(f"BROKEN: the chain of {result.count} entries is intact, but the log went back or was rewritten:")
        for problem in result.problems_en:
            print(f"  {problem}")
        return 2
    print(f"OK: {result.count} entries, chain intact, anchored")
    return 0
