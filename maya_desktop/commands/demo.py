"""`maya-desktop demo`: create a demo clinic with synthetic clients (and, given photos, demo orders)."""

from __future__ import annotations

import argparse
from pathlib import Path

from maya_desktop.commands.common import add_password_args, password_from

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "demo", help="create a demo clinic (admin / reception / doctor) with synthetic clients"
    )
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, required=True, help="new, empty data folder")
    add_password_args(parser)  # one password for all three demo accounts
    parser.add_argument("--clients", type=int, default=20, help="number of synthetic clients (default 20)")
    parser.add_argument("--photos", type=Path, help="folder of face photos: also create 5 demo orders with them")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from maya_desktop.core.demo import create_demo_clinic

    photos: list[bytes] = []
    if args.photos:
        files = sorted(p for p in args.photos.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES)
        photos = [p.read_bytes() for p in files[:3]]
    session = create_demo_clinic(args.data_dir, password_from(args), clients=args.clients)
    try:
        orders = 0
        if photos:
            from maya_desktop.core.orders.demo import create_demo_orders

            orders = len(create_demo_orders(session, photos, count=min(5, args.clients), run_analysis=True))
    finally:
        session.vault.close()
    print(f"Demo clinic created: {args.clients} synthetic clients, {orders} orders; accounts admin, reception, doctor.")
    return 0
