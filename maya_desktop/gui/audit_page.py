"""Audit log viewer (manager only; core enforces it): search, filters, pages, readable details, CSV export.

Every read and the export are named operations (core.operations.audit) run off the GUI thread through
`PageOps`; the page refreshes when an operation changed "audit". Long work (verifying the chain, the
export) shows a busy bar while the page stays usable. An answer that arrives after a lock is dropped.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jdatetime
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.audit import AuditEntry, AuditQuery
from maya_desktop.core.operations.audit import (
    AuditCheck,
    AuditChoices,
    AuditMatching,
    AuditPageResult,
    ExportAuditCsv,
    SearchAudit,
)
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.persian import format_jalali_date, to_ascii_digits
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_datetime
from maya_desktop.gui.jalali_date import JalaliDateEdit
from maya_desktop.gui.labels import (
    AUDIT_ACTION_LABELS,
    audit_action_label,
    audit_details_text,
    audit_object_text,
    interface_lang,
    number_text,
)
from maya_desktop.gui.messages import error_text, inform
from maya_desktop.gui.page_ops import NewestAnswer, PageOps
from maya_desktop.gui.search_box import search_field
from maya_desktop.gui.tables import read_only_table
from maya_desktop.gui.widgets import role_button
from maya_desktop.gui.workers import Task, run_in_background

PAGE_SIZE = 100
ANY = None  # the "everyone" / "every action" entry of a filter box


def parse_jalali_day(text: str) -> jdatetime.date | None:
    """A typed Jalali day ('۱۴۰۵/۰۹/۰۴' or '1405-9-4'); None if empty. ValueError if not a real day."""
    text = to_ascii_digits(text.strip()).replace("-", "/")
    if not text:
        return None
    parts = text.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(text)
    return jdatetime.date(int(parts[0]), int(parts[1]), int(parts[2]))


def _day_start_utc(day: jdatetime.date) -> datetime:
    """Local midnight at the start of a Jalali day, as a UTC instant (the log stores UTC)."""
    return datetime.combine(day.togregorian(), datetime.min.time()).astimezone().astimezone(UTC)


class AuditPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.offset = 0
        self.total = 0
        self.query = AuditQuery()
        self.reads = NewestAnswer()  # pages: only the answer to the newest one asked is shown
        self._export: Task | None = None  # the rows being put into words (no database there)
        self.exporting = False
        self.busy = False
        self.exported_rows: int | None = None  # the last export's row count (None: none, or it failed)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("گزارش رویدادها"))
        title.setProperty("role", "title")
        layout.addWidget(title)

        bar = QHBoxLayout()
        verify = QPushButton(self.tr("بررسی یکپارچگی زنجیره"))
        verify.setObjectName("verifyAudit")
        self.verify_button = verify
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.export_button = QPushButton(self.tr("خروجی CSV از همین فهرست…"))
        self.export_button.setObjectName("exportAudit")
        bar.addWidget(verify)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.progress = QProgressBar()
        self.progress.setObjectName("auditBusy")
        self.progress.setRange(0, 0)  # busy: reading, verifying or exporting off the GUI thread
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.ops.busy.connect(self._busy)

        layout.addLayout(self._filters())
        self.filter_error = QLabel()
        self.filter_error.setProperty("role", "error")
        layout.addWidget(self.filter_error)
        self.filter_error.hide()

        self.table = read_only_table(self.column_titles(), 5, "auditTable")
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)

        pager = QHBoxLayout()
        self.newer = QPushButton(self.tr("صفحهٔ قبل (جدیدتر)"))
        self.newer.setObjectName("auditNewer")
        self.older = QPushButton(self.tr("صفحهٔ بعد (قدیمی‌تر)"))
        self.older.setObjectName("auditOlder")
        self.page_label = QLabel()
        self.page_label.setObjectName("auditPageLabel")
        pager.addWidget(self.newer)
        pager.addStretch(1)
        pager.addWidget(self.page_label)
        pager.addStretch(1)
        pager.addWidget(self.older)
        layout.addLayout(pager)

        verify.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export_csv)
        self.newer.clicked.connect(lambda: self._go(self.offset - PAGE_SIZE))
        self.older.clicked.connect(lambda: self._go(self.offset + PAGE_SIZE))
        self.ops.refresh_on(("audit",), self.refresh)
        self.refresh()

    def _busy(self, busy: bool) -> None:
        self.busy = busy  # operations of this page are running (tests wait on it)
        self.progress.setVisible(busy or self.exporting)

    def column_titles(self) -> list[str]:
        return [
            self.tr("شماره"),
            self.tr("زمان"),
            self.tr("کاربر"),
            self.tr("رویداد"),
            self.tr("موضوع"),
            self.tr("جزئیات"),
        ]

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = search_field("auditSearch", self.tr("جست‌وجو در رویدادها (مثلاً «سفارش» یا order:12)"))
        self.person = QComboBox()
        self.person.setObjectName("auditPerson")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.since = JalaliDateEdit()  # issue 15: Jalali calendar popup
        self.since.setObjectName("auditSince")
        self.until = JalaliDateEdit()
        self.until.setObjectName("auditUntil")
        example = format_jalali_date(datetime.now(), "en" if interface_lang() == "en" else "fa")
        for box in (self.since, self.until):
            box.setPlaceholderText(example)
            box.setFixedWidth(120)
        apply_button = role_button(self.tr("پالایش"), "auditApply")
        clear = QPushButton(self.tr("همه"))
        clear.setObjectName("auditClear")
        row.addWidget(self.search, 2)
        row.addWidget(QLabel(self.tr("کاربر")))
        row.addWidget(self.person, 1)
        row.addWidget(QLabel(self.tr("رویداد")))
        row.addWidget(self.action, 1)
        row.addWidget(QLabel(self.tr("از")))
        row.addWidget(self.since)
        row.addWidget(QLabel(self.tr("تا")))
        row.addWidget(self.until)
        row.addWidget(apply_button)
        row.addWidget(clear)
        self.search.returnPressed.connect(self.apply_filters)
        apply_button.clicked.connect(self.apply_filters)
        clear.clicked.connect(self.clear_filters)
        self.person.activated.connect(lambda _index: self.apply_filters())
        self.action.activated.connect(lambda _index: self.apply_filters())
        return row

    def _fill_choices(self, choices: AuditChoices) -> None:
        """People and actions that occur in the log (kept as chosen when they are still there)."""
        person, action = self.person.currentData(), self.action.currentData()
        self.person.clear()
        self.person.addItem(self.tr("همه"), ANY)
        for name in choices.actors:
            self.person.addItem(name, name)
        self.action.clear()
        self.action.addItem(self.tr("همه"), ANY)
        for code in sorted(choices.actions, key=audit_action_label):
            self.action.addItem(audit_action_label(code), code)
        self.person.setCurrentIndex(max(0, self.person.findData(person)))
        self.action.setCurrentIndex(max(0, self.action.findData(action)))

    def build_query(self) -> AuditQuery:
        """The filters as typed; ValueError if a date is not a real Jalali day."""
        since_day, until_day = parse_jalali_day(self.since.text()), parse_jalali_day(self.until.text())
        text = self.search.text().strip()
        folded = text.casefold()
        named = tuple(code for code in AUDIT_ACTION_LABELS if text and folded in audit_action_label(code).casefold())
        action = self.action.currentData()
        return AuditQuery(
            actor=self.person.currentData(),
            actions=None if action is None else (action,),
            since=_day_start_utc(since_day).isoformat() if since_day else None,
            until=(_day_start_utc(until_day + timedelta(days=1)).isoformat() if until_day else None),
            text=text,
            text_actions=named,
        )

    def apply_filters(self) -> None:
        try:
            query = self.build_query()
        except ValueError:
            self.filter_error.setText(self.tr("تاریخ را به شکل سال/ماه/روز شمسی بنویسید، مثلاً ۱۴۰۵/۰۹/۰۴."))
            self.filter_error.show()
            return
        self.filter_error.setText("")
        self.filter_error.hide()
        self.query = query
        self._go(0)

    def clear_filters(self) -> None:
        for box in (self.search, self.since, self.until):
            box.clear()
        self.person.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.apply_filters()

    def refresh(self) -> None:
        """Re-read the choices and the current page (when built, and after anything changed the log)."""
        self.ops.run("audit.choices", NoRequest(), self._fill_choices, self._failed)
        self._go(self.offset)

    def _failed(self, exc: BaseException) -> None:
        self.filter_error.setText(error_text(exc))
        self.filter_error.show()

    def _go(self, offset: int) -> None:
        self.reads.run(
            self.ops,
            "audit.search",
            SearchAudit(self.query, offset, PAGE_SIZE),
            lambda asked, result: self._show(result) if self.reads.is_newest(asked) else None,
            lambda _asked, exc: self._failed(exc),
        )

    def _show(self, result: AuditPageResult) -> None:
        self.total, self.offset = result.total, result.offset
        rows = result.entries
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            for column, value in enumerate(self.row_texts(entry)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        pages = max(1, -(-self.total // PAGE_SIZE))
        self.page_label.setText(
            self.tr("صفحهٔ {0} از {1} — {2} رویداد").format(
                number_text(self.offset // PAGE_SIZE + 1), number_text(pages), number_text(self.total)
            )
        )
        self.newer.setEnabled(self.offset > 0)
        self.older.setEnabled(self.offset + PAGE_SIZE < self.total)
        self.export_button.setEnabled(self.total > 0 and not self.exporting)

    @staticmethod
    def row_texts(entry: AuditEntry) -> list[str]:
        """One entry as the manager reads it: labels in the interface language, never raw JSON."""
        return [
            number_text(entry.id),
            show_datetime(entry.ts),
            entry.actor,
            audit_action_label(entry.action),
            audit_object_text(entry.object_ref),
            audit_details_text(entry.details),
        ]

    def export_csv(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("خروجی گزارش رویدادها"), f"maya-audit-{stamp}.csv", self.tr("فایل CSV (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the filtered view (every page of it) to `path`, off the GUI thread: the entries are read by
        an operation, put into words in a worker (the interface language; no database there), then written
        whole and audited (row count only) by another. `exported_rows` holds the count when done."""
        if self.exporting:
            return
        query, titles = self.query, tuple(self.column_titles())
        self.exporting, self.exported_rows = True, None
        self.export_button.setEnabled(False)
        self.progress.show()

        def words(entries: tuple[AuditEntry, ...]) -> None:
            self._export = run_in_background(
                lambda: tuple(tuple(self.row_texts(e)) for e in entries), on_done=write, on_error=self._export_failed
            )

        def write(rows: tuple[tuple[str, ...], ...]) -> None:
            self._export = None
            request = ExportAuditCsv(path, titles, rows, query.is_filtered)
            self.ops.run("audit.export_csv", request, self._exported, self._export_failed)

        self.ops.run("audit.matching", AuditMatching(query), words, self._export_failed)

    def _export_ended(self) -> None:
        self.exporting = False
        self.progress.setVisible(False)
        self.export_button.setEnabled(self.total > 0)

    def _exported(self, rows: int) -> None:
        self._export_ended()
        self.exported_rows = rows
        inform(self, self.tr("{0} رویداد در فایل CSV ذخیره شد.").format(number_text(rows)))

    def _export_failed(self, exc: BaseException) -> None:
        self._export = None
        self._export_ended()
        if isinstance(exc, OSError):
            self.filter_error.setText(self.tr("فایل نوشته نشد. پوشهٔ دیگری انتخاب کنید."))
            self.filter_error.show()
        else:
            self._failed(exc)

    def verify(self) -> None:
        """Check the chain and the anchor off the GUI thread (long on a big log); the page stays usable."""
        self.verify_button.setEnabled(False)
        self.status.setProperty("role", "")
        self.status.setText(self.tr("در حال بررسی زنجیره…"))
        self.ops.run("audit.verify", NoRequest(), self._verified, self._verify_failed)

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.status.setText(error_text(exc))

    def _verified(self, result: AuditCheck) -> None:
        self.verify_button.setEnabled(True)
        good = result.ok and result.anchored
        if not result.ok:
            bad = number_text(result.first_bad_id or 0)
            self.status.setText(self.tr("زنجیره از رویداد {0} شکسته است.").format(bad))
        elif not result.anchored:
            text = self.tr("زنجیره سالم است، اما گزارش رویدادها به عقب برگشته یا بازنویسی شده است.")
            anchor = result.anchor_en if interface_lang() == "en" else result.anchor_fa
            self.status.setText(f"{text} {anchor}" if anchor else text)
        else:
            self.status.setText(self.tr("زنجیره سالم است ({0} رویداد).").format(number_text(result.count)))
        self.status.setProperty("role", "" if good else "error")
        self.status.style().polish(self.status)
