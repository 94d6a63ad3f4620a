"""Site settings: the site's name, its time zone and the office's own ticket time limits.

Revision ID: 0007_site_settings
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_site_settings"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_settings",
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("site_settings")
