"""`maya-desktop audit verify`: check the hash chain of the audit log, and that it still reaches the
anchor kept outside the database (a rollback, deleted tail, lost WAL or rewritten tail is named)."""

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
        problems = anchor_problems(session)
    finally:
        session.vault.close()
    if not result.ok:
        print(f"BROKEN at entry {result.first_bad_id}: {result.reason} ({result.count} entries verified before it)")
        return 2
    if problems:
        print(f"BROKEN: the chain of {result.count} entries is intact, but the log went back or was rewritten:")
        for problem in problems:
            print(f"  {problem}")
        return 2
    print(f"OK: {result.count} entries, chain intact, anchored")
    return 0


def anchor_problems(session) -> list[str]:  # type: ignore[no-untyped-def]
    """What a login found against the anchor (kept in the chain), and the anchor compared now."""
    problems = audit.recorded_rollbacks(session.conn)
    anchor = session.vault.slots.audit_anchor()
    finding = None if anchor is None else audit.check_anchor(session.conn, *anchor)
    if finding is not None:
        problems.append(finding.message_en)
    return problems
