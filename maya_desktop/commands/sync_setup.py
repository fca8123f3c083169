"""`maya-desktop sync configure` and `sync status`: set up and inspect HQ sync without the GUI.

The token is read from a file (never from the command line, where other users could see it in the process
list) and never printed; the status prints counts, times and the endpoint, never an event or the token.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from maya_desktop.commands.common import CliInputError, open_session, read_secret_file


def add_configure_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint", required=True, help="HQ address, https:// only")
    parser.add_argument(
        "--token-file", type=Path, metavar="FILE", help="file whose first line is the clinic token (default: keep)"
    )
    pin = parser.add_mutually_exclusive_group()
    pin.add_argument("--pin", help="SHA-256 of the server's public key (hex or base64); default: keep the saved one")
    pin.add_argument("--no-pin", action="store_true", help="remove the saved certificate pin")
    ca = parser.add_mutually_exclusive_group()
    ca.add_argument("--ca-file", type=Path, help="a private CA certificate (PEM) to trust as well; default: keep")
    ca.add_argument("--no-ca-file", action="store_true", help="remove the saved private CA")
    parser.add_argument("--clinic-id", help="the clinic id HQ gave (cl_...); default: keep")


def run_configure(args: argparse.Namespace) -> int:
    from maya_desktop.core.settings import get_setting
    from maya_desktop.core.sync import settings as sync_settings

    token = read_secret_file(args.token_file, "token", "توکن") if args.token_file else None
    session = open_session(args)
    try:
        conn = session.conn
        pin = None if args.no_pin else (args.pin or get_setting(conn, sync_settings.KEY_PIN))
        if args.no_ca_file:
            ca_file = None
        elif args.ca_file:
            ca_file = str(args.ca_file.resolve())
        else:
            ca_file = get_setting(conn, sync_settings.KEY_CA_FILE)
        sync_settings.save_config(
            session, endpoint=args.endpoint, token=token, pin=pin, ca_file=ca_file, clinic=args.clinic_id
        )
        config = sync_settings.load_config(conn)
    finally:
        session.vault.close()
    if config is None:  # pragma: no cover - save_config refuses a missing token
        raise CliInputError("Sync is not configured.", "همگام‌سازی تنظیم نشده است.")
    print(
        f"OK: sync configured: {config.endpoint}; certificate pin {'set' if config.pin_sha256 else 'not set'}; "
        f"private CA {'set' if config.ca_file else 'not set'}; clinic {config.clinic_id}; token saved (not shown)"
    )
    return 0


def run_status(args: argparse.Namespace) -> int:
    from maya_desktop.core.sync import outbox
    from maya_desktop.core.sync import settings as sync_settings

    session = open_session(args)
    try:
        config = sync_settings.load_config(session.conn)
        stats = outbox.stats(session.conn)
    finally:
        session.vault.close()
    if config is None:
        print("configured: no (maya-desktop sync configure --endpoint URL --token-file FILE)")
    else:
        print(f"configured: yes, {config.endpoint}")
        print(f"certificate pin: {'set' if config.pin_sha256 else 'not set'}")
        print(f"private CA: {config.ca_file or 'not set'}")
        print(f"clinic: {config.clinic_id}, workstation: {config.workstation_id or '(assigned at first sync)'}")
    print(f"pending: {stats.pending} ({stats.due} due now), rejected: {stats.rejected}, sent: {stats.sent}")
    print(f"last success: {stats.last_success_at or 'never'}; last attempt: {stats.last_attempt_at or 'never'}")
    if stats.last_error:
        print(f"last error: {stats.last_error}")
    return 0
