"""The encrypted clinic workspace: SQLCipher database + key slots in one data folder (DESIGN §4)."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from pathlib import Path

import pyotp

from maya_desktop.core import audit, db
from maya_desktop.core.audit import now_utc
from maya_desktop.core.crypto import KdfParams, random_key
from maya_desktop.core.errors import AuthError, TotpRequired, ValidationError, VaultError
from maya_desktop.core.integrity_gate import IntegrityGate, begin_background_check
from maya_desktop.core.keyslots import KeySlots, UnlockedSlot
from maya_desktop.core.migrations import migrate, needs_migration
from maya_desktop.core.paths import DataDir
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session, StaffMember

STAFF_COLUMNS = (
    "id, username, display_name, role, active, totp_secret IS NOT NULL, medical_council_no,"
    " agreement_version, agreement_accepted_at"
)


def staff_from_row(row: tuple) -> StaffMember:  # type: ignore[type-arg]
    return StaffMember(
        id=row[0],
        username=row[1],
        display_name=row[2],
        role=Role(row[3]),
        active=bool(row[4]),
        totp_enabled=bool(row[5]),
        medical_council_no=row[6],
        agreement_version=row[7],
        agreement_accepted_at=row[8],
    )


class Vault:
    """An open data folder. Holds the DB connection and the DB key in memory while unlocked."""

    def __init__(self, data_dir: DataDir, conn: db.Connection, db_key: bytes, slots: KeySlots) -> None:
        self.data_dir = data_dir
        self.conn = conn
        self.db_key = db_key
        self.slots = slots
        self.lock = threading.RLock()  # one connection; workers serialise through this lock
        self.integrity: IntegrityGate | None = None  # set while a background check runs (verify="background")

    # ---- lifecycle --------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        root: str | Path,
        *,
        clinic_name: str,
        username: str,
        display_name: str,
        password: str,
        kdf: KdfParams | None = None,
    ) -> Session:
        """First run: make the data folder, the database, the key slots and the first manager."""
        from maya_desktop.core.staff import validate_new_staff

        data_dir = DataDir.at(root)
        if data_dir.db.exists() or data_dir.keyslots.exists():
            raise VaultError(
                f"A clinic already exists in {data_dir.root}", f"در پوشهٔ {data_dir.root} از قبل کلینیک ساخته شده است"
            )
        clinic_name = clinic_name.strip()
        if not clinic_name:
            raise ValidationError("Clinic name is required.", "نام کلینیک را وارد کنید.", "clinic_name")
        username, display_name = validate_new_staff(username, display_name, password)
        data_dir.ensure()
        db_key = random_key()
        slots = KeySlots.new(data_dir.keyslots)
        slots.set_password(username, password, db_key, kdf)
        conn = db.connect(data_dir.db, db_key, create=True)
        try:
            migrate(conn)
            with db.transaction(conn):
                ts = now_utc()
                conn.execute(
                    "INSERT INTO clinic(singleton, name, clinic_id, created_at) VALUES (1, ?, ?, ?)",
                    (clinic_name, "c_" + secrets.token_hex(8), ts),
                )
                conn.execute(
                    "INSERT INTO staff(username, display_name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    (username, display_name, Role.MANAGER.value, ts, ts),
                )
                audit.append(conn, username, "clinic.created")
                audit.append(conn, username, "staff.created", f"staff:{username}", {"role": "manager"})
            slots.save()  # last: a crash before this leaves no usable half-clinic that could shadow a retry
        except BaseException:
            conn.close()
            for leftover in (data_dir.db, data_dir.db.with_name("maya.db-wal"), data_dir.db.with_name("maya.db-shm")):
                leftover.unlink(missing_ok=True)
            raise
        vault = cls(data_dir, conn, db_key, slots)
        return vault._session_for(username)

    @classmethod
    def open(
        cls,
        root: str | Path | None,
        username: str,
        password: str,
        totp_code: str | None = None,
        *,
        verify: str = "full",
        after_check: Callable[[Session], None] | None = None,
    ) -> Session:
        """Log in: unwrap the DB key with this person's password, open and check the database.

        verify="background": the window may open before the whole-database check has finished; writes wait
        for it and `after_check` runs once it passed (core.integrity_gate)."""
        data_dir = DataDir.at(root)
        if not data_dir.db.exists():
            raise VaultError(
                f"No clinic data in {data_dir.root} (run the setup first).",
                f"در پوشهٔ {data_dir.root} اطلاعات کلینیکی نیست؛ ابتدا راه‌اندازی را انجام دهید.",
            )
        slots = KeySlots.load(data_dir.keyslots)
        unlocked = slots.unlock(username.strip().lower(), password)
        db_key = _finish_interrupted_rotation(data_dir, slots, unlocked)
        background = verify == "background"
        conn = db.connect(data_dir.db, db_key, verify="quick" if background else verify)
        try:
            if background and needs_migration(conn):
                db.verify_all_pages(conn, data_dir.db)  # never migrate an unchecked file
                background = False
            migrate(conn)
            vault = cls(data_dir, conn, db_key, slots)
            session = vault._session_for(unlocked.username)
            if not session.staff.active:
                raise AuthError("This account is disabled.", "این حساب غیرفعال شده است.")
            _check_totp(conn, session.staff, totp_code)
            if background:
                begin_background_check(vault, session.staff, after_check)
            else:
                session.audit("login")
                if after_check is not None:
                    after_check(session)
        except BaseException:
            conn.close()
            raise
        return session

    def worker_session(self, staff: StaffMember) -> Session:
        """The same person on a second connection, for a worker thread.

        One SQLite connection must never be shared by two threads while one of them is inside a
        transaction: the other thread's statements would silently join (and commit or roll back with) it.
        SQLite serialises the two connections' writes itself (WAL + busy_timeout). Close with `.vault.close()`.
        """
        conn = db.connect(self.data_dir.db, self.db_key, verify="quick", gate=self.integrity)
        worker = Vault(self.data_dir, conn, self.db_key, self.slots)
        worker.integrity = self.integrity
        return Session(worker, staff)

    def close(self) -> None:
        try:
            if self.integrity is None or self.integrity.passed:  # nothing moves into an unchecked file
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()
            self.db_key = b""

    # ---- staff slots (used by core.staff; permission checks happen there) -------------------
    def _session_for(self, username: str) -> Session:
        row = self.conn.execute(f"SELECT {STAFF_COLUMNS} FROM staff WHERE username = ?", (username,)).fetchone()
        if row is None:
            raise AuthError("Wrong username or password.", "نام کاربری یا گذرواژه درست نیست.")
        return Session(self, staff_from_row(row))

    def check_password(self, username: str, password: str) -> None:
        """Raise AuthError unless `password` is `username`'s current password (used to unlock)."""
        self.slots.unlock(username, password)

    def set_slot_password(self, username: str, password: str, kdf: KdfParams | None = None) -> None:
        self.slots.set_password(username, password, self.db_key, kdf)
        self.slots.save()

    def remove_slot_and_rotate(self, username: str) -> None:
        """Remove a person's slot and rotate the DB key, so an old copy of their slot opens nothing new."""
        self.slots.remove(username)
        new_key = random_key()
        self.slots.stage_rotation(new_key)
        self.slots.save()
        db.rekey(self.conn, new_key)
        self.db_key = new_key
        self.slots.finish_rotation()
        self.slots.save()


def _finish_interrupted_rotation(data_dir: DataDir, slots: KeySlots, unlocked: UnlockedSlot) -> bytes:
    if unlocked.next_db_key is None:
        return unlocked.db_key
    if db.try_key(data_dir.db, unlocked.db_key):
        return unlocked.db_key  # the re-key never happened; the staged key is harmless
    if db.try_key(data_dir.db, unlocked.next_db_key):
        slots.finish_rotation()
        slots.save()
        return unlocked.next_db_key
    return unlocked.db_key  # let connect() report the damaged file


def _check_totp(conn: db.Connection, staff: StaffMember, code: str | None) -> None:
    if not staff.totp_enabled:
        return
    if not code:
        raise TotpRequired("This account needs its 6-digit code.", "کد شش‌رقمی ورود دومرحله‌ای را وارد کنید.")
    (secret,) = conn.execute("SELECT totp_secret FROM staff WHERE id = ?", (staff.id,)).fetchone()
    from maya_desktop.core.persian import to_ascii_digits

    if not pyotp.TOTP(secret).verify(to_ascii_digits(code).strip(), valid_window=1):
        raise AuthError("Wrong 6-digit code.", "کد شش‌رقمی درست نیست.")
