"""Arguments and helpers shared by the commands that open a data folder."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from maya_desktop.core.session import Session


def add_vault_args(parser: argparse.ArgumentParser, *, username_default: str = "admin") -> None:
    # SUPPRESS: `maya-desktop --data-dir X cmd` and `maya-desktop cmd --data-dir X` both work.
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, help="data folder")
    parser.add_argument("--username", default=username_default, help=f"staff account (default {username_default})")
    parser.add_argument(
        "--password", help="that account's password (default: $MAYA_PASSWORD, else asked for without echo)"
    )


def password_from(args: argparse.Namespace) -> str:
    return args.password or os.environ.get("MAYA_PASSWORD") or getpass.getpass("Password: ")


def open_session(args: argparse.Namespace, verify: str = "full") -> Session:
    from maya_desktop.core.vault import Vault  # imported on use: `maya-desktop --help` stays instant

    session = Vault.open(args.data_dir, args.username, password_from(args), verify=verify)
    for message_en, _fa in session.extra.get("open_findings", []):  # the audit log went back, refused slots
        print(f"warning: {message_en}", file=sys.stderr)
    return session
