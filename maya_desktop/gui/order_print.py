"""Print or save an order's quote or receipt (issue 15): a preview in Persian or English, then a printer or a PDF.

The data comes from the operations `orders.quote_document` / `orders.receipt_document` (run through PageOps, off
the GUI thread); the PDF is made in memory (reports.order_documents) and written only to the file the person
chose in the save dialog, or painted onto the printer they chose. Each output is then recorded by
`orders.document_issued` (audited: kind, language, printer or PDF). The language defaults to the client's notice
language. No quote / no payment yet: the core's refusal is shown in the dialog and nothing can be printed.

`add_print_buttons(detail)` is the order screen's hook: a button under the quote and one under the payments.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.operations.catalogue import ClientRef, OrderRef
from maya_desktop.core.operations.documents import DocumentIssued, OrderDocument
from maya_desktop.core.session import Session
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.page_ops import PageOps
from maya_desktop.gui.theme import current_lang
from maya_desktop.gui.widgets import role_button, wrapped_label
from maya_desktop.reports.order_documents import document_html, paint_order_document, render_order_document
from maya_desktop.reports.pdf import pdf_font

OPERATIONS = {"quote": "orders.quote_document", "receipt": "orders.receipt_document"}


class OrderPrintDialog(QDialog):
    """Preview + language + "Save as PDF…" + "Print…". `document` is None until the data arrived (or refused)."""

    def __init__(
        self,
        session: Session,
        order_id: int,
        kind: str,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in OPERATIONS:
            raise ValueError(f"kind must be 'quote' or 'receipt', not {kind!r}")
        self.setObjectName("orderPrintDialog")
        self.session, self.order_id, self.kind = session, order_id, kind
        self.document: OrderDocument | None = None
        self.refusal: BaseException | None = None
        self.ops = PageOps(self, session)
        self.setWindowTitle(self.tr("چاپ پیش‌فاکتور") if kind == "quote" else self.tr("چاپ رسید پرداخت"))
        self.resize(680, 760)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.language_label = QLabel(self.tr("زبان برگه"))
        top.addWidget(self.language_label)
        self.language = QComboBox()
        self.language.setObjectName("printLanguage")
        self.language.addItem(self.tr("فارسی"), "fa")
        self.language.addItem(self.tr("انگلیسی"), "en")
        self.language.setCurrentIndex(1 if current_lang() == "en" else 0)
        self.language.currentIndexChanged.connect(self.show_preview)
        top.addWidget(self.language)
        top.addStretch(1)
        layout.addLayout(top)
        self.preview = QTextBrowser()
        self.preview.setObjectName("printPreview")
        self.preview.setOpenLinks(False)
        layout.addWidget(self.preview, 1)
        self.message = wrapped_label("printMessage", "error", hidden=True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = role_button(self.tr("ذخیره به صورت PDF…"), "printSavePdf")
        self.save_button.clicked.connect(self.choose_file)
        self.print_button = QPushButton(self.tr("چاپ…"))
        self.print_button.setObjectName("printPrint")
        self.print_button.clicked.connect(self.choose_printer)
        close = QPushButton(self.tr("بستن"))
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.print_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.preview.setPlainText(self.tr("در حال آماده‌سازی…"))
        self.ops.run(OPERATIONS[kind], OrderRef(order_id), self._loaded, self._refused)
        if client_id is not None:
            self.ops.run("clients.notice_language", ClientRef(client_id), self._client_language, lambda _e: None)

    # -- data ---------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return str(self.language.currentData())

    def _client_language(self, lang: str) -> None:
        index = self.language.findData(lang)
        if index >= 0:
            self.language.setCurrentIndex(index)

    def _loaded(self, document: OrderDocument) -> None:
        self.document = document
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.show_preview()

    def _refused(self, exc: BaseException) -> None:
        self.refusal = exc
        self.preview.clear()
        self.preview.hide()
        self.language.hide()
        self.language_label.hide()
        self.message.setText(error_text(exc))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.show()

    def show_preview(self) -> None:
        if self.document is None:
            return
        doc = self.preview.document()
        doc.setDefaultFont(pdf_font(9.5))
        option = QTextOption()
        rtl = self.lang == "fa"
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        self.preview.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self.preview.setHtml(document_html(self.document, self.lang))

    # -- output -------------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        """No name of the client in the file name (file names travel: mail subjects, recent-file lists)."""
        return f"maya-{self.kind}-{self.order_id}-{self.lang}.pdf"

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("ذخیرهٔ برگه"), self.suggested_name(), self.tr("فایل PDF (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> bool:
        """Write the PDF to `path` (the person chose it) and record the output. False if it could not be written."""
        if self.document is None:
            return False
        data = render_order_document(self.document, self.lang)
        try:
            path.write_bytes(data)
        except OSError:
            self.message.setText(self.tr("فایل نوشته نشد. پوشهٔ دیگری انتخاب کنید."))
            self.message.show()
            return False
        self._issued("pdf")
        return True

    def choose_printer(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: object) -> int:
        """Paint the document on `printer` (a QPrinter) and record the output. Returns the page count."""
        if self.document is None:
            return 0
        pages = paint_order_document(printer, self.document, self.lang)  # type: ignore[arg-type]
        self._issued("printer")
        return pages

    def _issued(self, how: str) -> None:
        self.message.hide()
        self.ops.run("orders.document_issued", DocumentIssued(self.order_id, self.kind, self.lang, how))


# ---- the order screen's hook ---------------------------------------------------------------------
def open_print_dialog(detail: QWidget, kind: str) -> OrderPrintDialog | None:
    order = getattr(detail, "order", None)
    if order is None:
        return None
    dialog = OrderPrintDialog(detail.session, order.id, kind, detail, client_id=order.client_id)  # type: ignore[attr-defined]
    runner = getattr(detail, "exec_dialog", None)
    if callable(runner):
        runner(dialog)
    else:
        dialog.exec()
    return dialog


def add_print_buttons(detail: QWidget) -> dict[str, QPushButton]:
    """A "Print quote…" button under the order screen's quote and a "Print receipt…" one under its payments."""
    buttons: dict[str, QPushButton] = {}
    for kind, box_name, text in (
        ("quote", "quote_box", QCoreApplication.translate("OrderPrint", "چاپ یا ذخیرهٔ پیش‌فاکتور…")),
        ("receipt", "payments_box", QCoreApplication.translate("OrderPrint", "چاپ یا ذخیرهٔ رسید…")),
    ):
        box = getattr(detail, box_name, None)
        if box is None or box.layout() is None:
            continue
        button = QPushButton(text)
        button.setObjectName(f"print_{kind}")
        button.clicked.connect(lambda _checked=False, k=kind: open_print_dialog(detail, k))
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        box.layout().addLayout(row)
        buttons[kind] = button
    detail.print_buttons = buttons  # type: ignore[attr-defined]
    return buttons
