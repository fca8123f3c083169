"""`maya-desktop purge`: destroy every order that is due (retention, cancelled, expired quotes).

Safe to run from a scheduler: it destroys only what the clinic's settings say is due, removes
orphan ciphertext, and prints counts only (never names or file contents).
"""

from __future__ import annotations

import argparse

from maya_desktop.commands.common import add_vault_args, open_session
from maya_desktop.core.orders.housekeeping import PurgeReport, on_open


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("purge", help="destroy orders whose retention window has passed")
    add_vault_args(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    session = open_session(args)  # opening already destroyed what was due and removed crash leftovers
    try:
        at_open: PurgeReport = session.extra["housekeeping"]
        again = on_open(session)
    finally:
        session.vault.close()
    report = PurgeReport(
        at_open.expired + again.expired,
        at_open.destroyed + again.destroyed,
        at_open.orphans_removed + again.orphans_removed,
    )
    files = sum(len(r.files) for r in report.destroyed)
    print(
        f"OK: {len(report.destroyed)} order(s) destroyed ({files} encrypted file(s)), "
        f"{len(report.expired)} quote(s) expired, {report.orphans_removed} orphan file(s) removed"
    )
    for receipt in report.destroyed:
        print(f"  {receipt.order_ref} rule={receipt.rule} key={receipt.key_id} files={len(receipt.files)}")
    return 0
