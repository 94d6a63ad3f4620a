"""Alarms: the alarm lifecycle, per-household care rules, sensor status, heard codes, dongles.

Revision ID: 0003_alarms
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_alarms"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dongles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("protocol", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("baud", sa.Integer(), nullable=False),
        sa.Column("base_topic", sa.String(length=64), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dongles")),
        sa.UniqueConstraint("name", name=op.f("uq_dongles_name")),
    )
    op.create_table(
        "heard_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("protocol", sa.String(length=16), nullable=False),
        sa.Column("device_code", sa.String(length=64), nullable=False),
        sa.Column("dongle", sa.String(length=64), nullable=True),
        sa.Column("first_heard_at", sa.DateTime(), nullable=False),
        sa.Column("last_heard_at", sa.DateTime(), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_heard_codes")),
        sa.UniqueConstraint("protocol", "device_code", name="protocol_code"),
    )
    op.create_index(op.f("ix_heard_codes_last_heard_at"), "heard_codes", ["last_heard_at"], unique=False)
    op.create_table(
        "care_settings",
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("inactivity_enabled", sa.Boolean(), nullable=False),
        sa.Column("inactivity_hours", sa.Float(), nullable=False),
        sa.Column("active_start_minute", sa.Integer(), nullable=False),
        sa.Column("active_end_minute", sa.Integer(), nullable=False),
        sa.Column("away", sa.Boolean(), nullable=False),
        sa.Column("night_door_alarm", sa.Boolean(), nullable=False),
        sa.Column("night_start_minute", sa.Integer(), nullable=False),
        sa.Column("night_end_minute", sa.Integer(), nullable=False),
        sa.Column("silent_hours", sa.Float(), nullable=False),
        sa.Column("low_battery_percent", sa.Integer(), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(), nullable=True),
        sa.Column("inactivity_alarm_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_care_settings_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_care_settings")),
    )
    op.create_table(
        "alarms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("sensor_id", sa.Integer(), nullable=True),
        sa.Column("camera_id", sa.Integer(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=64), nullable=True),
        sa.Column("ack_note", sa.Text(), nullable=True),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("handled_by", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
        sa.Column("escalated_to", sa.Text(), nullable=True),
        sa.CheckConstraint("priority BETWEEN 1 AND 3", name=op.f("ck_alarms_priority_range")),
        sa.ForeignKeyConstraint(
            ["camera_id"], ["cameras.id"], name=op.f("fk_alarms_camera_id_cameras"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grids.id"], name=op.f("fk_alarms_grid_id_grids"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_alarms_household_id_households"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sensor_id"], ["sensors.id"], name=op.f("fk_alarms_sensor_id_sensors"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarms")),
    )
    op.create_index(op.f("ix_alarms_grid_id"), "alarms", ["grid_id"], unique=False)
    op.create_index(op.f("ix_alarms_household_id"), "alarms", ["household_id"], unique=False)
    op.create_index(op.f("ix_alarms_kind"), "alarms", ["kind"], unique=False)
    op.create_index(op.f("ix_alarms_priority"), "alarms", ["priority"], unique=False)
    op.create_index(op.f("ix_alarms_raised_at"), "alarms", ["raised_at"], unique=False)
    op.create_index(op.f("ix_alarms_sensor_id"), "alarms", ["sensor_id"], unique=False)
    op.create_index(op.f("ix_alarms_state"), "alarms", ["state"], unique=False)
    op.create_table(
        "rf_extra_codes",
        sa.Column("code", sa.String(length=6), nullable=False),
        sa.Column("sensor_id", sa.Integer(), nullable=False),
        sa.Column("meaning", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["sensor_id"],
            ["sensors.id"],
            name=op.f("fk_rf_extra_codes_sensor_id_sensors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_rf_extra_codes")),
    )
    op.create_index(op.f("ix_rf_extra_codes_sensor_id"), "rf_extra_codes", ["sensor_id"], unique=False)
    op.create_table(
        "sensor_status",
        sa.Column("sensor_id", sa.Integer(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("last_value", sa.String(length=64), nullable=True),
        sa.Column("battery", sa.Integer(), nullable=True),
        sa.Column("online", sa.Boolean(), nullable=True),
        sa.Column("silent_alarm_at", sa.DateTime(), nullable=True),
        sa.Column("low_battery_alarm_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["sensor_id"], ["sensors.id"], name=op.f("fk_sensor_status_sensor_id_sensors"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("sensor_id", name=op.f("pk_sensor_status")),
    )
    op.create_index(op.f("ix_sensor_status_last_seen_at"), "sensor_status", ["last_seen_at"], unique=False)


def downgrade() -> None:
    for table in ("sensor_status", "rf_extra_codes", "alarms", "care_settings", "heard_codes", "dongles"):
        op.drop_table(table)
