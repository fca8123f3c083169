"""`maya-desktop demo`: create a demo clinic with synthetic clients."""

from __future__ import annotations

import argparse

from maya_desktop.commands.common import password_from
from maya_desktop.core.demo import create_demo_clinic


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "demo", help="create a demo clinic (admin / reception / doctor) with synthetic clients"
    )
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, required=True, help="new, empty data folder")
    parser.add_argument("--password", help="password for all three demo accounts")
    parser.add_argument("--clients", type=int, default=20, help="number of synthetic clients (default 20)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    session = create_demo_clinic(args.data_dir, password_from(args), clients=args.clients)
    session.vault.close()
    print(f"Demo clinic created with {args.clients} synthetic clients; accounts: admin, reception, doctor.")
    return 0
