"""Main window: navigation by role, status bar, auto-lock.

The same window runs on a network workstation (gui.workstation_session): its pages' operations go to the
vault host, the status bar shows the link to the host, and what only the vault's own PC can do (sync,
client notices, the periodic purge) is left to it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from maya_desktop.core.clinic_settings import EDITABLE_INTS
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.periodic import periodic_housekeeping
from maya_desktop.core.persian import format_jalali_date
from maya_desktop.core.prefs import save_language
from maya_desktop.core.roles import allowed
from maya_desktop.core.session import Session
from maya_desktop.core.signin import begin_lock, wait_lock_finished
from maya_desktop.gui.audit_page import AuditPage
from maya_desktop.gui.backups_page import BackupsPage
from maya_desktop.gui.clients_page import ClientsPage
from maya_desktop.gui.doctor.cases_page import CasesPage
from maya_desktop.gui.labels import embedded, role_label
from maya_desktop.gui.legal_page import LegalPage
from maya_desktop.gui.lock import IdleWatcher, LockScreen, finish_lock_in_background
from maya_desktop.gui.notices_page import NoticesPage
from maya_desktop.gui.operations import forget as forget_operations
from maya_desktop.gui.operations import operations_for
from maya_desktop.gui.orders.price_rules_page import PriceRulesPage
from maya_desktop.gui.orders_page import OrdersPage
from maya_desktop.gui.page_ops import NewestAnswer, NumberedReads
from maya_desktop.gui.settings_page import SettingsPage
from maya_desktop.gui.staff_page import StaffPage
from maya_desktop.gui.theme import current_lang, icon
from maya_desktop.gui.workstation_session import is_workstation, remote_vault
from maya_desktop.gui.workstation_session import lock as lock_workstation


class _LinkRelay(QObject):
    """The host link's state, from the events thread to the GUI thread."""

    state = Signal(str)


# The pages that run entirely on named operations, so they work on a network workstation too (the staff page:
# staff.* on the host, passwords over the pinned channel; the network page: network.* on the host). The others
# still reach the vault directly or name files and folders where the vault is (settings: the backup folder;
# backups, legal requests, client notices): on a workstation they are left to the vault host's own PC.
WORKSTATION_SECTIONS = frozenset({"clients", "orders", "cases", "emergency", "prices", "audit", "staff", "network"})


def hosts_a_network(session: Session) -> bool:
    """This PC's vault serves (or was made ready to serve) workstations: its network folder exists."""
    from maya_desktop.network.registry import folder_of

    data_dir = getattr(session.vault, "data_dir", None)
    return data_dir is not None and folder_of(data_dir.root).is_dir()


def _network_page(session: Session, parent: QWidget) -> QWidget:
    from maya_desktop.gui.network_page import NetworkPage  # (loads the network operations only when shown)

    return NetworkPage(session, parent)


class MainWindow(QMainWindow, NumberedReads):
    locked = Signal()  # pages drop decrypted pixels / personal data on screen (orders)
    unlocked = Signal()
    PURGE_INTERVAL_MS = 10 * 60_000

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.workstation = is_workstation(session)  # a network workstation: the vault is on the host
        self.operations = operations_for(session)  # the one DB thread of this session (core.operations)
        self.reads = NewestAnswer(self)  # the clinic's name and the auto-lock minutes, read without waiting
        self.clinic: str | None = None  # until its answer comes (the title says "Maya" meanwhile)
        self.setWindowTitle(self.tr("مایا"))
        self.resize(1100, 700)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setProperty("role", "nav")
        self.nav.setFixedWidth(190)
        self.pages = QStackedWidget()
        self.page_by_key: dict[str, QWidget] = {}
        for key, label, icon_name, permission, factory in self._sections():
            if permission and not allowed(session.role, permission):
                continue
            if self.workstation and key not in WORKSTATION_SECTIONS:
                continue
            if key == "network" and not self.workstation and not hosts_a_network(session):
                continue  # a single PC that never served workstations: nothing to administer
            page = factory(session, self)
            self.page_by_key[key] = page
            self.pages.addWidget(page)
            item = QListWidgetItem(icon(icon_name), label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        if "cases" in self.page_by_key and session.role == "doctor":
            self.show_page("cases")  # the doctor starts on "My cases" (the client's name, not "Client #51")

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.lock_screen = LockScreen(session)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.switch_user.connect(self.switch_user)
        self.switching = False  # run_app shows the login window again when this window closed for a switch
        self.outer = QStackedWidget()
        self.outer.addWidget(body)
        self.outer.addWidget(self.lock_screen)
        self.setCentralWidget(self.outer)

        self._build_actions()
        self._build_status_bar()
        self.sync = self.notices = None
        if self.workstation:
            self._build_link()
        else:  # sync, notices and the purge run where the vault is
            self._build_sync()
            self._build_notices()
        # the default minutes until the clinic's own come (`_read_clinic`)
        self.idle = IdleWatcher(float(EDITABLE_INTS["auto_lock_minutes"].default), self)
        self.idle.idle.connect(self.lock)
        self._read_clinic()
        QApplication.instance().installEventFilter(self.idle)
        self._purge_task = None
        self.purge_timer = QTimer(self)  # P6: destroy what is due while the app stays open
        self.purge_timer.setInterval(self.PURGE_INTERVAL_MS)
        self.purge_timer.timeout.connect(self.purge_in_background)
        if not self.workstation:
            self.purge_timer.start()

    def _sections(self):  # type: ignore[no-untyped-def]
        return (
            ("clients", self.tr("مشتریان"), "clients", "clients.read", ClientsPage),
            ("orders", self.tr("سفارش‌ها"), "orders", None, OrdersPage),
            ("cases", self.tr("پرونده‌های من"), "doctor", "orders.review", CasesPage),
            ("emergency", self.tr("دسترسی اضطراری"), "emergency", "breakglass", CasesPage),
            ("prices", self.tr("قیمت‌ها"), "prices", "prices.manage", PriceRulesPage),
            ("staff", self.tr("کارکنان"), "staff", "staff.manage", StaffPage),
            ("audit", self.tr("گزارش رویدادها"), "audit", "audit.read", AuditPage),
            ("network", self.tr("شبکهٔ کلینیک"), "network", "network.manage", _network_page),
            ("legal", self.tr("درخواست‌های قانونی"), "legal", "legal.manage", LegalPage),
            ("settings", self.tr("تنظیمات"), "settings", "settings.manage", SettingsPage),
            ("backups", self.tr("پشتیبان‌ها"), "backups", "settings.manage", BackupsPage),
            ("notices", self.tr("اعلان‌های مشتری"), "notices", "settings.manage", NoticesPage),
        )

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("برنامه"))
        lock_action = QAction(icon("lock"), self.tr("قفل کردن"), self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.triggered.connect(self.lock)
        menu.addAction(lock_action)
        lang_menu = menu.addMenu(self.tr("زبان"))
        for code, label in (("fa", "فارسی"), ("en", "English")):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(current_lang() == code)
            action.triggered.connect(lambda _checked=False, c=code: self.change_language(c))
            lang_menu.addAction(action)
        if allowed(self.session.role, "settings.manage") and not self.workstation:
            sync_action = QAction(icon("settings"), self.tr("تنظیمات همگام‌سازی…"), self)
            sync_action.setObjectName("syncSettingsAction")
            sync_action.triggered.connect(self.open_sync_settings)
            menu.addAction(sync_action)
        account_action = QAction(self.tr("حساب من…"), self)
        account_action.triggered.connect(self.open_account)
        menu.addAction(account_action)
        quit_action = QAction(self.tr("خروج"), self)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.toolbar = self.addToolBar(self.tr("ابزار"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(lock_action)

    def _read_clinic(self) -> None:
        """The clinic's name (title and status bar) and its auto-lock minutes, from the database thread."""
        self.reads.run(self.operations, "clinic.info", NoRequest(), lambda _t, info: self._show_clinic(info.name))
        self.reads.run(
            self.operations,
            "settings.auto_lock_minutes",
            NoRequest(),
            lambda _t, minutes: self.idle.set_minutes(float(minutes)),
        )

    def _show_clinic(self, name: str) -> None:
        self.clinic = name
        self.setWindowTitle(self.tr("مایا — {0}").format(embedded(name)))
        self.clinic_label.setText(name)

    def _build_status_bar(self) -> None:
        staff = self.session.staff
        today = format_jalali_date(datetime.now(), "en" if current_lang() == "en" else "fa")
        self.user_label = QLabel(f"{embedded(staff.display_name)} ({role_label(staff.role)})")
        self.statusBar().addPermanentWidget(QLabel(today))
        self.statusBar().addWidget(self.user_label)
        self.clinic_label = QLabel()  # the clinic's name when it is read
        self.statusBar().addWidget(self.clinic_label)

    def _build_sync(self) -> None:
        """Background sync (own DB connection, own thread) + its status-bar widget (DESIGN §6)."""
        from maya_desktop.gui.sync_status import SyncController, SyncStatusWidget

        self.sync = SyncController(self.session, self)
        self.sync_status = SyncStatusWidget(self.sync)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.sync.start()

    def _build_notices(self) -> None:
        """Client notices (core/notices): their own DB connection and thread, like sync."""
        from maya_desktop.gui.notice_sender import NoticeController

        self.notices = NoticeController(self.session, self)
        self.notices.start()

    def _build_link(self) -> None:
        """A workstation's link to the vault host, in the status bar; a revoked workstation or a host that
        forgot this session (restarted) locks the screen."""
        self.host_status = QLabel(self.tr("متصل به میزبان"))
        self.host_status.setObjectName("hostLink")
        self.statusBar().addPermanentWidget(self.host_status)
        self._link = _LinkRelay(self)
        self._link.state.connect(self.on_link)
        remote_vault(self.session).on_link(self._link.state.emit)

    def on_link(self, state: str) -> None:
        texts = {
            "connected": self.tr("متصل به میزبان"),
            "unreachable": self.tr("میزبان در دسترس نیست؛ دوباره تلاش می‌شود…"),
            "signed_out": self.tr("میزبان این ورود را نمی‌شناسد؛ دوباره وارد شوید."),
            "revoked": self.tr("دسترسی این رایانه لغو شده است."),
            "not_paired": self.tr("دسترسی این رایانه لغو شده است."),
        }
        self.host_status.setText(texts.get(state, state))
        self.host_status.setProperty("role", None if state == "connected" else "error")
        if state in ("signed_out", "revoked", "not_paired") and not self.session.locked:
            self.lock()  # nothing of a client stays on screen; the person signs in again (or a manager acts)

    def open_sync_settings(self) -> None:
        from maya_desktop.gui.sync_settings import SyncSettingsDialog

        if SyncSettingsDialog(self.session, self).exec():
            self.sync.restart()

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)

    def show_order(self, order_id: int) -> None:
        """Switch to the orders page and open one order (used by the clients page's new-order button)."""
        self.show_page("orders")
        page = self.page_by_key.get("orders")
        if page is not None and hasattr(page, "open_order"):
            page.open_order(order_id)

    def purge_in_background(self) -> None:
        """Every 10 minutes: purge and scheduled backup off the GUI thread, on their own connection."""
        if self.session.locked or self._purge_task is not None or self.workstation:
            return
        from maya_desktop.gui.workers import run_in_background

        self._purge_task = run_in_background(
            periodic_housekeeping, self.session, on_done=self._purged, on_error=self._purge_failed
        )

    def _purged(self, report) -> None:  # type: ignore[no-untyped-def]
        self._purge_task = None
        if report.destroyed or report.expired:
            page = self.page_by_key.get("orders")
            if page is not None and hasattr(page, "refresh"):
                page.refresh()
                detail = getattr(page, "detail", None)
                if detail is not None and page.isVisible():
                    detail.reload()

    def _purge_failed(self, exc: BaseException) -> None:
        self._purge_task = None  # locked meanwhile, or a transient error: the next tick tries again

    def lock(self) -> None:
        if self.session.locked:
            return
        self.session.locked = True  # refused by core from now on; pages see it while they clear
        self.locked.emit()  # pages drop what they show (and save drafts) while the vault is still open
        if self.workstation:
            # the host locks this person's session (connection, keys), told off the GUI thread
            lock_workstation(self.session)
        else:
            if self.sync is not None:
                self.sync.stop()
            if self.notices is not None:
                self.notices.stop()
            begin_lock(self.session, wipe_now=True)  # keys zeroed now; an unlock waits for the rest of the lock
            # the audit entry, closing the connection and zeroing the keys: off the GUI thread (core.signin)
            finish_lock_in_background(self.session)
        self.outer.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.toolbar.setEnabled(False)
        self.lock_screen.password.setFocus()

    def unlock(self) -> None:
        self.outer.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.toolbar.setEnabled(True)
        self.idle.timer.start()
        if self.clinic is None:  # locked before the first answer came (refused): read again
            self._read_clinic()
        self.unlocked.emit()
        if self.sync is not None and self.notices is not None:
            self.sync.start()
            self.notices.start()

    def switch_user(self) -> None:
        """From the lock screen: close this (locked) window; the app asks who signs in next."""
        self.switching = True
        self.close()

    def open_account(self) -> None:
        from maya_desktop.gui.account_dialog import AccountDialog

        AccountDialog(self.session, self).exec()

    def change_language(self, lang: str) -> None:
        save_language(self.session.vault.data_dir, lang)
        QMessageBox.information(
            self,
            "Maya",
            self.tr("زبان پس از اجرای دوبارهٔ برنامه عوض می‌شود.")
            if lang == "fa"
            else "The language changes the next time the program starts.",
        )

    def wait_locked(self, timeout: float | None = 30.0) -> bool:
        """Wait until a lock under way has closed the vault (for the app's exit, and for tests)."""
        return wait_lock_finished(self.session, timeout)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wait_locked()  # a lock still closing finishes before the vault is closed at exit
        QApplication.instance().removeEventFilter(self.idle)
        if self.sync is not None and self.notices is not None:
            self.sync.shutdown()
            self.notices.shutdown()
        forget_operations(self.session)
        super().closeEvent(event)
