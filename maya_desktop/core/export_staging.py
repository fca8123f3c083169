"""Plaintext that leaves the program on purpose — the client's copy (P7, `core.orders.client_copy`) and a
court's scoped export (P12, `core.legal.export`) — appears whole, as one new folder, or not at all.

Only ever inside the folder the person chose (never the system temp folder):

- `staged_export` first removes hidden partial folders (`.maya-partial-<16 hex>`) that an earlier crashed
  attempt left in that folder (audited: folder names only), then commits a `…started` audit entry naming
  the new partial folder *before* anything is decrypted (so even a power cut leaves a trail), and creates
  that folder exclusively, mode 0700.
- The caller decrypts into it with `write_new_file` (files created exclusively, never overwriting), then,
  inside the transaction that writes its final audit entry, calls `StagedExport.publish`, which renames
  the partial folder to its final name (`stem`, `stem-2`, …; never replacing anything).
- Any failure (including a failed commit after the rename) removes the partial or published folder and
  audits `…failed`; if the folder cannot be removed, the error says so and names it.
- The partial folder is also registered in `pending_outputs` (`core.leftovers`) with the `…started` entry,
  so a process killed mid-way leaves nothing that outlives the next login or `purge`, even if nobody
  exports into that folder again.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maya_desktop.core import leftovers
from maya_desktop.core.db import DatabaseError, transaction
from maya_desktop.core.errors import MayaError, ValidationError
from maya_desktop.core.portable import create_private_file
from maya_desktop.core.session import Session

PARTIAL_PREFIX = ".maya-partial-"
# The partial folders (and files) this module makes: PARTIAL_PREFIX + 16 hex digits (secrets.token_hex(8)).
PARTIAL_FOLDER = re.compile(re.escape(PARTIAL_PREFIX) + "[0-9a-f]{16}")


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
            os.close(create_private_file(path))
            break
        except FileExistsError:
            n += 1
            path = path.with_name(f"{stem}-{n}{suffix}")
    tmp = path.with_name(f"{PARTIAL_PREFIX}{secrets.token_hex(8)}")
    try:
        fd = create_private_file(tmp)
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


@dataclass(frozen=True)
class ExportAudit:
    """How one kind of export is audited. `details` (ids only, never personal data) go into every entry."""

    object_ref: str
    details: dict[str, Any]
    started: str  # committed before anything is decrypted; details + {"staging"}
    failed: str  # details + {"staging", "partial_removed"}
    swept: str  # stale partial folders removed; details + {"folders"}


@dataclass
class StagedExport:
    """The hidden partial folder an export writes into, and (after `publish`) its final name."""

    target: Path
    folder: Path
    published: Path | None = field(default=None)

    def publish(self, stem: str) -> Path:
        """Rename the partial folder to `stem` (or `stem-2`, `stem-3`…): never replaces anything.

        Call it inside the transaction that writes the export's final audit entry: if that transaction
        then fails, `staged_export` removes the published folder again.
        """
        n = 1
        while True:
            final = self.target / (stem if n == 1 else f"{stem}-{n}")
            try:
                os.mkdir(final, 0o700)  # reserve the name (exclusive)
            except FileExistsError:
                n += 1
                continue
            try:
                if os.name == "nt":  # Windows cannot rename onto a directory: free the reservation first
                    os.rmdir(final)
                os.rename(self.folder, final)  # POSIX: atomically replaces our own empty reservation
            except BaseException:
                with contextlib.suppress(OSError):
                    os.rmdir(final)
                raise
            self.published = final
            return final


def partial_left(folder: Path) -> MayaError:
    return MayaError(
        f"An unfinished export folder could not be removed and may hold decrypted client data: {folder}."
        " Delete it by hand (or export to this folder again, which removes it).",
        "پوشهٔ نیمه‌کارهٔ خروجی پاک نشد و ممکن است اطلاعات رمزگشایی‌شدهٔ مشتری در آن باشد:"
        f" {folder} — آن را خودتان پاک کنید (یا دوباره در همین پوشه خروجی بگیرید تا برنامه پاکش کند).",
    )


def remove_folder(folder: Path) -> None:
    """Remove a partial (or just published) export folder; MayaError naming it if any of it remains."""
    if not os.path.lexists(folder):
        return
    try:
        if folder.is_symlink() or not folder.is_dir():
            folder.unlink()
        else:
            shutil.rmtree(folder)
    except OSError as exc:
        raise partial_left(folder) from exc
    if os.path.lexists(folder):
        raise partial_left(folder)


def remove_stale_partials(session: Session, target: Path, audit: ExportAudit) -> list[str]:
    """Partial folders that an earlier export into `target` left behind (a crash, a power cut) hold
    decrypted data: remove them before anything else, and audit it (folder names only)."""
    stale = sorted(
        entry.name
        for entry in target.iterdir()
        if PARTIAL_FOLDER.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink()
    )
    if not stale:
        return []
    for name in stale:
        remove_folder(target / name)
    with transaction(session.conn):
        session.audit(audit.swept, audit.object_ref, {**audit.details, "folders": stale})
    return stale


def _audit_failure(session: Session, audit: ExportAudit, staging: str, *, removed: bool) -> None:
    """Best effort: the failure itself may be the database (then the `…started` entry stays the trail)."""
    with contextlib.suppress(DatabaseError), transaction(session.conn):
        session.audit(audit.failed, audit.object_ref, {**audit.details, "staging": staging, "partial_removed": removed})


@contextlib.contextmanager
def staged_export(session: Session, target: Path, audit: ExportAudit) -> Iterator[StagedExport]:
    """Sweep stale partial folders, audit the start, create the partial folder; on any failure remove
    whatever was written (see the module docstring). `target` must come from `check_export_folder`."""
    remove_stale_partials(session, target, audit)
    stage = StagedExport(target, target / f"{PARTIAL_PREFIX}{secrets.token_hex(8)}")
    with transaction(session.conn):  # committed before anything is decrypted: a crash leaves a trail
        session.audit(audit.started, audit.object_ref, {**audit.details, "staging": stage.folder.name})
        leftovers.register(session.conn, stage.folder)
    with leftovers.writing(session.vault.data_dir):
        yield from _fill(session, stage, audit)
    with contextlib.suppress(DatabaseError):
        leftovers.forget(session.conn, stage.folder)


def _fill(session: Session, stage: StagedExport, audit: ExportAudit) -> Iterator[StagedExport]:
    try:
        os.mkdir(stage.folder, 0o700)  # exclusive: never someone else's folder (so never removed either)
    except BaseException:
        _audit_failure(session, audit, stage.folder.name, removed=True)  # nothing was written
        raise
    try:
        yield stage
    except BaseException as exc:
        try:
            remove_folder(stage.published if stage.published is not None else stage.folder)
        except MayaError as cleanup:
            _audit_failure(session, audit, stage.folder.name, removed=False)
            raise cleanup from exc
        _audit_failure(session, audit, stage.folder.name, removed=True)
        raise
