"""``maya-hq`` as a real process: enrol, rotate, revoke, list, staff; bad input gives English + Persian, never a
traceback; the token is printed once and is nowhere in the database file."""

from __future__ import annotations

import re
import subprocess

from hq_helpers import REPO, hq_command


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(hq_command(*args), cwd=REPO, capture_output=True, text=True, timeout=120, env=env)


def test_clinic_lifecycle_and_clear_refusals(tmp_path) -> None:
    db = tmp_path / "hq.db"
    url = ["--database-url", f"sqlite:///{db}"]
    added = run("clinic", "add", "Maya Tehran", "--clinic-id", "cl_tehran", "--retention-days", "5", *url)
    assert added.returncode == 0, added.stderr
    token = re.search(r"token: (\S+)", added.stdout).group(1)
    assert token.encode() not in db.read_bytes()
    listed = run("clinic", "list", *url)
    assert "cl_tehran\tactive\tretention=5d" in listed.stdout and token not in listed.stdout
    rotated = run("clinic", "rotate-token", "cl_tehran", *url)
    assert rotated.returncode == 0 and token not in rotated.stdout
    assert run("clinic", "revoke", "cl_tehran", *url).returncode == 0
    assert "cl_tehran\trevoked" in run("clinic", "list", *url).stdout
    for bad in (
        ("clinic", "add", "X", "--clinic-id", "cl_0912345678"),  # a phone number cannot hide in a clinic id
        ("clinic", "add", "Again", "--clinic-id", "cl_tehran"),
        ("clinic", "add", "X", "--retention-days", "99"),
        ("clinic", "revoke", "cl_nobody"),
        ("staff", "add", "Bad Name"),
    ):
        refused = run(*bad, *url, env={"MAYA_HQ_PASSWORD": "long-enough-password", "PATH": "/usr/bin"})
        assert refused.returncode == 2, bad
        assert "Traceback" not in refused.stderr and re.search("[\u0600-\u06ff]", refused.stderr), bad
    broken = run("clinic", "list", "--database-url", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
