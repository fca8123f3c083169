"""P7: the images belong to the client. Give them their photos and signed report, to a folder the
person at the desk chose (the client's USB stick, a folder to burn to disc) — the one place plaintext
leaves the program on purpose, so it is checked (same access rule as viewing) and audited.

`check_export_folder` and `write_new_file` are shared with the court export (`core.legal.export`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from maya_desktop.core.errors import NotFound, ValidationError
from maya_desktop.core.orders.findings import read_report_pdf
from maya_desktop.core.photos import list_photos, open_photo
from maya_desktop.core.session import Session

PARTIAL_PREFIX = ".maya-partial-"


def check_export_folder(session: Session, folder: str | Path) -> Path:
    """An existing folder outside the clinic's data folder (resolved), or ValidationError."""
    folder = Path(folder).expanduser().resolve()
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
    target = check_export_folder(session, folder)
    written: list[Path] = []
    for number, info in enumerate(list_photos(session, order_id), start=1):
        data = open_photo(session, info.id)
        written.append(write_new_file(target / f"photo-{number:02d}-{info.view or 'unknown'}.jpg", data))
    try:
        written.append(write_new_file(target / "report.pdf", read_report_pdf(session, order_id)))
    except NotFound:
        pass  # not signed yet: photos only
    session.audit("order.client_copy_exported", f"order:{order_id}", {"files": len(written)})
    return written


def write_new_file(path: Path, data: bytes) -> Path:
    """Write `data` under `path`'s name, or `name-2`, `name-3`… : never overwrites anything on the medium.

    The bytes go to a hidden temporary name in the *same* folder (never the system temp folder), are
    flushed to disk, and only then take the final name, which was reserved (created empty, exclusively)
    beforehand: nobody sees a half-written file under the final name, and a name taken meanwhile by
    someone else is never replaced. Returns the path written.
    """
    stem, suffix, n = path.stem, path.suffix, 1
    while True:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600))
            break
        except FileExistsError:
            n += 1
            path = path.with_name(f"{stem}-{n}{suffix}")
    tmp = path.with_name(f"{PARTIAL_PREFIX}{secrets.token_hex(8)}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)  # replaces only our own empty reservation
    except BaseException:
        for leftover in (tmp, path):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    return path
