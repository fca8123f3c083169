"""Alembic, driven from code: ``upgrade`` runs at service start and from ``maya-hq db upgrade``."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Engine

HEAD = "head"
MIGRATION_LOCK_KEY = 0x4D415941  # "MAYA"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("maya_hq").joinpath("migrations")))
    return config


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Bring the database to ``revision`` (default: the newest). Safe to run on every start."""
    config = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # several instances starting at once: one migrates, the rest wait
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("maya_hq/migrations holds no revision")
    return head
