"""`maya-desktop self-check`: a headless health check of an installation (or of a bundle).

Opens the data folder (full page check), verifies the audit chain, counts clients, parses an Iranian mobile
number (phonenumbers' region data, loaded by name: a bundle without it could not add a client), imports Qt and
creates (does not show) the login window, loads the face models, and prints a short JSON report.
Exit 0 when everything passed, 2 otherwise. Counts only: no personal data is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

from maya_desktop import __version__
from maya_desktop.commands.common import add_vault_command, open_session, password_from
from maya_desktop.core.errors import MayaError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add_vault_command(subparsers, "self-check", run, help="headless check: data folder, audit chain, Qt, face models")


def _timed(report: dict[str, Any], name: str, step) -> Any:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    try:
        value = step()
    except MayaError as exc:
        report[name] = {"ok": False, "error": exc.message_en}
        return None
    except Exception as exc:  # a broken install (missing plugin, model file): report it, do not crash
        report[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        return None
    report[name] = {"ok": True, "seconds": round(time.perf_counter() - started, 3), **(value or {})}
    return value


def run(args: argparse.Namespace) -> int:
    # Asked for (or refused: no terminal, no password) before the report starts, as one clear line.
    args.password = password_from(args)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report: dict[str, Any] = {"version": __version__, "frozen": bool(getattr(sys, "frozen", False))}
    state: dict[str, Any] = {}

    def open_vault() -> dict[str, Any]:
        state["session"] = open_session(args)
        return {"data_dir": str(state["session"].vault.data_dir.root)}

    def check_audit() -> dict[str, Any]:
        from maya_desktop.core.operations.audit import check_chain

        result = check_chain(state["session"])  # what `audit verify` and the audit page check (any account)
        if not result.ok:
            raise RuntimeError(f"audit chain broken: {result.reason}")
        if not result.anchored:
            raise RuntimeError(f"audit log went back or was rewritten: {'; '.join(result.problems_en)}")
        return {"entries": result.count}

    def count_clients() -> dict[str, Any]:
        conn = state["session"].conn
        clients = conn.execute("SELECT count(*) FROM clients").fetchone()[0]
        orders = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        return {"clients": int(clients), "orders": int(orders)}

    def qt_login_window() -> dict[str, Any]:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtWidgets import QApplication

        from maya_desktop.gui.login import LoginDialog

        _app = QApplication.instance() or QApplication([sys.argv[0]])  # kept alive while the dialog is made
        dialog = LoginDialog(state["session"].vault.data_dir.root)  # created, never shown
        dialog.deleteLater()
        from PySide6.QtGui import QGuiApplication, QImageReader, QPixmap

        from maya_desktop.resources_path import resource

        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        if "svg" not in formats or QPixmap(str(resource("icons", "logo.svg"))).isNull():
            raise RuntimeError("the Qt svg image format plugin or the icons are missing")
        if "jpeg" not in formats:  # the stored photos are JPEGs (core/photos.py): the viewer decodes them with Qt
            raise RuntimeError("the Qt jpeg image format plugin is missing")
        return {"pyside": pyside_version, "platform": QGuiApplication.platformName(), "svg_icons": True}

    def phone_numbers() -> dict[str, Any]:
        from maya_desktop.core.validation import parse_iran_mobile

        sample = "۰۹۱۲ ۱۲۳ ۴۵۶۷"  # a made-up number, typed in Persian digits as a receptionist would
        if parse_iran_mobile(sample) != "+989121234567":
            raise RuntimeError("an Iranian mobile number was not parsed as expected")
        return {"iran_mobile": True}

    def face_models() -> dict[str, Any]:
        from maya_desktop.core.analysis.loader import get_models

        models = get_models()
        return {"load_seconds": round(models.load_seconds, 3)}

    try:
        if _timed(report, "data_folder", open_vault) is not None:
            _timed(report, "audit", check_audit)
            _timed(report, "records", count_clients)
        _timed(report, "phone_numbers", phone_numbers)
        _timed(report, "qt", qt_login_window if "session" in state else lambda: {"skipped": True})
        _timed(report, "face_models", face_models)
    finally:
        if "session" in state:
            state["session"].vault.close()
    report["ok"] = all(v.get("ok") for v in report.values() if isinstance(v, dict))
    print(json.dumps(report, indent=1))
    return 0 if report["ok"] else 2
