"""Confidential documents (service "confidential_document": translation / editing).

PDF, DOCX or plain text, checked by content (not by name), stored through the same encrypted
store as photos; quoted by word count. The original file name is not stored (it often holds a name).
Word count: counted for TXT and DOCX; for PDF it must be given (no PDF text extractor is bundled).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from maya_desktop.core import blobstore
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import StateError, ValidationError
from maya_desktop.core.orders import clock
from maya_desktop.core.orders.access import require_file_access
from maya_desktop.core.orders.keys import order_key
from maya_desktop.core.orders.lifecycle import check, file_imported, load_for_import
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.orders.records import get_order
from maya_desktop.core.orders.states import Action, Service
from maya_desktop.core.session import Session

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_DOCX_XML = 100 * 1024 * 1024
MAX_WORDS = 5_000_000
_DOCX_TEXT = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_DOCX_PARA = re.compile(rb"</w:p>|<w:tab/>|<w:br/>")


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    order_id: int
    doc_type: str
    word_count: int
    created_at: str


def _refuse(code: str) -> ValidationError:
    return ValidationError.coded(code, "document")


def _docx_words(data: bytes) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML:
                raise _refuse("documents.too_large")
            xml = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise _refuse("documents.docx_damaged") from exc
    xml = _DOCX_PARA.sub(b"<w:t> </w:t>", xml)
    text = b"".join(_DOCX_TEXT.findall(xml)).decode("utf-8", "replace")
    return len(text.split())


def detect(data: bytes) -> str:
    """'pdf' | 'docx' | 'txt' from the content; ValidationError otherwise."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise _refuse("documents.unsupported_type")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse("documents.not_utf8") from exc
    if "\x00" in text:
        raise _refuse("documents.not_text")
    return "txt"


def count_words(data: bytes, doc_type: str) -> int | None:
    if doc_type == "txt":
        return len(data.decode("utf-8-sig").split())
    if doc_type == "docx":
        return _docx_words(data)
    return None


def import_document(session: Session, order_id: int, data: bytes, word_count: int | None = None) -> DocumentInfo:
    """Store one document, encrypted. `word_count` overrides the count (required for PDF)."""
    order = load_order(session.conn, order_id)
    check(session, order, Action.IMPORT_FILES)
    if order.service != Service.CONFIDENTIAL_DOCUMENT:
        raise StateError.coded("documents.photos_order")
    if not data or len(data) > MAX_DOCUMENT_BYTES:
        raise _refuse("documents.empty_or_too_large")
    doc_type = detect(data)
    words = word_count if word_count is not None else count_words(data, doc_type)
    if words is None:
        raise ValidationError.coded("documents.word_count_missing", "word_count")
    if isinstance(words, bool) or not isinstance(words, int) or not 0 < words <= MAX_WORDS:
        raise ValidationError.coded("documents.word_count_invalid", "word_count")
    stored = blobstore.write_blob(
        session.vault.data_dir.blobs, order_key(session.conn, order_id), order_id, "document", data
    )
    ts = clock.text()
    with session.vault.lock, transaction(session.conn):
        current = load_for_import(session, order_id)
        blobstore.register_blob(session.conn, order_id, stored, ts)
        cur = session.conn.execute(
            "INSERT INTO documents(order_id, file_id, doc_type, word_count, created_at) VALUES (?, ?, ?, ?, ?)",
            (order_id, stored.file_id, doc_type, words, ts),
        )
        doc_id = int(cur.lastrowid)
        session.audit(
            "document.imported", f"order:{order_id}", {"document": doc_id, "file": stored.file_id, "type": doc_type}
        )
        file_imported(session, current)
    return DocumentInfo(doc_id, order_id, doc_type, words, ts)


def list_documents(session: Session, order_id: int) -> list[DocumentInfo]:
    get_order(session, order_id)
    rows = session.conn.execute(
        "SELECT id, order_id, doc_type, word_count, created_at FROM documents WHERE order_id = ? ORDER BY id",
        (order_id,),
    )
    return [DocumentInfo(*r) for r in rows]


def open_document(session: Session, document_id: int) -> bytes:
    """Decrypt a document (same rule as photos: consent / import step / break-glass). Audited."""
    row = session.conn.execute("SELECT order_id, file_id FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise _refuse("documents.not_found")
    order = load_order(session.conn, row[0])
    basis = require_file_access(session, order, "document")
    data = blobstore.read_blob(
        session.vault.data_dir.blobs, order_key(session.conn, order.id), order.id, row[1], "document"
    )
    session.audit("document.opened", f"order:{order.id}", {"document": document_id, "basis": basis})
    return data
