"""The `maya-desktop` command line (DESIGN §7). Messages here are English; the GUI speaks Persian."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from maya_desktop import __version__
from maya_desktop.core.errors import MayaError

# Each module in maya_desktop.commands defines register(subparsers) and sets `func` on its parser.
COMMAND_MODULES = (
    "analyze",
    "demo",
    "audit",
)

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="maya-desktop", description="Maya Beauty Collection clinic workstation")
    parser.add_argument("--version", action="version", version=f"maya-desktop {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: the platform's user data folder)")
    parser.add_argument("--lang", choices=("fa", "en"), help="interface language (default: the saved setting)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"maya_desktop.commands.{name}")
        except ModuleNotFoundError as exc:  # a command still being built must not break the others
            if exc.name != f"maya_desktop.commands.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from maya_desktop.gui.app import run_app

        return run_app(data_dir=args.data_dir, lang=args.lang)
    try:
        return int(args.func(args) or 0)
    except MayaError as exc:
        print(f"error: {exc.message_en}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
