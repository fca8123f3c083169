"""A sender process killed with SIGKILL in the middle of a send, then restarted: every notice goes out,
once per event (the email repeat carries the same Message-ID; the SMS gateway drops the repeat by
its localid), and each notice is marked and audited as sent exactly once."""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys

from maya_desktop.core import audit
from maya_desktop.core.notices import config
from maya_desktop.core.notices.channels import local_id_for, message_id
from maya_desktop.core.orders.states import Status
from tests.conftest import PASSWORD
from tests.notices.conftest import FROM, email_settings, sms_settings

CLI = "import sys; from maya_desktop.cli import main; sys.exit(main(sys.argv[1:]))"


def _sender(clinic, *extra: str) -> subprocess.Popen:  # type: ignore[no-untyped-def]
    args = [sys.executable, "-c", CLI, "notices", "send", "--data-dir", str(clinic.root), "--username", "admin"]
    env = {**os.environ, "MAYA_PASSWORD": PASSWORD}
    return subprocess.Popen([*args, *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_while_held(clinic, held) -> None:  # type: ignore[no-untyped-def]
    proc = _sender(clinic, "--interval", "1")
    try:
        assert held.holding.wait(120), "the sender never reached the held message"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
        held.release.set()
    assert proc.returncode == -signal.SIGKILL


def _restart(clinic) -> str:  # type: ignore[no-untyped-def]
    proc = _sender(clinic, "--once")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return out


def _states(clinic) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return dict(clinic.admin.conn.execute("SELECT state, count(*) FROM notices GROUP BY state").fetchall())


def _sent_audits(clinic) -> collections.Counter[int]:  # type: ignore[no-untyped-def]
    entries = audit.entries(clinic.admin.conn, limit=10_000)
    return collections.Counter(e.details["notice"] for e in entries if e.action == "notice.sent")


def test_email_notices_survive_kill_9_once_per_event(clinic, walk, starttls_smtp, mailbox, ca_file):
    config.configure_email(clinic.admin, email_settings(starttls_smtp, "starttls", ca_file))
    walk(Status.DELIVERED, client_id=1)
    walk(Status.DELIVERED, client_id=3)
    uids = dict(clinic.admin.conn.execute("SELECT id, uid FROM notices").fetchall())
    assert len(uids) == 6
    mailbox.hold_at = 3
    _kill_while_held(clinic, mailbox)
    assert _states(clinic).get("sending") == 1  # claimed, handed to the server, never marked sent
    out = _restart(clinic)
    assert "resumed after interruption 1" in out
    assert _states(clinic) == {"sent": 6}
    received = collections.Counter(mailbox.message_ids())
    assert set(received) == {message_id(uid, FROM) for uid in uids.values()}  # every event, one identity each
    assert sorted(received.values()) == [1, 1, 1, 1, 1, 2]  # only the interrupted one came twice, same Message-ID
    assert _sent_audits(clinic) == collections.Counter(dict.fromkeys(uids, 1))


def test_sms_notices_survive_kill_9_exactly_once_at_the_gateway(clinic, walk, gateway, ca_file):
    state, url = gateway
    config.configure_sms(clinic.admin, sms_settings(url, ca_file))
    walk(Status.DELIVERED, client_id=1)
    walk(Status.DELIVERED, client_id=3)
    uids = dict(clinic.admin.conn.execute("SELECT id, uid FROM notices").fetchall())
    state.hold_at = 2
    _kill_while_held(clinic, state)
    assert _states(clinic).get("sending") == 1
    _restart(clinic)
    assert _states(clinic) == {"sent": 6}
    assert sorted(s["localid"] for s in state.sent) == sorted(local_id_for(uid) for uid in uids.values())
    assert state.requests == 7  # the repeat reached the gateway, which answered it without sending again
    assert _sent_audits(clinic) == collections.Counter(dict.fromkeys(uids, 1))
