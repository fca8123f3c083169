"""A tampered photo (issue 12, item 7): a clear bilingual error from core, and the order screen says so."""

from __future__ import annotations

import pytest

from maya_desktop.core import photos
from maya_desktop.core.errors import MayaError
from maya_desktop.core.orders.states import Status
from tests.robustness.robust_helpers import walk


def test_a_tampered_photo_is_a_clear_error(clinic, small_faces) -> None:
    order_id = walk(clinic.reception, clinic.doctor, 1, Status.PHOTOS_IMPORTED, small_faces)
    photo = photos.list_photos(clinic.reception, order_id)[0]
    file_id = clinic.admin.conn.execute("SELECT file_id FROM photos WHERE id = ?", (photo.id,)).fetchone()[0]
    path = clinic.root / "photos" / file_id
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, in the middle of the ciphertext
    path.write_bytes(bytes(data))
    with pytest.raises(MayaError) as damaged:
        photos.open_photo(clinic.reception, photo.id)
    assert "damaged or was altered" in damaged.value.message_en
    assert damaged.value.message_fa != damaged.value.message_en


def test_the_order_screen_says_a_thumbnail_was_altered(qtbot, clinic, small_faces) -> None:
    from maya_desktop.gui.orders.order_detail import OrderDetail

    order_id = walk(clinic.reception, clinic.doctor, 1, Status.PHOTOS_IMPORTED, small_faces)
    thumb = clinic.admin.conn.execute(
        "SELECT thumb_file_id FROM photos WHERE order_id = ? ORDER BY id LIMIT 1", (order_id,)
    ).fetchone()[0]
    path = clinic.root / "photos" / thumb
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x01
    path.write_bytes(bytes(data))
    detail = OrderDetail(clinic.reception)
    qtbot.addWidget(detail)
    detail.show()
    detail.open_order(order_id)
    cards = list(detail.cards.values())
    assert len(cards) == 2 and sum(card.has_image() for card in cards) == 1
    damaged = next(card for card in cards if not card.has_image())
    assert "دستکاری" in damaged.thumb.text()
