"""`maya-desktop notices send [--once]`: send the clients' queued notices (email / SMS).

Prints counts and PII-free error texts only (never an address, a number, a text or a key).
Exit codes: 0 nothing failed, 2 some notice could not be sent this round, 1 an internal error.
"""

from __future__ import annotations

import argparse
import sys

from maya_desktop.commands.common import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_REFUSED,
    add_loop_args,
    open_session,
    run_until_ctrl_c,
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "notices",
        help="send the clients' notices (quote ready, delivered, destruction receipt, consent)",
        description="Client notices / اعلان‌های مشتری. 'send' sends what is due through the clinic's mail server "
        "and SMS gateway (configured by a manager in the app); without --once it keeps running until Ctrl-C.",
    )
    actions = parser.add_subparsers(dest="notices_action", required=True)
    send = actions.add_parser("send", help="send due notices")
    add_loop_args(
        send,
        once_help="send what is due once and exit",
        interval=30.0,
        interval_help="seconds between rounds (default 30)",
    )
    send.set_defaults(func=run)


def _line(report) -> str:  # type: ignore[no-untyped-def]
    return (
        f"sent {report.sent}, retrying {report.retrying}, failed {report.failed}, "
        f"cancelled {report.cancelled}, resumed after interruption {report.reclaimed}"
    )


def run(args: argparse.Namespace) -> int:
    from maya_desktop.core.notices.sender import NoticeLoop, send_once

    session = open_session(args)  # MayaError (wrong password, ...) -> exit 2 in cli.main
    vault = session.vault
    errors: list[str] = []
    try:
        if args.once:
            report = send_once(vault.data_dir.db, vault.db_key)
            print(f"Notices: {_line(report)}", flush=True)
            errors = report.errors_en
        else:

            def show(report) -> None:  # type: ignore[no-untyped-def]
                if report.sent or report.retrying or report.failed or report.cancelled or report.reclaimed:
                    print(f"round: {_line(report)}", flush=True)
                for text in report.errors_en:
                    print(f"  {text}", file=sys.stderr, flush=True)

            loop = NoticeLoop(vault.data_dir.db, vault.key_provider, interval=max(1.0, args.interval), on_report=show)
            run_until_ctrl_c(loop, "Sending notices until Ctrl-C ...")
    except Exception as exc:  # the type only: a message could carry data
        print(f"internal error: {type(exc).__name__}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        vault.close()
    for text in errors:
        print(f"error: {text}", file=sys.stderr)
    return EXIT_REFUSED if errors else EXIT_OK
