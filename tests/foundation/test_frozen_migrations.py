"""Migrations are frozen (issue 13): a fresh schema equals one built at version 1 and migrated step by step,
nothing in core/migrations reads a live DDL constant, and a data folder made by an earlier release's own code
migrates and opens with this code."""

from __future__ import annotations

import ast
import io
import os
import re
import secrets
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from maya_desktop.core import db
from maya_desktop.core.migrations import MIGRATIONS, migrate
from tests.conftest import PASSWORD, REPO

# The release before the migrations were frozen (5 migrations: core, orders, search, legal, client ids).
PREVIOUS_RELEASE = "f823936"


def normalized_schema(conn: db.Connection) -> list[tuple[str, str, str]]:
    """sqlite_master as (type, name, sql) with whitespace collapsed, sorted; SQLite's own objects left out."""
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    return sorted((kind, name, re.sub(r"\s+", " ", sql or "").strip()) for kind, name, sql in rows)


def fresh(path: Path) -> db.Connection:
    conn = db.connect(path, secrets.token_bytes(32), create=True)
    migrate(conn)
    return conn


def test_fresh_schema_equals_one_migrated_step_by_step_from_version_1(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    conn = db.connect(tmp_path / "stepwise.db", key, create=True)
    with db.transaction(conn):
        MIGRATIONS[0](conn)
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    for version in range(1, len(MIGRATIONS)):  # one version per open, as a data folder met each release
        conn = db.connect(tmp_path / "stepwise.db", key)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        with db.transaction(conn):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        conn.close()
    stepwise = db.connect(tmp_path / "stepwise.db", key)
    at_once = fresh(tmp_path / "fresh.db")
    assert normalized_schema(stepwise) == normalized_schema(at_once)
    assert stepwise.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    # the seeded rows (price rules, audit head) are the same too
    for table in ("price_rules", "audit_head"):
        assert stepwise.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() == at_once.execute(
            f"SELECT * FROM {table} ORDER BY 1, 2"
        ).fetchall()
    assert stepwise.execute("SELECT count(*) FROM audit_anchor_key").fetchone()[0] == 1


def test_migrations_import_no_schema_constants_from_other_modules() -> None:
    """What an old data folder migrates to must not change when a module's DDL changes."""
    source = (REPO / "maya_desktop" / "core" / "migrations" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("maya_desktop"):
            assert node.module in {"maya_desktop.core.db", "maya_desktop.core.errors"}, node.module
    sql_files = sorted(p.name for p in (REPO / "maya_desktop" / "core" / "migrations").glob("*.sql"))
    numbers = [int(name[:4]) for name in sql_files]
    assert numbers == sorted(set(numbers)) and max(numbers) <= len(MIGRATIONS)


@pytest.mark.slow
def test_data_folder_of_the_previous_release_migrates_and_opens(tmp_path: Path) -> None:
    from maya_desktop.core.vault import Vault

    archive = subprocess.run(
        ["git", "archive", PREVIOUS_RELEASE], cwd=REPO, capture_output=True, check=False
    )
    if archive.returncode != 0:
        pytest.skip(f"release {PREVIOUS_RELEASE} not in this clone's history")
    old_code = tmp_path / "previous-release"
    old_code.mkdir()
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(old_code, filter="data")
    data_dir = tmp_path / "clinic"
    env = {**os.environ, "PYTHONPATH": str(old_code)}
    made = subprocess.run(
        [sys.executable, "-c", "import sys; from maya_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
         "demo", "--data-dir", str(data_dir), "--password", PASSWORD, "--clients", "4"],
        cwd=old_code, env=env, capture_output=True, text=True, check=False, timeout=300,
    )
    assert made.returncode == 0, made.stderr[-2000:]

    session = Vault.open(data_dir, "admin", PASSWORD)
    try:
        conn = session.vault.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert normalized_schema(conn) == normalized_schema(fresh(tmp_path / "fresh.db"))
        assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 4
        assert conn.execute("SELECT count(*) FROM clients_short").fetchone()[0] == 4  # 0009 indexed the old rows
        assert conn.execute("SELECT count(*) FROM audit_anchor_key").fetchone()[0] == 1
    finally:
        session.vault.close()
    for username in ("reception", "doctor"):  # every account of the old folder still signs in
        Vault.open(data_dir, username, PASSWORD).vault.close()
