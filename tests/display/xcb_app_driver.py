"""Run the real app (maya_desktop.gui.app.run_app) on a real X server and drive it like a person would.

Usage: python xcb_app_driver.py DATA_DIR PASSWORD OUT_DIR   (with DISPLAY and QT_QPA_PLATFORM=xcb set)

Timers do what a person does: type the user name and password into the login window and press the button,
then open every screen in the navigation, take screenshots (the whole X screen and the window), and close
the window. Exit code 0 only when all of that happened on the xcb platform; the steps are printed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from maya_desktop.gui.app import run_app
from maya_desktop.gui.login import LoginDialog
from maya_desktop.gui.main_window import MainWindow

data_dir, password, out_dir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
app = QApplication(sys.argv[:1])
print(f"platform: {app.platformName()}", flush=True)
state = {"logged_in": False, "pages": [], "done": False}


def visible(kind: type) -> object | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def drive() -> None:
    login = visible(LoginDialog)
    if login is not None and not state["logged_in"]:
        login.username.setText("admin")
        login.password.setText(password)
        login.button.click()
        state["logged_in"] = True
        print("login: submitted", flush=True)
    window = visible(MainWindow)
    if window is not None:
        QTimer.singleShot(300, lambda: walk(window, 0))
        return
    QTimer.singleShot(100, drive)


def walk(window: MainWindow, row: int) -> None:
    if row < window.nav.count():
        window.nav.setCurrentRow(row)
        state["pages"].append(window.pages.currentWidget().objectName() or type(window.pages.currentWidget()).__name__)
        QTimer.singleShot(250, lambda: walk(window, row + 1))
        return
    window.nav.setCurrentRow(0)
    QTimer.singleShot(300, lambda: finish(window))


def finish(window: MainWindow) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    screen = app.primaryScreen()
    screen.grabWindow(0).save(str(out_dir / "xcb_screen.png"))  # what the X server shows
    window.grab().save(str(out_dir / "xcb_main_window.png"))
    print(f"pages: {', '.join(state['pages'])}", flush=True)
    state["done"] = True
    window.close()  # the app's own close path (stops sync, removes the idle filter), then the event loop ends


QTimer.singleShot(100, drive)
QTimer.singleShot(90_000, app.quit)  # never hang a CI run
code = run_app(data_dir=data_dir, lang="fa")
print(f"run_app returned {code}", flush=True)
sys.exit(0 if state["done"] and app.platformName() == "xcb" and code == 0 else 3)
