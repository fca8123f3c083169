"""A network workstation's session (issue 14): the same `Session` the windows know, with no vault on this PC.

In network mode the windows get a `core.session.Session` whose `vault` is a `RemoteVault`: it holds the
connection to the clinic's vault host (network.client.HostClient) and nothing else — no database, no key,
no file. `operations_for(session)` (gui.operations) asks it for its executor, a `RemoteExecutor`, so every
named operation a window runs goes to the host, and the host's pushed changes feed the same `changed`
signal. Reading the session's database connection here is refused (a window that still reaches around the
operations cannot work on a workstation, and says so).

Locking goes to the host too: it locks that person's session there (connection closed, keys wiped); the
windows drop what they show (MainWindow.locked). Unlocking re-enters the password on the host; when the host
forgot the session meanwhile (it restarted), the same person simply signs in again.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, cast

from maya_desktop.core.errors import MayaError, VaultError
from maya_desktop.core.paths import DataDir
from maya_desktop.core.session import Session

if TYPE_CHECKING:
    from maya_desktop.network.client import HostClient, RemoteExecutor


def no_local_vault() -> VaultError:
    return VaultError(
        "This is a network workstation: the clinic's data is on the vault host, not on this PC.",
        "این رایانه ایستگاه کاری شبکه است: اطلاعات کلینیک روی رایانهٔ میزبان است، نه روی این رایانه.",
    )


class RemoteVault:
    """Stands where core.vault.Vault stands in a Session; holds the host connection only."""

    integrity = None  # the host checks its own database

    def __init__(self, client: HostClient, data_dir: DataDir) -> None:
        self.client = client
        self.data_dir = data_dir  # this PC's app folder: the interface language only, nothing of a client
        self.locked = False
        self.on_lock: list[Any] = []
        self.executor: RemoteExecutor | None = None
        self.link: list[Any] = []  # listeners of the host link ("connected", "unreachable", ...)
        self.lock_settled = threading.Event()  # clear while the host is being told of a lock (core.signin's too)
        self.lock_settled.set()

    @property
    def key(self) -> bool:
        return not self.locked

    @property
    def conn(self) -> Any:
        raise no_local_vault()

    def new_executor(self) -> RemoteExecutor:
        from maya_desktop.network.client import RemoteExecutor

        self.executor = RemoteExecutor(self.client)
        for listener in self.link:
            self.executor.on_link(listener)
        return self.executor

    def on_link(self, listener: Any) -> None:
        """`listener(state)` from the events thread: "connected", "unreachable", "signed_out", "revoked"."""
        self.link.append(listener)
        if self.executor is not None:
            self.executor.on_link(listener)

    def lock_vault(self) -> None:
        """Locked here at once; the host is told off the GUI thread (after the calls already under way)."""
        self.locked = True
        self.lock_settled.clear()

        def tell_host() -> None:
            try:
                self.client.lock()
            except MayaError:
                pass  # unreachable or already gone: the host's session is closed, or will be; nothing is here
            finally:
                self.lock_settled.set()

        if self.executor is not None:
            self.executor.later(tell_host)
        else:
            tell_host()

    def close(self) -> None:
        self.locked = True
        self.client.sign_out()


def workstation_session(client: HostClient, data_dir: DataDir) -> Session:
    """The signed-in person on this workstation (their staff record as the host sent it)."""
    return Session(vault=cast(Any, RemoteVault(client, data_dir)), staff=client.staff)


def is_workstation(session: Session | None) -> bool:
    return session is not None and isinstance(session.vault, RemoteVault)


def remote_vault(session: Session) -> RemoteVault:
    vault = session.vault
    if not isinstance(vault, RemoteVault):
        raise TypeError("this session is not connected to a vault host")
    return vault


def lock(session: Session) -> None:
    """Lock this workstation's screen and the person's session on the host."""
    session.locked = True
    remote_vault(session).lock_vault()


def unlock(session: Session, password: str) -> None:
    """The same person's password, checked by the host against their key slot (signed in again if the
    host forgot the session, e.g. after a restart). Raises the host's error (wrong password, unreachable)."""
    remote = remote_vault(session)
    remote.lock_settled.wait()  # the host hears of the lock first: an unlock never overtakes it
    try:
        remote.client.unlock(password)
    except MayaError as exc:
        if exc.code not in ("network.signed_out", "vault.closed"):
            raise
        staff = remote.client.sign_in(session.actor, password)
        if staff.id != session.staff.id:  # pragma: no cover  (the host answers for the name it was given)
            raise
    session.locked = False
    remote.locked = False
