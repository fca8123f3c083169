"""`maya-desktop sync`: push the anonymized outbox to HQ (once, or in a loop until Ctrl-C).

Prints counts, times and PII-free error texts only — never the token or an event payload.
Exit codes: 0 success, 2 the endpoint refused or could not be reached (or sync is not set up),
1 an internal error.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from maya_desktop.commands.common import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_REFUSED,
    CliInputError,
    add_loop_args,
    add_vault_command,
    open_session,
    run_until_ctrl_c,
)
from maya_desktop.commands.sync_setup import add_configure_args, run_configure, run_status


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "sync",
        help="send the anonymized sync outbox to HQ",
        description="Push queued anonymized order events to the configured HQ endpoint over verified HTTPS. "
        "Without --once, keeps running (with back-off after failures) until Ctrl-C.",
    )
    add_loop_args(
        parser,
        once_help="push what is due once and exit",
        interval=60.0,
        interval_help="seconds between rounds when nothing is due (default 60)",
    )
    parser.add_argument("--batch", type=int, default=200, help="events per request, 1..500 (default 200)")
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="sync_action", metavar="ACTION")
    configure = add_vault_command(
        actions,
        "configure",
        run_configure,
        help="set the HQ address, token (from a file) and optional certificate pin (managers)",
    )
    add_configure_args(configure)
    add_vault_command(
        actions, "status", run_status, help="show the sync settings (never the token) and the outbox counts"
    )


@dataclass
class _Totals:
    rounds: int = 0
    sent: int = 0
    duplicates: int = 0
    rejected: int = 0
    pending: int = 0
    configured: bool = True
    last_error: str | None = None
    last_error_fa: str | None = None
    last_success_at: str | None = None

    def add(self, status) -> None:  # type: ignore[no-untyped-def]
        self.rounds += 1
        report = status.report
        if report is not None:
            self.sent += report.sent
            self.duplicates += report.duplicates
            self.rejected += report.rejected
            self.configured = report.configured
        if status.pending >= 0:
            self.pending = status.pending
        self.last_error, self.last_error_fa = status.error_en, status.error_fa
        self.last_success_at = status.last_success_at or self.last_success_at

    def line(self) -> str:
        return (
            f"sent {self.sent}, duplicates {self.duplicates}, rejected {self.rejected}, "
            f"pending {self.pending}; last success: {self.last_success_at or 'never'}"
        )


def run(args: argparse.Namespace) -> int:
    from maya_desktop.core.errors import MayaError
    from maya_desktop.core.sync import outbox
    from maya_desktop.core.sync.runner import SyncLoop

    if not 1 <= args.batch <= 500:
        raise CliInputError("--batch must be between 1 and 500.", "--batch باید بین ۱ و ۵۰۰ باشد.")
    session = open_session(args)  # MayaError (wrong password, ...) -> exit 2 in cli.main
    vault = session.vault
    totals = _Totals()
    loop = SyncLoop(
        vault.data_dir.db,
        vault.key_provider,
        interval=max(1.0, args.interval),
        batch_size=args.batch,
        on_status=lambda status: _report_round(status, totals, verbose=not args.once),
    )
    try:
        if args.once:
            status = loop.round()
            loop.stop.set()
            loop.run()  # closes the connection and the HTTPS client
            if status is not None:
                totals.add(status)
        else:
            if run_until_ctrl_c(loop, "Syncing until Ctrl-C ..."):
                print("", file=sys.stderr)
    except MayaError:
        raise
    except Exception as exc:  # the type only: a message could carry data
        print(f"internal error: {type(exc).__name__} | خطای داخلی: {type(exc).__name__}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        try:
            totals.pending = outbox.stats(vault.conn).pending  # the truth, even after a Ctrl-C mid-round
        finally:
            vault.close()
    print(f"Sync: {totals.line()}")
    if not totals.configured:
        print(
            "error: sync is not configured: a manager runs `maya-desktop sync configure` (or Sync settings in the"
            " app) | خطا: همگام‌سازی تنظیم نشده است.",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if totals.last_error:
        # --once exits now: nothing will retry, so the client's "will retry" would be untrue here.
        en, fa = totals.last_error, totals.last_error_fa or totals.last_error
        if args.once:
            en, fa = once_text(en, fa)
        print(f"Last error: {en} | آخرین خطا: {fa}", file=sys.stderr)
        return EXIT_REFUSED
    return EXIT_OK


RETRY_ENDINGS = (("; will retry.", "; nothing was sent this time (run again to retry)."),)
RETRY_ENDINGS_FA = (
    ("؛ دوباره تلاش می‌شود.", "؛ این بار چیزی فرستاده نشد (برای تلاش دوباره، فرمان را دوباره اجرا کنید)."),
)


def once_text(error_en: str, error_fa: str) -> tuple[str, str]:
    """The client's error without its "will retry" ending: a single run (--once) retries nothing."""
    for ending, instead in RETRY_ENDINGS:
        if error_en.endswith(ending):
            error_en = error_en[: -len(ending)] + instead
    for ending, instead in RETRY_ENDINGS_FA:
        if error_fa.endswith(ending):
            error_fa = error_fa[: -len(ending)] + instead
    return error_en, error_fa


def _report_round(status, totals: _Totals, *, verbose: bool) -> None:  # type: ignore[no-untyped-def]
    if not verbose:
        return
    totals.add(status)
    report = status.report
    if report is not None and (report.requests or report.error):
        text = f"round {totals.rounds}: sent {report.sent}, duplicates {report.duplicates}, "
        text += f"rejected {report.rejected}, pending {max(status.pending, 0)}"
        if status.error_en:
            text += f" — {status.error_en}"
        print(text, flush=True)
