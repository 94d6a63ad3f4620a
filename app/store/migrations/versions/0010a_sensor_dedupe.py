"""Sensors: the last MQTT message handled per device (a retained message never raises an alarm twice)
and a login per Zigbee2MQTT broker (per-client credentials, the password sealed with a site key).

Revision ID: 0010a_sensor_dedupe
Revises: 0003a_dongle_host
"""

import sqlalchemy as sa
from alembic import op

revision = "0010a_sensor_dedupe"
down_revision = "0003a_dongle_host"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mqtt_last_messages",
        sa.Column("dongle", sa.String(length=64), primary_key=True),
        sa.Column("device", sa.String(length=255), primary_key=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    with op.batch_alter_table("dongles") as batch:
        batch.add_column(sa.Column("mqtt_username", sa.String(length=128), nullable=True))
        batch.add_column(sa.Column("mqtt_password_sealed", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dongles") as batch:
        batch.drop_column("mqtt_password_sealed")
        batch.drop_column("mqtt_username")
    op.drop_table("mqtt_last_messages")
