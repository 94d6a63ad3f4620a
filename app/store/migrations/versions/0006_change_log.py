"""The change log through which the processes of a SQLite site hear each other's changes.

Revision ID: 0006_change_log
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_change_log"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sqlite_autoincrement=True,  # ids never come back after a prune emptied the table
    )
    op.create_index("ix_change_log_at", "change_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_change_log_at", table_name="change_log")
    op.drop_table("change_log")
