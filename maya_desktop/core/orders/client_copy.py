"""P7: the images belong to the client. Give them their photos and signed report, to a folder the
person at the desk chose (the client's USB stick, a folder to burn to disc) — the one place plaintext
leaves the program on purpose for the client, so it is checked (same access rule as viewing) and audited.

The copy appears as one new folder `maya-client-copy-<order id>` (or `-2`, `-3`…) inside the chosen
folder, whole or not at all (`core.export_staging`, shared with the court export): the files are
decrypted into a hidden `.maya-partial-…` folder there, after `order.client_copy_started` is committed,
and that folder is renamed into place in the same transaction as `order.client_copy_exported`. A failure
removes it and is audited (`order.client_copy_failed`); partial folders a crashed attempt left are removed
by the next export into that folder (`order.client_copy_partial_removed`).

`check_export_folder` and `write_new_file` live in `core.export_staging` (re-exported here).
"""

from __future__ import annotations

from pathlib import Path

from maya_desktop.core.db import transaction
from maya_desktop.core.errors import NotFound
from maya_desktop.core.export_staging import (
    PARTIAL_PREFIX,
    ExportAudit,
    check_export_folder,
    staged_export,
    write_new_file,
)
from maya_desktop.core.orders.access import require_file_access
from maya_desktop.core.orders.findings import read_report_pdf
from maya_desktop.core.orders.model import load_order
from maya_desktop.core.photos import list_photos, open_photo
from maya_desktop.core.session import Session

__all__ = ["FOLDER_STEM", "PARTIAL_PREFIX", "check_export_folder", "export_client_copy", "write_new_file"]

FOLDER_STEM = "maya-client-copy-"


def export_client_copy(session: Session, order_id: int, folder: str | Path) -> list[Path]:
    """Write photo-01-frontal.jpg … and report.pdf (if signed) into a new folder
    `maya-client-copy-<order id>` inside `folder`; returns the files (in their final place).
    Names hold no personal data.

    Every photo is opened through core.photos.open_photo (consent / break-glass checked, each open audited).
    """
    target = check_export_folder(session, folder)
    infos = list_photos(session, order_id)  # the order is visible to this person
    require_file_access(session, load_order(session.conn, order_id), "client_copy")  # before anything is made
    ref = f"order:{order_id}"
    audit = ExportAudit(
        ref,
        {},
        started="order.client_copy_started",
        failed="order.client_copy_failed",
        swept="order.client_copy_partial_removed",
    )
    with staged_export(session, target, audit) as stage:
        written: list[Path] = []
        for number, info in enumerate(infos, start=1):
            data = open_photo(session, info.id)
            written.append(write_new_file(stage.folder / f"photo-{number:02d}-{info.view or 'unknown'}.jpg", data))
        try:
            written.append(write_new_file(stage.folder / "report.pdf", read_report_pdf(session, order_id)))
        except NotFound:
            pass  # not signed yet: photos only
        with transaction(session.conn):
            session.audit("order.client_copy_exported", ref, {"files": len(written)})
            final = stage.publish(f"{FOLDER_STEM}{order_id}")  # inside: a failed commit takes it back
    return [final / path.name for path in written]
