"""P5/P6/P8: the whole workflow leaves no personal value and no photo bytes readable anywhere on disk.

Clients -> orders with real photos (core.photos.import_photos, with the analysis) -> views -> quote ->
payment -> consent -> review + report -> delivery -> destruction (purge, retention 0) -> backups.
Then every file of the data folder, the backups, the isolated temp dir and any log is scanned for every
personal value (UTF-8, UTF-16 LE/BE) and for the photos (magic, signatures, samples of their bytes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from robust_helpers import PASSWORD, decrypted_files, walk_step

from maya_desktop.core import backup
from maya_desktop.core.clients import create_client
from maya_desktop.core.db import transaction
from maya_desktop.core.orders import housekeeping, records
from maya_desktop.core.orders.states import Status
from maya_desktop.core.settings import set_setting
from maya_desktop.core.vault import Vault
from tests.helpers_scan import client_needles, scan_files

CLIENTS = [
    ("گلاره", "میرزایی", "09357771234", "golareh.mirzaei@example.org"),
    ("Bahareh", "Zandieh", "0912 888 4321", "bz-private@example.net"),
]
REPORT = "Findings for the nose: dorsal hump 3 mm, wide alar base; suggest tip refinement."
REFERENCE = "774411993355"


def test_full_workflow_leaves_no_plaintext(clinic, faces: Path, systmp: Path, tmp_path: Path) -> None:
    r, d, admin = clinic.reception, clinic.doctor, clinic.admin
    with transaction(admin.conn):
        set_setting(admin.conn, "retention_days_after_delivery", 0)
    needles: set[str] = {REPORT, REFERENCE}
    originals = [(faces / n).read_bytes() for n in ("obama.jpg", "profile_left_cameraman.jpg", "astronaut.png")]
    order_ids = []
    for first, last, mobile, email in CLIENTS:
        client = create_client(r, first, last, mobile, email, True)
        needles |= client_needles(client.first_name, client.last_name, client.mobile, client.email)
        needles.add(mobile)
        order_ids.append(records.create_order(r, client.id, "rhinoplasty_analysis").id)

    destroyed, kept = order_ids
    steps = [Status.PHOTOS_IMPORTED, Status.ANALYZED, Status.QUOTED, Status.PAID]
    for order_id, photos in ((destroyed, originals[:2]), (kept, originals[1:])):
        for step in steps:
            walk_step(r, d, order_id, step, photos, analysis=True)
    from maya_desktop.core.orders import payments

    assert payments.list_payments(r, kept)[0].reference == "987654321"
    cleaned = list(decrypted_files(admin.conn, admin.vault.data_dir.blobs).values())  # the stored JPEGs
    assert any(c.startswith(b"\xff\xd8\xff") for c in cleaned)
    backups = tmp_path / "backups"
    with_photos = backup.create_backup(admin, backups / "with-photos.mayabak")  # photos of both orders inside

    for step in (Status.CONSENTED, Status.IN_REVIEW, Status.DELIVERED):
        walk_step(r, d, destroyed, step, [], report=REPORT)
    report = housekeeping.purge_due(r, dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1))
    assert [x.order_id for x in report.destroyed] == [destroyed]
    assert report.destroyed[0].files  # its photos, thumbnails and report were destroyed
    backup.configure_scheduled_backup(admin, backups / "auto")
    assert backup.run_scheduled_backup(r).status == "created"

    folders = [clinic.root, backups, systmp]
    logs = [p for p in (Path.cwd(), clinic.root.parent) for p in p.glob("*.log")]
    photos = originals + cleaned
    while_open = scan_files(folders + logs, needles, photos)
    assert while_open.hits == []
    for session in (r, d, admin):
        session.vault.close()
    after = scan_files(folders + logs, needles, photos)
    assert after.hits == []
    assert after.files >= 8 and with_photos.files >= 8
    print(
        f"\nno-plaintext scan: {after.files} files, {after.bytes / 1e6:.1f} MB, {len(needles)} values, "
        f"{len(photos)} photos, hits: {len(after.hits)}"
    )

    # The scan is not blind: the restored backup still decrypts the photos it was made with.
    restored = backup.restore_backup(with_photos.path, tmp_path / "restored", recovery_code=with_photos.recovery_code)
    assert restored.files == with_photos.files
    session = Vault.open(tmp_path / "restored", "admin", PASSWORD)
    try:
        assert set(decrypted_files(session.conn, session.vault.data_dir.blobs).values()) == set(cleaned)
    finally:
        session.vault.close()


def test_the_scanner_finds_leaks(tmp_path: Path, faces: Path) -> None:
    photo = (faces / "obama.jpg").read_bytes()
    cases = {
        "copy.bin": photo,
        "embedded.bin": b"\x00" * 100 + photo[100_000:140_000] + b"\x00" * 100,
        "png.bin": b"junk" + b"\x89PNG\r\n\x1a\n" + b"junk",
        "name16.bin": b"\x00junk" + "میرزایی".encode("utf-16-be"),
    }
    for name, data in cases.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / name).write_bytes(data)
        assert scan_files([folder], {"میرزایی"}, [photo]).hits, name
