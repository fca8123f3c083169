"""Fixtures for the reception features (issue 15): the Persian theme, a reception session, two clients with
orders walked through the real core API, and reading a PDF back with poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass

import pytest

from maya_desktop.core.clients import create_client
from maya_desktop.core.orders import payments
from maya_desktop.core.orders.states import Status
from tests.factories import walk_order


@pytest.fixture(autouse=True)
def _persian(persian_theme) -> None:
    """Every test here starts in Persian (tests/conftest.py); `english` switches one test to English."""


@dataclass
class Two:
    """Client A with a paid order, a quoted order and a draft; client B with a paid order of another amount."""

    a: int
    b: int
    a_paid: int
    a_quoted: int
    a_draft: int
    b_paid: int


@pytest.fixture
def two(clinic) -> Two:
    r = clinic.reception
    a = create_client(r, "مهسا", "کاظمی‌نژاد", "09121110001", "mahsa@example.com").id
    b = create_client(r, "زهره", "بهرامی‌فر", "09121110002", None).id
    a_quoted = walk_order(r, clinic.doctor, a, Status.QUOTED, service="confidential_document")
    a_paid = walk_order(r, clinic.doctor, a, Status.QUOTED, service="confidential_document")
    price = r.conn.execute("SELECT price_rial FROM orders WHERE id = ?", (a_paid,)).fetchone()[0]
    payments.record_payment(r, a_paid, "درگاه سامان", "REF-A-11223344", price)
    b_paid = walk_order(r, clinic.doctor, b, Status.QUOTED, service="confidential_document")
    payments.record_payment(r, b_paid, "کارت‌خوان ملت", "REF-B-99887766", 7_777_770)
    a_draft = walk_order(r, clinic.doctor, a, Status.DRAFT, service="confidential_document")
    return Two(a, b, a_paid, a_quoted, a_draft, b_paid)


def plain(text: str) -> str:
    """Extracted PDF text compared by letters (NFKC folds presentation forms; bidi marks, ZWNJ, spaces and
    brackets dropped: pdftotext gives a mirrored bracket in right-to-left text as the other one)."""
    text = unicodedata.normalize("NFKC", text).replace("\u06c0", "\u0647").replace("\u0654", "")
    return "".join(
        ch
        for ch in text
        if ch not in "()\u200c\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" and not ch.isspace()
    )


def pdf_text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) not installed")
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
