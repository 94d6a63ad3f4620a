"""Personal data at rest: one key per face subject (crypto-shredding on forget).

Each subject's key is stored wrapped with the site's face key, which derives from the site secret kept
outside the database (`app/privacy/site_secret.py`). Templates made before this revision were
encrypted with a per-seat key file; the seat that holds it re-encrypts them on its next start
(`video/ai/legacy_keys.py`): a migration has no access to a seat's files.

Revision ID: 0011_privacy
Revises: 0011a_consent
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_privacy"
down_revision = "0011a_consent"
branch_labels = None
depends_on = "0004a_camera_credentials"  # site_keys holds the site id and the secret's check value


def upgrade() -> None:
    op.create_table(
        "face_subject_keys",
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["face_subjects.id"],
            name=op.f("fk_face_subject_keys_subject_id_face_subjects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("subject_id", name=op.f("pk_face_subject_keys")),
    )


def downgrade() -> None:
    op.drop_table("face_subject_keys")
