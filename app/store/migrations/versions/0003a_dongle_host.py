"""Dongles get a host: the computer a serial dongle is plugged into, so only that seat opens it.

NULL means "not pinned to a computer" (a Zigbee2MQTT broker any seat can reach, and every dongle
configured before this column existed): the one seat that runs the site scheduler reads it.

Revision ID: 0003a_dongle_host
Revises: 0003_alarms
"""

import sqlalchemy as sa
from alembic import op

revision = "0003a_dongle_host"
down_revision = "0003_alarms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dongles") as batch:
        batch.add_column(sa.Column("host", sa.String(length=255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dongles") as batch:
        batch.drop_column("host")
