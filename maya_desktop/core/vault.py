"""The encrypted clinic workspace: SQLCipher database + key slots in one data folder (DESIGN §4).

`Vault.open` is the one door every entry point goes through (GUI login, every CLI command, the
network host): after the password unwraps the key it refuses key slots the database does not vouch
for, compares the audit chain with its anchor outside the database, removes what a crash left on disk
(`core.leftovers`) and destroys every order that is due (P6) before anyone can read anything.
"""

from __future__ import annotations

import contextlib
import hmac
import secrets
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyotp

from maya_desktop.core import audit, db, keyring, leftovers
from maya_desktop.core.audit import now_utc
from maya_desktop.core.crypto import KdfParams, public_of, random_key
from maya_desktop.core.errors import AuthError, TotpRequired, ValidationError, VaultError
from maya_desktop.core.integrity_gate import IntegrityGate, begin_background_check
from maya_desktop.core.keyring import SecretBytes
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
    """An open data folder: the DB connection and, while unlocked, the DB key in a buffer that locking zeroes.

    KeePassXC's model: `lock_vault` closes the connection and wipes the DB key and the key-slot private key;
    `unlock_vault` re-derives both from the same person's key slot (their password). Workers never copy the
    key: they share the buffer (`key_provider`), so after a lock it yields nothing.
    """

    def __init__(
        self, data_dir: DataDir, conn: db.Connection, db_key: bytes | bytearray | SecretBytes, slots: KeySlots
    ) -> None:
        self.data_dir = data_dir
        self._conn: db.Connection | None = conn
        self._owns_key = not isinstance(db_key, SecretBytes)  # a worker's vault shares its parent's buffer
        self.key = db_key if isinstance(db_key, SecretBytes) else SecretBytes(db_key)
        self.slots = slots
        self.lock = threading.RLock()  # one connection; workers serialise through this lock
        self.identity: tuple[int, SecretBytes] | None = None  # (staff id, key-slot private key) of who signed in
        self.integrity: IntegrityGate | None = None  # set while a background check runs (verify="background")
        self.locked = False
        self._holder: tuple[int, str] | None = None  # (staff id, username) of who may unlock
        self.on_lock: list[Callable[[], None]] = []  # on lock and close: the operations executor closes its connection
        # Cleared while a lock is under way on another thread (core.signin.begin_lock / finish_lock): an unlock
        # waits for it, so a lock that is still closing cannot undo the unlock that follows it.
        self.lock_settled = threading.Event()
        self.lock_settled.set()
        db.on_commit(conn, self.anchor_audit_head)

    @property
    def conn(self) -> db.Connection:
        if self._conn is None:
            raise VaultError.coded("vault.locked")
        return self._conn

    @property
    def db_key(self) -> bytes:
        """A short-lived copy of the DB key (b"" while locked or closed); prefer `key_provider` for workers."""
        return self.key.get()

    def key_provider(self) -> bytes:
        """For workers that open their own connections: the key now, or b"" once locked/closed (they stop)."""
        return self.key.get()

    def hold_identity(self, staff_id: int, private_key: bytes | SecretBytes) -> None:
        """Whose private key opens the order keys sealed to them (core.orders.keys), on this connection."""
        holder = private_key if isinstance(private_key, SecretBytes) else SecretBytes(private_key)
        self.identity = (staff_id, holder)
        keyring.register(self.conn, staff_id, holder)

    def _private_key(self) -> bytes | None:
        return None if self.identity is None or not self.identity[1] else self.identity[1].get()

    def anchor_audit_head(self) -> None:
        """After each commit: when the audit head moved, record it in the slot file (core.audit).

        The database has committed already; an anchor that cannot be written only leaves an older one,
        which is weaker but never a false alarm, so a full disk here does not fail the caller's work.
        """
        seq, _ = audit.head(self.conn)
        anchored = self.slots.audit_anchor()
        if anchored is not None and anchored[0] >= seq:
            return
        tag = audit.anchor_tag(self.conn, seq)
        if tag is not None:
            with contextlib.suppress(OSError):
                self.slots.save_audit_anchor(seq, tag)

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
        private = slots.set_password(username, password, db_key, kdf)
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
                _record_public(conn, username, slots.public_key(username))
            slots.save()  # last: a crash before this leaves no usable half-clinic that could shadow a retry
        except BaseException:
            conn.close()
            for leftover in (data_dir.db, data_dir.db.with_name("maya.db-wal"), data_dir.db.with_name("maya.db-shm")):
                leftover.unlink(missing_ok=True)
            raise
        vault = cls(data_dir, conn, db_key, slots)
        vault.anchor_audit_head()
        session = vault._session_for(username)
        vault.hold_identity(session.staff.id, private)
        vault._holder = (session.staff.id, username)
        return session

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

        Then (see the module docstring): key slots, audit anchor, crash leftovers, due destruction.
        What was found is in ``session.extra["open_findings"]`` (English, Persian) and the audit log;
        what housekeeping did is in ``session.extra["housekeeping"]``.

        verify="background": the window may open before the whole-database check has finished; writes wait
        for it, and the login entry, the findings, housekeeping and `after_check` run on the checker's own
        connection once it passed (core.integrity_gate). Until then ``session.extra["housekeeping"]`` is absent.
        """
        data_dir = DataDir.at(root)
        if not data_dir.db.exists():
            raise VaultError(
                f"No clinic data in {data_dir.root} (run the setup first).",
                f"در پوشهٔ {data_dir.root} اطلاعات کلینیکی نیست؛ ابتدا راه‌اندازی را انجام دهید.",
            )
        if data_dir.db.stat().st_size == 0:
            raise db.empty_database(data_dir.db)  # before the password: nothing may create a schema in it
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
            if background and _destruction_pending(conn):
                # Something is due (P6): it must be destroyed before anyone can read it, and destroying writes,
                # which waits for the whole-file check; so check now, and open only after the purge.
                db.verify_all_pages(conn, data_dir.db)
                background = False
            finding = _check_audit_anchor(conn, slots)
            refused = _check_slots(conn, slots, unlocked.username, public_of(unlocked.private_key))
            vault = cls(data_dir, conn, db_key, slots)
            session = vault._session_for(unlocked.username)
            if not session.staff.active:
                raise AuthError("This account is disabled.", "این حساب غیرفعال شده است.")
            _check_totp(conn, session.staff, totp_code)
            vault.hold_identity(session.staff.id, unlocked.private_key)
            vault._holder = (session.staff.id, session.staff.username)
            findings: list[tuple[str, str]] = []
            if finding is not None:
                findings.append((finding.message_en, finding.message_fa))
            findings += [(slots.refused(name).message_en, slots.refused(name).message_fa) for name in refused]
            findings += audit.findings_since_last_login(conn)  # found at sync against HQ's anchor
            session.extra["open_findings"] = findings

            def after_login(done: Session, login_written: bool) -> None:
                with db.transaction(done.conn):
                    if finding is not None:
                        done.audit(audit.ROLLBACK_ACTION, "", finding.details)
                    if refused:
                        done.audit("keyslots.refused", "", {"slots": refused})
                        if done.role == Role.MANAGER:  # a manager's sign-in mends them (issue 12)
                            _mend_refused_slots(done, slots, refused)
                    if not login_written:
                        done.audit("login")
                session.extra["housekeeping"] = _housekeeping(done)
                if after_check is not None:
                    after_check(done)

            if background:
                identity = vault.identity  # the shared buffer, never a copy: a lock wipes it for the checker too

                def on_checker(checker: Session) -> None:  # the gate has written the login entry already
                    if identity is None or not identity[1]:
                        return  # locked before the check finished: housekeeping runs at the next sign-in
                    checker.vault.hold_identity(session.staff.id, identity[1])
                    try:
                        after_login(checker, login_written=True)
                    finally:
                        db.on_commit(checker.conn, None)
                        keyring.forget(checker.conn)

                begin_background_check(vault, session.staff, on_checker)
            else:
                after_login(session, login_written=False)
        except BaseException:
            db.on_commit(conn, None)
            keyring.forget(conn)
            conn.close()
            raise
        return session

    def worker_session(self, staff: StaffMember) -> Session:
        """The same person on a second connection, for a worker thread.

        One SQLite connection must never be shared by two threads while one of them is inside a
        transaction: the other thread's statements would silently join (and commit or roll back with) it.
        SQLite serialises the two connections' writes itself (WAL + busy_timeout). Close with `.vault.close()`.
        The worker shares this vault's key buffer (no copy): a lock wipes it for the worker too; the
        worker's own connection stays usable until it closes it.
        """
        if not self.key:
            raise VaultError.coded("vault.locked")
        conn = db.connect(self.data_dir.db, self.key.buffer(), verify="quick", gate=self.integrity)
        worker = Vault(self.data_dir, conn, self.key, self.slots)
        worker.integrity = self.integrity
        if self.identity is not None:
            worker.hold_identity(*self.identity)
        return Session(worker, staff)

    def close(self) -> None:
        """Close the connection (a worker's, or the app's at exit). A worker's vault shares the key buffer of
        the vault it came from, so only the owner wipes it."""
        if self._owns_key:  # the app's own vault closes: the executor's connection goes first
            for hook in list(self.on_lock):
                hook()
        identity, self.identity = self.identity, None
        conn, self._conn = self._conn, None
        if self._owns_key:
            if identity is not None:
                identity[1].wipe()
            self.key.wipe()
        if conn is None:
            return
        db.on_commit(conn, None)
        keyring.forget(conn)
        audit.forget_origin(conn)
        try:
            if self.integrity is None or self.integrity.passed:  # nothing moves into an unchecked file
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()

    def lock_vault(self) -> None:
        """Close the connection and zero the DB key and the key-slot private key (waits for a running call,
        and for the background database check after login, which needs the key to open its connection)."""
        if self.integrity is not None:
            self.integrity.wait()
        for hook in list(self.on_lock):
            hook()
        with self.lock:
            identity = self.identity
            self.close()
            if identity is not None:
                identity[1].wipe()  # also when this vault does not own it
            self.key.wipe()
            self.locked = True

    def wipe_keys_now(self) -> None:
        """The first moment of a lock (core.signin.begin_lock): zero the DB key and the key-slot private key
        at once, so every worker sharing them stops, while the open connection stays for the lock's audit
        entry and is closed by `lock_vault` (which zeroes them again). Not while the background database check
        still needs the key to open its connection: `lock_vault` waits for it first."""
        if self.integrity is not None and not self.integrity.wait(0):
            return
        if self.identity is not None:
            self.identity[1].wipe()
        self.key.wipe()

    def unlock_vault(self, username: str, password: str) -> None:
        """Re-derive the keys from `username`'s key slot and reopen. Only the person who signed in may unlock
        (another person signs in afresh: "switch user"). Raises AuthError on a wrong password."""
        if self._holder is None or username.strip().lower() != self._holder[1]:
            raise AuthError("Only the person who signed in can unlock.", "فقط کسی که وارد شده است قفل را باز می‌کند.")
        with self.lock:
            unlocked = self.slots.unlock(self._holder[1], password)  # the password is checked in any case
            if not self.locked:
                return
            self.key.replace(_finish_interrupted_rotation(self.data_dir, self.slots, unlocked))
            gate = self.integrity if self.integrity is not None and not self.integrity.passed else None
            conn = db.connect(self.data_dir.db, self.key.buffer(), verify="quick", gate=gate)
            self._conn = conn
            db.on_commit(conn, self.anchor_audit_head)
            self.hold_identity(self._holder[0], unlocked.private_key)
            self.locked = False

    # ---- staff slots (used by core.staff; permission checks happen there) -------------------
    def _session_for(self, username: str) -> Session:
        row = self.conn.execute(f"SELECT {STAFF_COLUMNS} FROM staff WHERE username = ?", (username,)).fetchone()
        if row is None:
            raise AuthError("Wrong username or password.", "نام کاربری یا گذرواژه درست نیست.")
        return Session(self, staff_from_row(row))

    def check_password(self, username: str, password: str) -> None:
        """Raise AuthError unless `password` is `username`'s current password (used to unlock)."""
        self.slots.unlock(username, password)

    def set_slot_password(
        self, username: str, password: str, kdf: KdfParams | None = None, *, keep_key_pair: bool = False
    ) -> None:
        """A new password for `username`; its public key is recorded in the database too (in the caller's
        transaction when there is one), which is what later rotations and backups trust.

        `keep_key_pair` (a person changing their own password) keeps the signed-in person's key pair, so
        the order keys sealed to them stay theirs. Otherwise (new account, reset by a manager) the pair
        is new: that person's old wraps open nothing and are replaced by this session where it can."""
        private = self._private_key() if keep_key_pair else None
        new_private = self.slots.set_password(username, password, self.key.get(), kdf, private)
        _record_public(self.conn, username, self.slots.public_key(username))
        if private is None:
            from maya_desktop.core.orders import keys  # lazy: orders import the vault's session

            keys.renew_wraps_of(self.conn, username)
            own = self.conn.execute("SELECT id FROM staff WHERE username = ?", (username,)).fetchone()
            if self.identity is not None and own is not None and own[0] == self.identity[0]:
                self.hold_identity(self.identity[0], new_private)  # a manager who reset their own password
        self.slots.save()

    def remove_slot_and_rotate(self, username: str) -> list[str]:
        """Remove a person's slot and rotate the DB key, so an old copy of their slot opens nothing new.

        The new key is wrapped only for staff active in the database, to the public key it recorded:
        a planted slot, or one whose public key was swapped in the file, gets nothing. Returns the
        usernames of slots refused (dropped from the file), which are audited."""
        self.slots.remove(username)
        new_key = random_key()
        refused = self.slots.stage_rotation(new_key, bound_publics(self.conn))
        self.slots.save()
        db.rekey(self.conn, new_key)
        self.key.replace(new_key)
        self.slots.finish_rotation()
        self.slots.save()
        return refused


def bound_publics(conn: Any, role: str | None = None) -> dict[str, bytes]:
    """username -> key-slot public key, as the database recorded it, for active staff (of `role`)."""
    sql = "SELECT username, slot_public FROM staff WHERE active = 1 AND slot_public IS NOT NULL"
    params: tuple[str, ...] = ()
    if role is not None:
        sql += " AND role = ?"
        params = (role,)
    return {str(name): bytes(public) for name, public in conn.execute(sql, params)}


def _record_public(conn: Any, username: str, public: bytes | None) -> None:
    if not any(row[1] == "slot_public" for row in conn.execute("PRAGMA table_info(staff)")):
        return  # a schema older than the binding (tests build such files): adopted at the next login
    conn.execute("UPDATE staff SET slot_public = ? WHERE username = ?", (public, username))


def _check_slots(conn: Any, slots: KeySlots, username: str, own_public: bytes) -> list[str]:
    """Compare the slot file with the staff list. Returns the slots refused (audited at login).

    The person logging in proved their slot (its private key gave `own_public`). Slots of active staff
    that have no recorded public key yet (a data folder from before this check) are adopted once,
    as the file has them. Refused: slots of nobody active, and slots whose public key differs from the
    database's (rotations and backups never use them: they use the database's record).
    """
    recorded = dict(conn.execute("SELECT username, slot_public FROM staff WHERE active = 1").fetchall())
    mine = recorded.get(username)
    if mine is not None and bytes(mine) != own_public:
        raise slots.refused(username)
    with db.transaction(conn):
        if mine is None:
            _record_public(conn, username, own_public)
        for name, public in recorded.items():
            if public is None and name != username and slots.public_key(name) is not None:
                _record_public(conn, name, slots.public_key(name))
    bound = bound_publics(conn)
    return [name for name in slots.usernames() if bound.get(name) is None or bound[name] != slots.public_key(name)]


def _mend_refused_slots(session: Session, slots: KeySlots, refused: list[str]) -> None:
    """Refused slots are refused at every login; a manager's sign-in removes the ghosts and gives swapped
    slots their recorded key back (`KeySlots.mend_refused`, audited). A file that cannot be written leaves
    them refused, as before: nothing half-done."""
    try:
        removed, repaired = slots.mend_refused(refused, bound_publics(session.conn), session.vault.db_key)
    except OSError:
        return
    if removed:
        session.audit("keyslots.removed", "", {"slots": removed})
    if repaired:
        session.audit("keyslots.repaired", "", {"slots": repaired})


def _check_audit_anchor(conn: Any, slots: KeySlots) -> audit.AnchorFinding | None:
    anchor = slots.audit_anchor()
    return None if anchor is None else audit.check_anchor(conn, *anchor)


def _housekeeping(session: Session) -> Any:
    """Every entry point destroys what is due before anything else (P6), after removing crash leftovers;
    then the audit head goes into the sync outbox (when it moved since the last anchor queued)."""
    from maya_desktop.core.orders.housekeeping import on_open  # lazy: orders import the vault's session
    from maya_desktop.core.sync.outbox import enqueue_audit_anchor

    leftovers.sweep(session.conn, session.vault.data_dir)
    from maya_desktop.core.orders.keys import grant_missing

    report = on_open(session)
    with db.transaction(session.conn):
        grant_missing(session.conn)  # a consent given again, a new manager: wraps only a holder can make
        enqueue_audit_anchor(session.conn)  # HQ's copy of the head: the anchor nobody here can rewrite
    return report


def _destruction_pending(conn: db.Connection) -> bool:
    from maya_desktop.core.orders.housekeeping import destruction_pending  # lazy: orders import the session

    return destruction_pending(conn)


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
    secret, last_step = conn.execute(
        "SELECT totp_secret, totp_last_step FROM staff WHERE id = ?", (staff.id,)
    ).fetchone()
    from maya_desktop.core.persian import to_ascii_digits

    step = _totp_step(pyotp.TOTP(secret), to_ascii_digits(code).strip())
    if step is None:
        raise AuthError("Wrong 6-digit code.", "کد شش‌رقمی درست نیست.")
    if last_step is not None and step <= int(last_step):
        # A code (or an older one) seen before: someone watched or replayed it. Each code works once.
        raise AuthError(
            "This 6-digit code was already used; wait for the next one.",
            "این کد شش‌رقمی قبلاً به کار رفته است؛ منتظر کد بعدی بمانید.",
        )
    with db.transaction(conn):
        conn.execute("UPDATE staff SET totp_last_step = ? WHERE id = ?", (step, staff.id))


def _totp_step(totp: pyotp.TOTP, code: str) -> int | None:
    """The time step (now, or one either side for clock drift) whose code is `code`, else None."""
    if not code.isascii():
        return None
    now = totp.timecode(datetime.now(UTC))
    for step in (now - 1, now, now + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None
