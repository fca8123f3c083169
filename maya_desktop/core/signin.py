"""Sign-in as one core operation, with the growing delay, for every entry point (GUI login, each CLI command).

The delay after failed attempts (1, 2, 4 … s, capped) is kept in the data folder (`login-throttle.json`),
so a second process (the CLI, a restarted app) is throttled too. The file holds counts and times only:
usernames are stored as a keyed hash (the key is random, per file), never as text, and nothing else about
anyone. A failed attempt cannot be written to the encrypted audit log (the key is not known yet), so it
waits in the file and the next successful sign-in writes it, with its original time.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maya_desktop.core.errors import AuthError, TotpRequired
from maya_desktop.core.paths import DataDir
from maya_desktop.core.persian import to_persian_digits
from maya_desktop.core.portable import create_private_file

if TYPE_CHECKING:
    from maya_desktop.core.session import Session

THROTTLE_FILE = "login-throttle.json"
BASE_DELAY = 1.0
MAX_DELAY = 60.0
LOGIN_FAILED = "login.failed"
UNLOCK_FAILED = "unlock.failed"
MAX_UNREPORTED = 200  # a flood of guesses must not grow the file without bound


@dataclass(frozen=True)
class SignInRequest:
    data_dir: str | Path | None
    username: str
    password: str = field(repr=False)
    totp: str | None = field(default=None, repr=False)
    verify: str = "full"  # or "background" (core.integrity_gate): the window may open before the full check


@dataclass
class _ThrottleState:
    salt: str
    failures: dict[str, int]
    not_before: dict[str, float]
    unreported: list[tuple[str, float, str]]  # (hashed username, time, audit action)


class FolderThrottle:
    """The growing delay of one data folder, read and written at each attempt (wall-clock times)."""

    def __init__(self, data_dir: DataDir, *, base_delay: float = BASE_DELAY, max_delay: float = MAX_DELAY) -> None:
        self.path = data_dir.root / THROTTLE_FILE
        self.base_delay = base_delay
        self.max_delay = max_delay

    # -- the file -------------------------------------------------------------------------------
    def _load(self) -> _ThrottleState:
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
            return _ThrottleState(
                salt=str(raw["salt"]),
                failures={str(k): int(v) for k, v in raw["failures"].items()},
                not_before={str(k): float(v) for k, v in raw["not_before"].items()},
                unreported=[
                    (str(e[0]), float(e[1]), str(e[2]) if len(e) > 2 else LOGIN_FAILED) for e in raw["unreported"]
                ],
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # missing or damaged: start afresh (a damaged file must not lock everyone out)
            return _ThrottleState(secrets.token_hex(16), {}, {}, [])

    def _save(self, state: _ThrottleState) -> None:
        if not self.path.parent.is_dir():
            return
        body = json.dumps(
            {
                "salt": state.salt,
                "failures": state.failures,
                "not_before": state.not_before,
                "unreported": state.unreported[-MAX_UNREPORTED:],
            }
        ).encode()
        temp = self.path.with_name(f"{THROTTLE_FILE}.tmp-{secrets.token_hex(4)}")
        try:
            fd = create_private_file(temp)
            with os.fdopen(fd, "wb") as out:
                out.write(body)
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()  # a read-only or full disk: the delay is then per process only, sign-in still works

    @staticmethod
    def _key(state: _ThrottleState, username: str) -> str:
        return hmac.new(bytes.fromhex(state.salt), username.encode(), hashlib.sha256).hexdigest()[:32]

    # -- the rule -------------------------------------------------------------------------------
    def check(self, username: str, now: float | None = None) -> None:
        """Raise AuthError while `username` must still wait."""
        now = time.time() if now is None else now
        state = self._load()
        wait = min(state.not_before.get(self._key(state, username), 0.0) - now, self.max_delay)  # clock went back
        if wait > 0:
            seconds = int(wait) + 1
            raise AuthError.coded("signin.wait", seconds=seconds, seconds_fa=to_persian_digits(seconds))

    def failed(self, username: str, now: float | None = None, action: str = LOGIN_FAILED) -> float:
        """Record a failure; returns the delay now imposed."""
        now = time.time() if now is None else now
        state = self._load()
        key = self._key(state, username)
        count = state.failures.get(key, 0) + 1
        state.failures[key] = count
        delay = min(self.max_delay, self.base_delay * 2.0 ** (count - 1))
        state.not_before[key] = now + delay
        state.unreported.append((key, now, action))
        self._save(state)
        return delay

    def delay_of(self, username: str, now: float | None = None) -> float:
        """Seconds `username` must still wait (0 when none)."""
        now = time.time() if now is None else now
        state = self._load()
        return max(0.0, min(state.not_before.get(self._key(state, username), 0.0) - now, self.max_delay))

    def succeeded(self, username: str, known_usernames: list[str]) -> list[tuple[str, float, str]]:
        """Clear `username`'s delay; hand back every failure not yet audited as (username or "", time, action)."""
        state = self._load()
        key = self._key(state, username)
        state.failures.pop(key, None)
        state.not_before.pop(key, None)
        names = {self._key(state, name): name for name in known_usernames}
        pending = [(names.get(hashed, ""), when, action) for hashed, when, action in state.unreported]
        state.unreported = []
        self._save(state)
        return pending


def sign_in(request: SignInRequest, *, after_check: Callable[[Session], None] | None = None) -> Session:
    """Throttle, open the vault (core.vault.Vault.open), record the outcome. Raises AuthError / TotpRequired /
    VaultError; a wrong password or code lengthens this username's delay, in this data folder."""
    from maya_desktop.core.vault import Vault  # the vault stack is heavy; the login window shows first

    data_dir = DataDir.at(request.data_dir)
    username = request.username.strip().lower()
    throttle = FolderThrottle(data_dir)
    throttle.check(username)
    try:
        session = Vault.open(
            data_dir.root, username, request.password, request.totp, verify=request.verify, after_check=after_check
        )
    except TotpRequired:
        raise  # the password was right: asking for the code is not a failed attempt
    except AuthError:
        throttle.failed(username)
        raise
    record_failures(session, throttle)
    return session


def record_failures(session: Session, throttle: FolderThrottle) -> None:
    """Clear the signed-in person's delay and audit every failed attempt waiting in the throttle file."""
    known = [str(row[0]) for row in session.conn.execute("SELECT username FROM staff")]
    failures = throttle.succeeded(session.actor, known)
    if failures:
        if session.vault.integrity is not None:
            session.vault.integrity.wait()  # rare: earlier failed attempts are audited once writes are open
        for name, when, action in failures:
            at = datetime.fromtimestamp(when, UTC).isoformat(timespec="seconds")
            session.audit(action, f"staff:{name}" if name else "staff:?", {"at": at})


def lock(session: Session) -> None:
    """Lock the screen: audited, then the connection closes and the keys are zeroed (core.vault)."""
    begin_lock(session)
    finish_lock(session)


def begin_lock(session: Session, *, wipe_now: bool = False) -> None:
    """The cheap half of a lock, on the caller's thread: core refuses this session from now on, and an unlock
    waits until `finish_lock` (the audit write, closing the connection, zeroing the keys) has run, which a
    window runs off its GUI thread. `wipe_now`: zero the keys at once (the window's lock), so workers sharing
    them and operations still queued are refused from this moment, not only once `finish_lock` ran."""
    if session.vault.locked:
        return
    session.locked = True
    session.vault.lock_settled.clear()
    if wipe_now:
        session.vault.wipe_keys_now()  # the connection stays open for the audit entry; finish_lock closes it


def finish_lock(session: Session) -> None:
    """The slow half: the audit entry, then the connection closes and the keys are zeroed (core.vault)."""
    try:
        if session.vault.locked:
            return
        try:
            session.audit("lock", f"staff:{session.actor}")
        finally:
            session.locked = True
            session.vault.lock_vault()
    finally:
        session.vault.lock_settled.set()


def wait_lock_finished(session: Session, timeout: float | None = None) -> bool:
    """Wait until a lock under way (`finish_lock` on another thread) has closed the vault; False on timeout."""
    return session.vault.lock_settled.wait(timeout)


def unlock(session: Session, password: str) -> None:
    """The same person re-enters their password; throttled like sign-in. Failures are audited at unlock."""
    session.vault.lock_settled.wait()  # a lock still closing on another thread finishes first
    throttle = FolderThrottle(session.vault.data_dir)
    throttle.check(session.actor)
    try:
        session.vault.unlock_vault(session.actor, password)
    except AuthError as exc:
        throttle.failed(session.actor, action=UNLOCK_FAILED)
        # the lock screen asks only for a password: "wrong username or password" would puzzle
        raise AuthError.coded("signin.wrong_password") from exc
    session.locked = False
    record_failures(session, throttle)
    session.audit("unlock", f"staff:{session.actor}")
