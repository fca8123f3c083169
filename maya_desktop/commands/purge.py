"""`maya-desktop purge`: destroy every order that is due (retention, cancelled, expired quotes).

Safe to run from a scheduler: it destroys only what the clinic's settings say is due, removes
orphan ciphertext, and prints counts only (never names or file contents). An order a legal hold keeps
is listed as HELD with the request's number (never the court or case).
"""

from __future__ import annotations

import argparse

from maya_desktop.commands.common import add_vault_command, open_session
from maya_desktop.core.orders.housekeeping import PurgeReport, on_open


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add_vault_command(subparsers, "purge", run, help="destroy orders whose retention window has passed")


def run(args: argparse.Namespace) -> int:
    session = open_session(args)  # opening already destroyed what was due and removed crash leftovers
    try:
        at_open: PurgeReport = session.extra["housekeeping"]
        again = on_open(session)
    finally:
        session.vault.close()
    report = at_open.then(again)  # held: still held now (the same orders the opening skipped)
    files = sum(len(r.files) for r in report.destroyed)
    print(
        f"OK: {len(report.destroyed)} order(s) destroyed ({files} encrypted file(s)), "
        f"{len(report.expired)} quote(s) expired, {report.orphans_removed} orphan file(s) removed, "
        f"{len(report.held)} order(s) held by a legal request"
    )
    for receipt in report.destroyed:
        hold = f" legal_hold=#{receipt.legal_hold}" if receipt.legal_hold is not None else ""
        print(f"  {receipt.order_ref} rule={receipt.rule} key={receipt.key_id} files={len(receipt.files)}{hold}")
    for held in report.held:
        print(
            f"  HELD {held.order_ref} rule={held.rule}: not destroyed, held by legal request #{held.request_id}"
            f" since {held.since[:10]} / نگهداری به دستور مرجع قضایی (درخواست {held.request_id})"
        )
    return 0
