"""Maya HQ: the head office's endpoint for the clinics' anonymized sync events (DESIGN §4c).

A stateless ASGI service (Starlette on uvicorn) over SQLAlchemy 2 with Alembic migrations:
PostgreSQL in production, a SQLite file for a one-box trial. It shares exactly one thing with the
desktop: the event contract (``maya_desktop.core.sync.contract``). Nothing here imports Qt or SQLCipher.
"""

__version__ = "0.1.0"
