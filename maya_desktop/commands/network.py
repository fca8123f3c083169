"""The clinic network's commands (issue 14).

- `maya-desktop serve --data-dir D [--listen HOST:PORT]`: run the vault host (sealed until a manager signs in;
  `--unseal-user NAME` signs a manager in at the console at start, password as for every command).
- `maya-desktop pair --host HOST:PORT --code CODE [--config-dir DIR]`: pair this workstation.
- `maya-desktop network code|list|revoke` at the host's console, as a manager: a one-time pairing code, the
  paired workstations, revoke one (the running host refuses it from its next request).
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from maya_desktop.commands.common import (
    add_password_args,
    add_vault_command,
    open_session,
    password_from,
    totp_from,
)
from maya_desktop.core.paths import DataDir


def default_config_dir() -> Path:
    import platformdirs

    from maya_desktop.core.paths import APP_AUTHOR, APP_NAME

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "network"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = subparsers.add_parser("serve", help="run this PC as the clinic's vault host (headless)")
    serve.add_argument("--data-dir", default=argparse.SUPPRESS, help="data folder")
    serve.add_argument("--listen", default="0.0.0.0:8443", help="address and port (default 0.0.0.0:8443)")
    serve.add_argument("--unseal-user", metavar="NAME", help="a manager signs in at the console at start")
    add_password_args(serve)
    serve.add_argument("--totp", metavar="CODE", help="the manager's 6-digit code when needed")
    serve.add_argument("--request-timeout", type=float, default=15.0, help="seconds a request's headers may take")
    serve.add_argument(
        "--extra-operations", metavar="MODULE", action="append", default=[], help=argparse.SUPPRESS
    )  # tests and benchmarks: a module registering more operations
    serve.set_defaults(func=run_serve)

    pair = subparsers.add_parser("pair", help="pair this workstation with the clinic's vault host")
    pair.add_argument("--host", required=True, metavar="HOST:PORT", help="the vault host's address")
    pair.add_argument("--code", required=True, help="the one-time code a manager made")
    pair.add_argument("--config-dir", type=Path, help="where this workstation keeps its pairing")
    pair.set_defaults(func=run_pair)

    network = subparsers.add_parser("network", help="the vault host's workstations (at its console, as a manager)")
    actions = network.add_subparsers(dest="network_action", required=True)
    code = add_vault_command(actions, "code", run_code, help="a one-time pairing code for a new workstation")
    code.add_argument("--name", required=True, help="what to call the workstation (e.g. reception-1)")
    add_vault_command(actions, "list", run_list, help="the paired workstations")
    revoke = add_vault_command(actions, "revoke", run_revoke, help="revoke a workstation (refused at once)")
    revoke.add_argument("workstation", help="its id (ws-...) or name")


def run_serve(args: argparse.Namespace) -> int:
    from maya_desktop.core.operations import wire
    from maya_desktop.network.host import serve

    for module in args.extra_operations:
        importlib.import_module(module)
        wire.allow_prefix(module.rpartition(".")[0] + ".")
    unseal = None
    if args.unseal_user:
        unseal = (args.unseal_user, password_from(args), totp_from(args))
    serve(getattr(args, "data_dir", None), args.listen, unseal=unseal, request_timeout=args.request_timeout)
    return 0


def run_pair(args: argparse.Namespace) -> int:
    from maya_desktop.commands.common import CliInputError
    from maya_desktop.core.operations.remote import NetworkError
    from maya_desktop.network.client import pair
    from maya_desktop.network.pki import spaced

    try:
        paired = pair(args.host, args.code, args.config_dir or default_config_dir())
    except NetworkError as exc:
        if exc.code != "network.unreachable":
            raise
        # The catalogue's text says "this workstation keeps trying", true of a running app, not of `pair`.
        raise CliInputError(
            f"The vault host {args.host} cannot be reached: check the address and that it runs `maya-desktop serve`.",
            f"رایانهٔ گاوصندوق {args.host} در دسترس نیست: نشانی را بررسی کنید و اینکه"
            " `maya-desktop serve` روی آن اجرا می‌شود.",
        ) from None
    print(f"paired as {paired.workstation} ({paired.name})")
    print(f"host certificate: {spaced(paired.host_fingerprint)}")
    print("compare it with the one the vault host showed when the code was made")
    return 0


def _manager_console(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from maya_desktop.core import audit
    from maya_desktop.network.pki import HostPki
    from maya_desktop.network.registry import Registry, ensure_folder, folder_of

    session = open_session(args)
    session.require("staff.manage")
    audit.set_origin(session.conn, "console")
    folder = folder_of(DataDir.at(getattr(args, "data_dir", None)).root)
    ensure_folder(folder)
    return session, Registry(folder), HostPki(folder)


def run_code(args: argparse.Namespace) -> int:
    from maya_desktop.network.pki import spaced

    session, registry, pki = _manager_console(args)
    try:
        pki.ensure()
        code = registry.new_pairing_code(args.name.strip(), session.actor)
        session.audit("network.pairing_code", "", {})
    finally:
        session.vault.close()
    print(f"pairing code: {code}   (one use, 15 minutes)")
    print(f"host certificate: {spaced(pki.host_fingerprint())}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    session, registry, _pki = _manager_console(args)
    session.vault.close()
    for station in registry.all():
        state = f"revoked {station.revoked_at}" if station.revoked_at else "active"
        print(f"{station.id}  {station.name:20}  paired {station.paired_at}  {state}  {station.fingerprint[:16]}")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    session, registry, _pki = _manager_console(args)
    try:
        try:
            station = registry.revoke(args.workstation, session.actor)
        except KeyError:
            from maya_desktop.core.errors import NotFound

            raise NotFound("No such workstation.", "چنین رایانه‌ای نیست.") from None
        session.audit("network.revoked", f"workstation:{station.id}")
    finally:
        session.vault.close()
    print(f"revoked {station.id} ({station.name})")
    return 0
