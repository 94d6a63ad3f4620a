"""Seat state: what one seat remembers of a site (window layout, language, chosen operator), in the site's
database keyed by the seat, instead of a file in the computer's user folder.

Revision ID: 0012_site_state
Revises: 0007_site_settings
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_site_state"
down_revision = "0007_site_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seat_state",
        sa.Column("seat", sa.String(length=128), primary_key=True),
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("seat_state")
