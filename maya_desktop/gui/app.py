"""Start the desktop app: setup wizard on first run, then login, agreement, main window.

Only what the login window needs is imported before it shows; the rest loads while the person types.

On a network workstation (paired with the clinic's vault host by `maya-desktop pair`; started with
`maya-desktop --workstation`, or plainly when this PC has no vault of its own but a pairing) the first
screen is the connection screen (gui.connect_dialog): sign-in through the host, then the same windows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from maya_desktop.core.paths import DataDir
from maya_desktop.core.prefs import load_language
from maya_desktop.gui.gc_on_gui_thread import collect_on_gui_thread
from maya_desktop.gui.theme import apply_theme


def sign_in(data_dir: DataDir, network_dir: Path | None = None, host: str = ""):  # type: ignore[no-untyped-def]
    """Setup (first run) or login, then the confidentiality agreement. None if the person gave up."""
    if network_dir is not None:
        from maya_desktop.gui.connect_dialog import ConnectDialog

        if not (network_dir / "host.json").exists():  # not paired yet: the host's address and a code first
            from maya_desktop.gui.pair_dialog import PairDialog

            if PairDialog(network_dir, host).exec() != QDialog.DialogCode.Accepted:
                return None

        connect = ConnectDialog(network_dir, data_dir)
        if connect.exec() != QDialog.DialogCode.Accepted or connect.session is None:
            return None
        session = connect.session
    elif not data_dir.is_initialized():
        from maya_desktop.gui.setup_wizard import SetupWizard

        wizard = SetupWizard(data_dir.root)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.session is None:
            return None
        session = wizard.session
    else:
        from maya_desktop.gui.login import LoginDialog, warm_up_imports

        login = LoginDialog(data_dir.root)
        login.show()
        QThreadPool.globalInstance().start(warm_up_imports)
        if login.exec() != QDialog.DialogCode.Accepted or login.session is None:
            return None
        session = login.session
    show_open_findings(session)
    from maya_desktop.core.staff import needs_agreement
    from maya_desktop.gui.agreement import AgreementDialog

    if needs_agreement(session) and AgreementDialog(session).exec() != QDialog.DialogCode.Accepted:
        from maya_desktop.gui.operations import forget

        forget(session)  # the operations' database thread closes its connection first
        session.vault.close()
        return None
    return session


def show_open_findings(session) -> None:  # type: ignore[no-untyped-def]
    """What the login found (audit log went back, refused key slots): said plainly, once, at sign-in."""
    findings = session.extra.get("open_findings") or []
    if not findings:
        return
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from maya_desktop.gui.theme import current_lang

    english = current_lang() == "en"
    text = "\n\n".join(en if english else fa for en, fa in findings)
    QMessageBox.warning(None, QCoreApplication.translate("App", "هشدار امنیتی"), text)


def watch_integrity(session, window) -> None:  # type: ignore[no-untyped-def]
    """While the background database check runs: if it fails, say so by name and close the app."""
    gate = session.vault.integrity
    if gate is None:
        return
    from maya_desktop.core.integrity_gate import FAILED
    from maya_desktop.gui.messages import show_error

    timer = QTimer(window)

    def poll() -> None:
        if not gate.wait(0):
            return
        timer.stop()
        if gate.state == FAILED and gate.error is not None:
            show_error(window, gate.error)
            QApplication.instance().quit()

    timer.timeout.connect(poll)
    timer.start(250)


def workstation_folder(data_dir: DataDir, asked: str | Path | None, host: str | None = None) -> Path | None:
    """The pairing to run with: the one asked for (`--workstation [DIR]`), else the default one when this PC
    has no vault of its own and was paired; None: the single-PC app on this PC's own vault."""
    from maya_desktop.commands.network import default_config_dir

    if asked:
        return Path(asked)
    if asked == "" or host:
        return default_config_dir()
    if asked is None and not data_dir.is_initialized() and (default_config_dir() / "host.json").exists():
        return default_config_dir()
    return None


def run_app(
    data_dir: str | Path | None = None,
    lang: str | None = None,
    workstation: str | Path | None = None,
    host: str | None = None,
) -> int:
    """`workstation`: a pairing folder, or "" for the default one (see `workstation_folder`); `host`: the vault
    host's address, for pairing this PC first when it is not paired yet."""
    app = QApplication.instance() or QApplication(sys.argv)
    collect_on_gui_thread(app)  # Qt objects are freed on the GUI thread only (see gui.gc_on_gui_thread)
    app.setApplicationName("Maya Desktop")
    app.setOrganizationName("Maya Beauty Collection")
    folder = DataDir.at(data_dir)
    apply_theme(app, lang or load_language(folder))
    network_dir = workstation_folder(folder, workstation, host)
    from PySide6.QtCore import QEventLoop

    while True:  # again after "switch user" on the lock screen
        session = sign_in(folder, network_dir, host or "")
        if session is None:
            return 0
        # Vault.open removes crash leftovers and destroys what is due (P6) before any worker; with the background
        # database check it does so on the checker's connection as soon as the check passes.
        from maya_desktop.gui.main_window import MainWindow

        window = MainWindow(session)
        window.show()
        watch_integrity(session, window)
        try:
            code = app.exec()
        finally:
            session.vault.close()
        if not window.switching:
            return code
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
