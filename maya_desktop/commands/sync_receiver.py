"""`maya-desktop sync-receiver`: run the reference HQ receiver (HTTPS, standard library)."""

from __future__ import annotations

import argparse
import ssl
import sys
from pathlib import Path

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync.receiver import make_receiver
from maya_desktop.core.sync.settings import validate_token


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync-receiver",
        help="run the reference HQ receiver for anonymized sync events",
        description="Accept POST /v1/events over HTTPS and store events idempotently in a SQLite file.",
    )
    parser.add_argument("--cert", required=True, help="server certificate chain (PEM)")
    parser.add_argument("--key", required=True, help="server private key (PEM)")
    parser.add_argument("--port", type=int, required=True, help="TCP port (0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--db", required=True, help="SQLite file for received events")
    parser.add_argument("--token-file", required=True, help="file holding the clinic bearer token")
    parser.add_argument("--verbose", action="store_true", help="log request lines (never headers or bodies)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        token = validate_token(Path(args.token_file).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(f"Cannot read the token file ({exc.strerror}).", "فایل توکن خوانده نشد.") from None
    try:
        server = make_receiver(args.host, args.port, args.cert, args.key, args.db, token, quiet=not args.verbose)
    except ssl.SSLError:
        raise ValidationError(
            "The certificate or key is not valid PEM, or they do not match.",
            "گواهی یا کلید PEM معتبر نیست یا با هم جور نیستند.",
        ) from None
    except OSError as exc:  # a missing certificate, key or database folder; the port taken
        raise ValidationError(
            f"Cannot start the receiver: {exc.strerror or type(exc).__name__}.",
            f"گیرنده راه‌اندازی نشد: {exc.strerror or type(exc).__name__}.",
        ) from None
    host, port = server.server_address[:2]
    print(f"sync-receiver listening on https://{host!s}:{port}/v1/events", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.store.close()
    return 0
