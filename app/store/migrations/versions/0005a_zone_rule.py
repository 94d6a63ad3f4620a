"""AI zones get a rule: forbidden at any hour (禁入区域) or only at night (夜间区域).

Revision ID: 0005a_zone_rule
Revises: 0005_faces
"""

import sqlalchemy as sa
from alembic import op

revision = "0005a_zone_rule"
down_revision = "0005_faces"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ai_zones") as batch:
        batch.add_column(sa.Column("rule", sa.String(length=16), server_default="forbidden", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("ai_zones") as batch:
        batch.drop_column("rule")
