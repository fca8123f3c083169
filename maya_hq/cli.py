"""``maya-hq``: serve, migrate, enrol clinics and HQ staff. Messages are English + Persian; no tracebacks."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import os
import sys
from collections.abc import Sequence

from maya_desktop.core.errors import MayaError
from maya_hq import __version__
from maya_hq.db import DATABASE_URL_ENV, DEFAULT_RETENTION_DAYS, default_database_url, make_engine

EXIT_OK, EXIT_REFUSED = 0, 2
PASSWORD_ENV = "MAYA_HQ_PASSWORD"  # noqa: S105  # nosec B105 - a name, not a secret


def _say(en: str, fa: str, *, err: bool = False) -> None:
    print(f"{en}\n{fa}", file=sys.stderr if err else sys.stdout)


def _engine(args: argparse.Namespace, *, migrate: bool = True):  # type: ignore[no-untyped-def]
    from maya_hq import schema

    engine = make_engine(args.database_url or default_database_url())
    if migrate:
        schema.upgrade(engine)
    return engine


def cmd_serve(args: argparse.Namespace) -> int:
    from maya_hq import schema, server

    if (args.tls_cert is None) != (args.tls_key is None):
        _say("Give both --tls-cert and --tls-key.", "هر دو گزینهٔ --tls-cert و --tls-key را بدهید.", err=True)
        return EXIT_REFUSED
    if args.tls_cert is None and not ipaddress.ip_address(args.host).is_loopback:
        _say(
            "Without --tls-cert/--tls-key maya-hq listens on loopback only (put a TLS proxy in front).",
            "بدون --tls-cert/--tls-key سرویس فقط روی نشانی محلی گوش می‌دهد (یک پراکسی TLS جلوی آن بگذارید).",
            err=True,
        )
        return EXIT_REFUSED
    url = args.database_url or default_database_url()
    os.environ[DATABASE_URL_ENV] = url
    schema.upgrade(make_engine(url))  # once here, so workers start on a ready schema
    os.environ["MAYA_HQ_MIGRATE"] = "0"
    os.environ["MAYA_HQ_RATE"], os.environ["MAYA_HQ_BURST"] = str(args.rate), str(args.burst)
    os.environ["MAYA_HQ_REQUEST_TIMEOUT"] = str(args.request_timeout)
    scheme = "https" if args.tls_cert else "http"
    print(f"maya-hq {__version__} on {scheme}://{args.host}:{args.port} ({url.split(':', 1)[0]})", flush=True)
    server.run(host=args.host, port=args.port, workers=args.workers, tls_cert=args.tls_cert,
               tls_key=args.tls_key, request_timeout=args.request_timeout,
               handshake_timeout=args.tls_handshake_timeout)
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from maya_hq import schema

    engine = _engine(args, migrate=False)
    schema.upgrade(engine, args.revision)
    print(f"database at revision {schema.current_revision(engine)}")
    return EXIT_OK


def cmd_clinic_add(args: argparse.Namespace) -> int:
    from maya_hq import admin

    clinic_id, token = admin.add_clinic(_engine(args), args.name, clinic_id=args.clinic_id,
                                        retention_days=args.retention_days)
    print(f"clinic_id: {clinic_id}")
    print(f"token: {token}")
    _say("The token is shown only now; HQ keeps only its hash.", "این توکن فقط همین یک بار نمایش داده می‌شود.")
    return EXIT_OK


def cmd_clinic_rotate(args: argparse.Namespace) -> int:
    from maya_hq import admin

    token = admin.rotate_token(_engine(args), args.clinic_id)
    print(f"token: {token}")
    _say("The old token no longer works.", "توکن پیشین دیگر کار نمی‌کند.")
    return EXIT_OK


def cmd_clinic_revoke(args: argparse.Namespace) -> int:
    from maya_hq import admin

    admin.revoke(_engine(args), args.clinic_id)
    _say("The clinic's token is revoked.", "توکن درمانگاه لغو شد.")
    return EXIT_OK


def cmd_clinic_list(args: argparse.Namespace) -> int:
    from maya_hq import admin

    for c in admin.list_clinics(_engine(args)):
        state = "revoked" if c.revoked else "active"
        print(f"{c.clinic_id}\t{state}\tretention={c.retention_days}d\tenrolled={c.created_at}\t{c.name}")
    return EXIT_OK


def cmd_workstation_add(args: argparse.Namespace) -> int:
    from maya_hq import admin

    workstation_id, token = admin.add_workstation(_engine(args), args.clinic_id, args.workstation_id)
    print(f"workstation_id: {workstation_id}")
    print(f"token: {token}")
    _say("The token is shown only now; it may send only this workstation's events.",
         "این توکن فقط همین یک بار نمایش داده می‌شود و فقط رویدادهای همین ایستگاه کاری را می‌فرستد.")
    return EXIT_OK


def cmd_workstation_revoke(args: argparse.Namespace) -> int:
    from maya_hq import admin

    admin.revoke_workstation(_engine(args), args.clinic_id, args.workstation_id)
    _say("The workstation is revoked; the clinic's other workstations go on.",
         "ایستگاه کاری لغو شد؛ دیگر ایستگاه‌های درمانگاه به کار ادامه می‌دهند.")
    return EXIT_OK


def cmd_workstation_list(args: argparse.Namespace) -> int:
    from maya_hq import admin

    for w in admin.list_workstations(_engine(args), args.clinic_id):
        print(f"{w.workstation_id}\t{'revoked' if w.revoked else 'active'}\tenrolled={w.created_at}")
    return EXIT_OK


def cmd_staff_add(args: argparse.Namespace) -> int:
    from maya_hq import admin

    password = os.environ.get(PASSWORD_ENV) or getpass.getpass("Password / گذرواژه: ")
    admin.add_staff(_engine(args), args.username, password)
    _say("Staff account created.", "حساب کارمند ساخته شد.")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="maya-hq", description="Maya head office: sync endpoint and dashboard")
    parser.add_argument("--version", action="version", version=f"maya-hq {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", help=f"SQLAlchemy URL (default: ${DATABASE_URL_ENV} or a SQLite file); "
                        "PostgreSQL: postgresql+psycopg://user@host/db")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = sub.add_parser("serve", parents=[common], help="run the service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--tls-cert")
    serve.add_argument("--tls-key")
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--rate", type=float, default=2000.0, help="events per second per clinic (per instance)")
    serve.add_argument("--burst", type=float, default=10000.0, help="events a clinic may send at once")
    serve.add_argument("--request-timeout", type=float, default=15.0, help="seconds allowed to send one request")
    serve.add_argument("--tls-handshake-timeout", type=float, default=10.0,
                       help="seconds a client has to complete the TLS handshake (asyncio's default is 60)")
    serve.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db_command", required=True)
    up = db.add_parser("upgrade", parents=[common], help="apply the Alembic migrations")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(func=cmd_db_upgrade)

    clinic = sub.add_parser("clinic", help="enrol and manage clinics").add_subparsers(dest="clinic_command",
                                                                                       required=True)
    add = clinic.add_parser("add", parents=[common], help="enrol a clinic; prints its token once")
    add.add_argument("name")
    add.add_argument("--clinic-id", help="cl_… (default: a random one)")
    add.add_argument("--retention-days", type=int, default=DEFAULT_RETENTION_DAYS,
                     help=f"days after delivery the clinic keeps files (default {DEFAULT_RETENTION_DAYS})")
    add.set_defaults(func=cmd_clinic_add)
    rotate = clinic.add_parser("rotate-token", parents=[common], help="issue a new token (the old one stops)")
    rotate.add_argument("clinic_id")
    rotate.set_defaults(func=cmd_clinic_rotate)
    revoke = clinic.add_parser("revoke", parents=[common], help="refuse the clinic's token")
    revoke.add_argument("clinic_id")
    revoke.set_defaults(func=cmd_clinic_revoke)
    clinic.add_parser("list", parents=[common], help="list clinics").set_defaults(func=cmd_clinic_list)

    station = sub.add_parser("workstation", help="optional per-workstation tokens under a clinic").add_subparsers(
        dest="workstation_command", required=True)
    ws_add = station.add_parser("add", parents=[common],
                                help="enrol a workstation (or issue it a new token); prints its token once")
    ws_add.add_argument("clinic_id")
    ws_add.add_argument("--workstation-id", help="ws_… as the desktop shows it (default: a new one)")
    ws_add.set_defaults(func=cmd_workstation_add)
    ws_revoke = station.add_parser("revoke", parents=[common], help="refuse one workstation")
    ws_revoke.add_argument("clinic_id")
    ws_revoke.add_argument("workstation_id")
    ws_revoke.set_defaults(func=cmd_workstation_revoke)
    ws_list = station.add_parser("list", parents=[common], help="list a clinic's enrolled workstations")
    ws_list.add_argument("clinic_id")
    ws_list.set_defaults(func=cmd_workstation_list)

    staff_cmd = sub.add_parser("staff", help="HQ staff accounts").add_subparsers(dest="staff_command", required=True)
    staff_add = staff_cmd.add_parser("add", parents=[common],
                                     help=f"create a staff login (password from ${PASSWORD_ENV} or asked)")
    staff_add.add_argument("username")
    staff_add.set_defaults(func=cmd_staff_add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from sqlalchemy.exc import ArgumentError, OperationalError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except MayaError as exc:
        _say(exc.message_en, exc.message_fa, err=True)
    except (OperationalError, ArgumentError) as exc:
        _say(f"The database could not be used ({type(exc).__name__}).", "پایگاه داده در دسترس نیست.", err=True)
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_REFUSED
