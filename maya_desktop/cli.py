"""The `maya-desktop` command line (DESIGN §7). Messages here are English; the GUI speaks Persian."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from maya_desktop import __version__
from maya_desktop.core.errors import MayaError

# command name -> module in maya_desktop.commands, which defines register(subparsers) and sets `func`.
# Modules are imported only when a command is asked for, so starting the GUI pays for none of them.
COMMANDS = {
    "analyze": "analyze",
    "demo": "demo",
    "audit": "audit",
    "purge": "purge",
    "sync": "sync",
    "notices": "notices",
    "sync-receiver": "sync_receiver",
    "backup": "backup",
    "restore": "restore",
    "self-check": "self_check",
    "staff": "staff",  # the staff page's operations (core/operations/staff.py)
    "serve": "network",  # the clinic network (issue 14): vault host, pairing, workstations
    "pair": "network",
    "network": "network",
}

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2


def _base_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="maya-desktop", description="Maya Beauty Collection clinic workstation", add_help=add_help
    )
    parser.add_argument("--version", action="version", version=f"maya-desktop {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: the platform's user data folder)")
    parser.add_argument("--lang", choices=("fa", "en"), help="interface language (default: the saved setting)")
    parser.add_argument(
        "--workstation",
        nargs="?",
        const="",
        metavar="PAIRING_DIR",
        help="start as a network workstation of the clinic's vault host (the pairing `maya-desktop pair` made)",
    )
    parser.add_argument(
        "--vault-host",
        metavar="HOST:PORT",
        help="start as a network workstation of this vault host (the app pairs this PC first when needed)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _base_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in dict.fromkeys(COMMANDS.values()):
        try:
            module = importlib.import_module(f"maya_desktop.commands.{module_name}")
        except ModuleNotFoundError as exc:  # a command not built yet must not break the others
            if exc.name != f"maya_desktop.commands.{module_name}":
                raise
            continue
        module.register(subparsers)
    return parser


def _start_gui(data_dir: str | None, lang: str | None, workstation: str | None = None, host: str | None = None) -> int:
    from maya_desktop.system_check import display_problem

    problem = display_problem()  # Qt would abort (134) with a misleading hint: say what to install instead
    if problem is not None:
        print(f"error: {problem[0]} | خطا: {problem[1]}", file=sys.stderr)
        return EXIT_REFUSED
    from maya_desktop.gui.app import run_app

    return run_app(data_dir=data_dir, lang=lang, workstation=workstation, host=host)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    known, rest = _base_parser(add_help=False).parse_known_args(argv)
    wants_command = bool(rest) and (rest[0] in COMMANDS or rest[0].startswith("-"))
    if not wants_command and not rest:
        return _start_gui(known.data_dir, known.lang, known.workstation, known.vault_host)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _start_gui(args.data_dir, args.lang, args.workstation, args.vault_host)
    try:
        return int(args.func(args) or 0)
    except MayaError as exc:
        from maya_desktop.commands.common import format_error

        print(format_error(exc), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file or folder named on the command line is missing or not allowed: one line
        where = f" ({exc.filename})" if exc.filename else ""
        reason = exc.strerror or type(exc).__name__
        print(f"error: {reason}{where} | خطا: {reason}{where}", file=sys.stderr)
        return EXIT_REFUSED
