"""`maya-desktop sync configure` / `sync status` against a real HTTPS receiver (trustme CA on 127.0.0.1)."""

from __future__ import annotations

import hashlib
import json

from sync_helpers import HQ_TOKEN, free_port

from maya_desktop.cli import main
from maya_desktop.core import audit
from maya_desktop.core.orders import records
from maya_desktop.core.sync import settings as sync_settings
from maya_desktop.core.sync.settings import spki_sha256_of_pem
from tests.conftest import PASSWORD


def args(data_dir, *extra: str) -> list[str]:
    return ["sync", *extra[:1], "--data-dir", str(data_dir), "--password", PASSWORD, *extra[1:]]


def test_configure_then_push_once_then_status(demo, data_dir, hq, hq_pki, tmp_path, capsys) -> None:
    receiver, _rec = hq()
    records.create_order(demo, 1, "confidential_document")
    token = tmp_path / "token"
    token.write_text(HQ_TOKEN + "\n")
    pin = spki_sha256_of_pem(hq_pki.cert_pem)
    configure = args(
        data_dir,
        "configure",
        "--endpoint",
        receiver.url,
        "--token-file",
        str(token),
        "--pin",
        pin,
        "--ca-file",
        hq_pki.ca_file,
        "--clinic-id",
        "cl_maya",
    )
    assert main(configure) == 0
    out = capsys.readouterr().out
    assert "certificate pin set" in out and HQ_TOKEN not in out
    config = sync_settings.load_config(demo.conn)
    assert config and config.endpoint == receiver.url and config.token == HQ_TOKEN and config.pin_sha256 == pin
    entry = audit.entries(demo.conn, limit=1)[0]
    assert entry.action == "sync.settings_changed" and HQ_TOKEN not in str(entry.details)

    assert main(args(data_dir, "--once")) == 0
    assert main(args(data_dir, "status")) == 0
    out = capsys.readouterr().out
    assert "configured: yes" in out and "certificate pin: set" in out
    # Nothing of the push is left; `status` signing in queued the audit anchor (issue 12), nothing else.
    pending_types = [
        json.loads(p)["type"] for (p,) in demo.conn.execute("SELECT payload FROM sync_outbox WHERE state = 'pending'")
    ]
    assert set(pending_types) <= {"audit.anchor"} and f"pending: {len(pending_types)}" in out
    assert "last success: never" not in out and HQ_TOKEN not in out

    # A wrong pin: the push refuses, and --once does not promise a retry it will not make.
    assert main(args(data_dir, "configure", "--endpoint", receiver.url, "--pin", hashlib.sha256(b"x").hexdigest())) == 0
    records.create_order(demo, 2, "confidential_document")
    capsys.readouterr()
    assert main(args(data_dir, "--once")) == 2
    err = capsys.readouterr().err
    assert "does not match the saved pin" in err and "will retry" not in err


def test_once_against_nothing_does_not_say_will_retry(demo, data_dir, hq_pki, tmp_path, capsys) -> None:
    token = tmp_path / "token"
    token.write_text(HQ_TOKEN)
    url = f"https://127.0.0.1:{free_port()}"
    assert (
        main(args(data_dir, "configure", "--endpoint", url, "--token-file", str(token), "--ca-file", hq_pki.ca_file))
        == 0
    )
    records.create_order(demo, 1, "confidential_document")
    capsys.readouterr()
    assert main(args(data_dir, "--once")) == 2
    err = capsys.readouterr().err
    assert "could not be reached" in err and "will retry" not in err and "run again" in err
    assert "دوباره تلاش می‌شود" not in err and " | آخرین خطا: " in err  # Persian too, without the promise


def test_configure_refuses_http_a_bad_token_file_and_no_token(demo, data_dir, tmp_path, capsys) -> None:
    bad = tmp_path / "bad-token"
    bad.write_text("short\n")
    assert main(args(data_dir, "configure", "--endpoint", "https://hq.example.org", "--token-file", str(bad))) == 2
    assert "16–512" in capsys.readouterr().err
    assert main(args(data_dir, "configure", "--endpoint", "https://hq.example.org")) == 2  # no token saved yet
    assert "Enter the clinic token" in capsys.readouterr().err
    good = tmp_path / "token"
    good.write_text(HQ_TOKEN)
    assert main(args(data_dir, "configure", "--endpoint", "http://hq.example.org", "--token-file", str(good))) == 2
    err = capsys.readouterr().err
    assert "https://" in err and " | خطا: " in err
    assert sync_settings.load_config(demo.conn) is None  # nothing half-saved
    assert main(args(data_dir, "status")) == 0
    assert "configured: no" in capsys.readouterr().out
