"""Video: camera bearing (for the map's view cone) and saved wall layouts.

Revision ID: 0004_video
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_video"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cameras") as batch:
        batch.add_column(sa.Column("bearing", sa.Float(), nullable=True))
    op.create_table(
        "wall_layouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wall_layouts")),
        sa.UniqueConstraint("name", name=op.f("uq_wall_layouts_name")),
    )


def downgrade() -> None:
    op.drop_table("wall_layouts")
    with op.batch_alter_table("cameras") as batch:
        batch.drop_column("bearing")
