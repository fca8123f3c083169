"""Qt's image reader over bytes held in memory (decrypted photos and thumbnails never reach the disk)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImageReader


@contextmanager
def image_reader(data: bytes) -> Iterator[QImageReader]:
    """A QImageReader over `data`; the buffer's copy of the bytes is dropped when the block ends.
    QImageReader.read() lets other Python threads run while it decodes (QImage.fromData holds the GIL)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        yield QImageReader(buffer)
    finally:
        buffer.close()
        buffer.setData(QByteArray())
