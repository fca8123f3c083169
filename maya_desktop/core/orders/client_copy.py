"""P7: the images belong to the client. Give them their photos and signed report, to a folder the
person at the desk chose (the client's USB stick, a folder to burn to disc) — the one place plaintext
leaves the program on purpose, so it is checked (same access rule as viewing) and audited."""

from __future__ import annotations

import os
from pathlib import Path

from maya_desktop.core.errors import NotFound, ValidationError
from maya_desktop.core.orders.findings import read_report_pdf
from maya_desktop.core.photos import list_photos, open_photo
from maya_desktop.core.session import Session


def _check_target(session: Session, folder: Path) -> Path:
    folder = folder.expanduser().resolve()
    data_root = session.vault.data_dir.root.resolve()
    if not folder.is_dir():
        raise ValidationError("Choose an existing folder.", "پوشه‌ای را که وجود دارد انتخاب کنید.", "folder")
    if folder == data_root or data_root in folder.parents:
        raise ValidationError(
            "Choose a folder outside the clinic's data folder.",
            "پوشه‌ای بیرون از پوشهٔ داده‌های برنامه انتخاب کنید.",
            "folder",
        )
    return folder


def export_client_copy(session: Session, order_id: int, folder: str | Path) -> list[Path]:
    """Write photo-01-frontal.jpg … and report.pdf (if signed) into `folder`. Names hold no personal data.

    Every photo is opened through core.photos.open_photo (consent / break-glass checked, each open audited).
    """
    target = _check_target(session, Path(folder))
    written: list[Path] = []
    for number, info in enumerate(list_photos(session, order_id), start=1):
        data = open_photo(session, info.id)
        written.append(_write_new(target / f"photo-{number:02d}-{info.view or 'unknown'}.jpg", data))
    try:
        written.append(_write_new(target / "report.pdf", read_report_pdf(session, order_id)))
    except NotFound:
        pass  # not signed yet: photos only
    session.audit("order.client_copy_exported", f"order:{order_id}", {"files": len(written)})
    return written


def _write_new(path: Path, data: bytes) -> Path:
    """Never overwrite something already on the client's medium."""
    stem, suffix, n = path.stem, path.suffix, 1
    while path.exists():
        n += 1
        path = path.with_name(f"{stem}-{n}{suffix}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path
