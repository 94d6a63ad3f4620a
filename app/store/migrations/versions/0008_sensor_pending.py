"""Sensors waiting for their household (待绑定): a sensor whose flat has no household yet keeps the
flat's place here until a household appears there (the roster import, a hand edit), then is bound.

Revision ID: 0008_sensor_pending
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_sensor_pending"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sensor_pending",
        sa.Column("sensor_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("building_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("room", sa.String(length=16), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sensor_id"],
            ["sensors.id"],
            name=op.f("fk_sensor_pending_sensor_id_sensors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["building_id"],
            ["buildings.id"],
            name=op.f("fk_sensor_pending_building_id_buildings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sensor_id", name=op.f("pk_sensor_pending")),
    )
    op.create_index("ix_sensor_pending_place", "sensor_pending", ["building_id", "unit", "room"])


def downgrade() -> None:
    op.drop_index("ix_sensor_pending_place", table_name="sensor_pending")
    op.drop_table("sensor_pending")
