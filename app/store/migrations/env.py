"""Alembic environment: runs migrations on the engine handed in by app.store.Database."""

from alembic import context

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, render_as_batch=True, transaction_per_migration=True)
    context.run_migrations()
