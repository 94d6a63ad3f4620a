"""Camera credentials: the stream's user name and sealed password, and the site's keys.

Revision ID: 0004a_camera_credentials
Revises: 0004_video
"""

import sqlalchemy as sa
from alembic import op

revision = "0004a_camera_credentials"
down_revision = "0004_video"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cameras") as batch:
        batch.add_column(sa.Column("username", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("password_sealed", sa.LargeBinary(), nullable=True))
    op.create_table(
        "site_keys",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_site_keys")),
    )


def downgrade() -> None:
    op.drop_table("site_keys")
    with op.batch_alter_table("cameras") as batch:
        batch.drop_column("password_sealed")
        batch.drop_column("username")
