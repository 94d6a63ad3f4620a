"""Consent to face recognition as a structured record: its form (书面/口头/电子), scope and who gave it.

Rows written before this revision keep their method text; their form is read from it where the text
names one (书面签字 → written, 口头同意并录音 → oral, 线上确认 → electronic) and left empty otherwise,
so an old consent is never made to say more than it did. Their scope is the only use the gallery had.

Revision ID: 0011a_consent
Revises: 0005a_zone_rule
"""

import sqlalchemy as sa
from alembic import op

revision = "0011a_consent"
down_revision = "0005a_zone_rule"
branch_labels = None
depends_on = None

FORMS = (
    ("written", ("书面", "签字", "签名", "通知书")),
    ("oral", ("口头", "录音")),
    ("electronic", ("电子", "线上", "网上", "短信", "小程序")),
)
LEGACY_SCOPE = "本站点摄像机人脸比对"


def upgrade() -> None:
    with op.batch_alter_table("face_consents") as batch:
        batch.add_column(sa.Column("form", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("scope", sa.String(length=200), server_default="", nullable=False))
        batch.add_column(sa.Column("given_by", sa.String(length=64), server_default="本人", nullable=False))
    consents = sa.table("face_consents", sa.column("form"), sa.column("method"), sa.column("scope"))
    for form, words in reversed(FORMS):  # the first listed form wins where a text names two
        op.execute(
            consents.update()
            .where(sa.or_(*(consents.c.method.contains(word) for word in words)))
            .values(form=form)
        )
    op.execute(consents.update().values(scope=LEGACY_SCOPE))


def downgrade() -> None:
    with op.batch_alter_table("face_consents") as batch:
        batch.drop_column("given_by")
        batch.drop_column("scope")
        batch.drop_column("form")
