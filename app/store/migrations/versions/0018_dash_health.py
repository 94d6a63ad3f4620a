"""The devices' daily roll-ups for the statistics panel's charts: camera availability (seconds each
camera was watched and delivered pictures, per day) and the sensors' health (a snapshot per day of how
many have a low battery, are silent or offline). Neither was recorded before: the capture status lived
only in memory and a sensor's status row holds its present state only, so both begin empty.

Revision ID: 0018_dash_health
Revises: 0018_clips_playback
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_dash_health"
down_revision = "0018_clips_playback"
branch_labels = None
depends_on = None


def _counter(name: str, kind=sa.Integer) -> sa.Column:
    return sa.Column(name, kind(), nullable=False, server_default="0")


def upgrade() -> None:
    op.create_table(
        "rollup_camera_daily",
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("camera_id", sa.Integer(), nullable=False),
        _counter("observed_seconds", sa.Float),
        _counter("live_seconds", sa.Float),
        _counter("outages"),
        sa.PrimaryKeyConstraint("grid_id", "day", "camera_id", name=op.f("pk_rollup_camera_daily")),
    )
    op.create_table(
        "rollup_sensor_health",
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *(_counter(name) for name in ("sensors", "low_battery", "silent", "offline")),
        sa.PrimaryKeyConstraint("grid_id", "day", name=op.f("pk_rollup_sensor_health")),
    )


def downgrade() -> None:
    op.drop_table("rollup_sensor_health")
    op.drop_table("rollup_camera_daily")
