"""Playback from a camera's recorder by time: how it is asked (hikvision, dahua or an rtsp:// template).

Revision ID: 0018_clips_playback
Revises: 0017_clips
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_clips_playback"
down_revision = "0017_clips"
branch_labels = None
depends_on = "0004_video"  # the cameras table


def upgrade() -> None:
    with op.batch_alter_table("cameras") as batch:
        batch.add_column(sa.Column("playback", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cameras") as batch:
        batch.drop_column("playback")
