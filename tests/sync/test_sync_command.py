"""`maya-desktop sync` against a live HTTPS receiver, a stopped one, a refusing one; exit codes and output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sync_helpers import HQ_TOKEN, configure_sync, free_port

from maya_desktop.cli import main
from maya_desktop.core.orders import records
from maya_desktop.core.sync import outbox
from tests.conftest import PASSWORD, REPO


def queue_orders(session, n: int = 3) -> list[str]:
    refs = []
    for client_id in range(1, n + 1):
        refs.append(records.create_order(session, client_id, "confidential_document", notes="یادداشت").order_ref)
    return refs


def sync_args(data_dir: Path, *extra: str) -> list[str]:
    return ["sync", "--data-dir", str(data_dir), "--password", PASSWORD, "--username", "admin", *extra]


def assert_nothing_secret(text: str, refs: list[str]) -> None:
    assert HQ_TOKEN not in text and "Bearer" not in text
    for ref in refs:
        assert ref not in text  # no payloads either
    assert "{" not in text


def test_once_against_a_live_receiver_exits_0(demo, data_dir, hq, hq_pki, capsys) -> None:
    receiver, recorder = hq()
    configure_sync(demo.conn, receiver.url, hq_pki)
    refs = queue_orders(demo)
    pending = outbox.stats(demo.conn).pending + 1  # + the audit.anchor the command's login queues
    assert pending >= 4
    assert main(sync_args(data_dir, "--once")) == 0
    out, err = capsys.readouterr()
    assert f"sent {pending}," in out and "pending 0" in out and "duplicates 0" in out and "rejected 0" in out
    assert_nothing_secret(out + err, refs)
    assert sorted(receiver.store.event_ids()) == sorted(
        r[0] for r in demo.conn.execute("SELECT event_id FROM sync_outbox")
    )
    assert outbox.stats(demo.conn).pending == 0 and recorder.requests >= 1
    # Nothing left: a second run sends only the audit.anchor of the head its predecessor's login moved.
    assert main(sync_args(data_dir, "--once")) == 0
    assert "sent 1," in capsys.readouterr().out
    assert receiver.store.payloads()[-1]["type"] == "audit.anchor"


def test_once_against_a_stopped_receiver_exits_2_and_keeps_everything(demo, data_dir, hq_pki, capsys) -> None:
    configure_sync(demo.conn, f"https://127.0.0.1:{free_port()}", hq_pki)  # nothing listens there
    refs = queue_orders(demo, 2)
    pending = outbox.stats(demo.conn).pending + 1  # + the audit.anchor the command's login queues
    assert main(sync_args(data_dir, "--once")) == 2
    out, err = capsys.readouterr()
    assert "could not be reached" in err and f"pending {pending}" in out and "sent 0," in out
    assert_nothing_secret(out + err, refs)
    assert outbox.stats(demo.conn).pending == pending  # nothing lost; retried later with back-off


def test_stopped_after_a_successful_push_exits_2(demo, data_dir, hq, hq_pki, capsys) -> None:
    receiver, _rec = hq()
    port = receiver.port
    configure_sync(demo.conn, receiver.url, hq_pki)
    queue_orders(demo, 1)
    assert main(sync_args(data_dir, "--once")) == 0
    receiver.stop()
    queue_orders(demo, 1)
    capsys.readouterr()
    assert main(sync_args(data_dir, "--once")) == 2
    assert "could not be reached" in capsys.readouterr().err
    assert f":{port}" in demo.conn.execute("SELECT value FROM settings WHERE key = 'sync.endpoint'").fetchone()[0]


def test_wrong_token_is_refused_with_exit_2(demo, data_dir, hq, hq_pki, capsys) -> None:
    receiver, _rec = hq(token="another-clinic-token-" + "x" * 20)
    configure_sync(demo.conn, receiver.url, hq_pki)
    refs = queue_orders(demo, 1)
    assert main(sync_args(data_dir, "--once")) == 2
    out, err = capsys.readouterr()
    assert "refused the clinic token (HTTP 401)" in err
    assert_nothing_secret(out + err, refs)


def test_not_configured_and_wrong_password_exit_2(demo, data_dir, capsys) -> None:
    queue_orders(demo, 1)
    assert main(sync_args(data_dir, "--once")) == 2
    assert "not configured" in capsys.readouterr().err
    bad = ["sync", "--data-dir", str(data_dir), "--password", "not-the-password", "--once"]
    assert main(bad) == 2
    assert "error:" in capsys.readouterr().err


def test_internal_error_exits_1_without_details(demo, data_dir, hq, hq_pki, capsys, monkeypatch) -> None:
    from maya_desktop.core.sync.runner import SyncLoop

    receiver, _rec = hq()
    configure_sync(demo.conn, receiver.url, hq_pki)

    def broken(self, now=None):
        raise RuntimeError("+989121234567 secret detail")

    monkeypatch.setattr(SyncLoop, "round", broken)
    assert main(sync_args(data_dir, "--once")) == 1
    err = capsys.readouterr().err
    assert "internal error: RuntimeError" in err and "989121234567" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_loop_mode_pushes_new_events_and_stops_on_ctrl_c(demo, data_dir, hq, hq_pki) -> None:
    receiver, _rec = hq()
    configure_sync(demo.conn, receiver.url, hq_pki)
    queue_orders(demo, 2)
    first = outbox.stats(demo.conn).pending + 1  # + the audit.anchor the command's login queues
    env = dict(os.environ, MAYA_PASSWORD=PASSWORD, PYTHONUNBUFFERED="1")
    cmd = [sys.executable, "-m", "maya_desktop", "sync", "--data-dir", str(data_dir), "--interval", "1"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)  # one line per round
    reader.start()

    def wait_for(what: str) -> None:
        deadline = time.monotonic() + 30
        while not any(what in line for line in lines) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any(what in line for line in lines), lines

    try:
        wait_for(f"sent {first},")
        assert len(receiver.store.event_ids()) == first
        queue_orders(demo, 1)  # a new order while the loop runs: goes out at the next round
        wait_for("sent 1,")
        assert len(receiver.store.event_ids()) == first + 1
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
        reader.join(5)
        out, err = "".join(lines), proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert f"sent {first + 1}," in out and "pending 0" in out
    assert HQ_TOKEN not in out + err and "Traceback" not in err
