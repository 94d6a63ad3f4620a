"""The one store API: SQLAlchemy 2 on SQLite (embedded, WAL) or PostgreSQL (several seats)."""

from app.store.base import Base
from app.store.database import Database, StoreError

__all__ = ["Base", "Database", "StoreError"]
