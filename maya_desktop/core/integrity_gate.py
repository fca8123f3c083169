"""Login without waiting for the whole-database check: reads at once, writes only after the check passed.

At 1M clients the full check (SQLCipher's HMAC over every page + quick_check) took 10.9 s before the
window could open. With `Vault.open(..., verify="background")` the schema page is checked at login (a wrong
key or a replaced file still fails there) and the full check runs on its own connection in a thread.
Until it has passed, every connection of that vault carries this gate:

- `db.transaction` refuses by name (`IntegrityCheckPending`, en + fa) before it begins;
- an SQLite authorizer denies any INSERT/UPDATE/DELETE/DDL that does not go through `transaction`;
- what must happen right after login but writes (the `login` audit entry, the post-login housekeeping)
  runs on the checker's connection once the check passed, before writes open for everyone else;
- a failed check leaves the gate closed for good and `error` holds the same "altered or truncated"
  VaultError the synchronous check raises; the app shows it and stops.

Reads stay possible meanwhile: SQLCipher authenticates every page it reads (HMAC) anyway.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from maya_desktop.core.errors import MayaError, VaultError

CHECKING, PASSED, FAILED = "checking", "passed", "failed"

_WRITE_ACTIONS = frozenset(
    getattr(sqlcipher3, name)
    for name in dir(sqlcipher3)
    if name.startswith(("SQLITE_CREATE_", "SQLITE_DROP_"))
    or name in ("SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_ALTER_TABLE", "SQLITE_REINDEX")
)


class IntegrityCheckPending(MayaError):
    """A write was attempted while the database check that runs after login has not finished."""


class IntegrityGate:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.state = CHECKING
        self.error: VaultError | None = None
        self._done = threading.Event()

    @property
    def passed(self) -> bool:
        return self.state == PASSED

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the check has finished (passed or failed); False on timeout."""
        return self._done.wait(timeout)

    def refusal(self) -> MayaError:
        if self.state == FAILED and self.error is not None:
            return self.error
        return IntegrityCheckPending(
            "The database check after login is still running; saving is possible in a few seconds.",
            "بررسی درستی پایگاه داده پس از ورود هنوز در جریان است؛ چند ثانیهٔ دیگر دوباره ذخیره کنید.",
        )

    def check_writable(self) -> None:
        if self.state != PASSED:
            raise self.refusal()

    def authorize(self, action: int, *_args: Any) -> int:
        """SQLite authorizer (backstop for writes outside db.transaction)."""
        if self.state != PASSED and action in _WRITE_ACTIONS:
            return int(sqlcipher3.SQLITE_DENY)
        return int(sqlcipher3.SQLITE_OK)

    def start(self, open_checked: Callable[[], Any], after_pass: Callable[[Any], None]) -> threading.Thread:
        """Run the check in a daemon thread.

        `open_checked()` opens a new connection with the full check (raising VaultError when it fails);
        `after_pass(conn)` does the post-login writes on that connection before writes open for everyone.
        """
        thread = threading.Thread(target=self._run, args=(open_checked, after_pass), name="maya-db-check", daemon=True)
        thread.start()
        return thread

    def _run(self, open_checked: Callable[[], Any], after_pass: Callable[[Any], None]) -> None:
        try:
            conn = open_checked()
            try:
                after_pass(conn)
            finally:
                conn.close()
        except VaultError as exc:
            self.error, self.state = exc, FAILED
        except Exception as exc:
            self.error = VaultError(
                f"The database check after login failed ({type(exc).__name__}); nothing was saved: {self.path}",
                f"بررسی پایگاه دادهٔ {self.path} پس از ورود ناموفق بود؛ چیزی ذخیره نشد و برنامه روی آن کار نمی‌کند.",
            )
            self.state = FAILED
        else:
            self.state = PASSED
        finally:
            self._done.set()


def begin_background_check(vault: Any, staff: Any, after_check: Callable[[Any], None] | None) -> IntegrityGate:
    """Close `vault` for writes, check the whole database in a thread, then write the `login` audit entry and
    run `after_check(session)` (e.g. the post-login housekeeping) on the checker's own connection."""
    from maya_desktop.core import db
    from maya_desktop.core.session import Session

    gate = IntegrityGate(vault.data_dir.db)
    vault.integrity = gate
    vault.conn.integrity_gate = gate
    vault.conn.set_authorizer(gate.authorize)
    key = vault.key  # the vault's shared buffer (core.keyring.SecretBytes), never a copy: a lock wipes it

    def after_pass(conn: Any) -> None:
        checker = Session(type(vault)(vault.data_dir, conn, key, vault.slots), staff)
        checker.audit("login")
        if after_check is not None:
            after_check(checker)

    gate.start(lambda: db.connect(vault.data_dir.db, key.buffer(), verify="full"), after_pass)  # lock waits for it
    return gate
