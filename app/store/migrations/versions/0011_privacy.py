"""Personal data at rest: ID numbers and health notes sealed with a keyed-hash index; one key per
face subject (crypto-shredding on forget).

Existing residents' ID numbers and health notes are sealed here, with the site secret of the process
that runs the upgrade (GCC_SITE_SECRET, or its data folder's site_secrets/, created if the site has
none yet: other seats then copy that file, docs/ARCHITECTURE.md "Personal data"). The clear columns
are dropped in the same transaction, so no clear copy outlives the upgrade in a live row.

Each subject's key is stored wrapped with the site's face key, which derives from the site secret kept
outside the database (`app/privacy/site_secret.py`). Templates made before this revision were
encrypted with a per-seat key file; the seat that holds it re-encrypts them on its next start
(`video/ai/legacy_keys.py`): a migration has no access to a seat's files.

Revision ID: 0011_privacy
Revises: 0011a_consent, 0004a_camera_credentials (site_keys holds the site id and the secret's check)
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from app.privacy.roster_cipher import HEALTH_NOTE, ID_NUMBER, RosterCipher

revision = "0011_privacy"
down_revision = ("0011a_consent", "0004a_camera_credentials")
branch_labels = None
depends_on = None


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
    with op.batch_alter_table("residents") as batch:
        batch.add_column(sa.Column("id_sealed", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("id_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("id_masked", sa.String(length=24), nullable=True))
        batch.add_column(sa.Column("health_sealed", sa.LargeBinary(), nullable=True))
        batch.create_unique_constraint(op.f("uq_residents_id_hash"), ["id_hash"])
        batch.create_index(op.f("ix_residents_id_masked"), ["id_masked"], unique=False)
    _seal_existing_residents()
    with op.batch_alter_table("residents") as batch:
        batch.drop_constraint(op.f("uq_residents_id_number"), type_="unique")
        batch.drop_column("id_number")
        batch.drop_column("health_note")


def _seal_existing_residents() -> None:
    connection = op.get_bind()
    residents = sa.table(
        "residents",
        sa.column("id"),
        sa.column("id_number"),
        sa.column("health_note"),
        sa.column("id_sealed"),
        sa.column("id_hash"),
        sa.column("id_masked"),
        sa.column("health_sealed"),
    )
    rows = connection.execute(
        sa.select(residents.c.id, residents.c.id_number, residents.c.health_note).where(
            sa.or_(residents.c.id_number.is_not(None), residents.c.health_note.is_not(None))
        )
    ).all()
    if not rows:
        return  # a new or empty site: its secret is made when first needed
    session = Session(bind=connection)  # joins the migration's transaction, commits nothing itself
    cipher = RosterCipher.of_site(session)
    session.flush()
    for resident_id, number, note in rows:
        values = cipher.id_columns(number) | cipher.health_columns(note)
        connection.execute(residents.update().where(residents.c.id == resident_id).values(**values))


def downgrade() -> None:
    """Back to clear columns, opened with the same site secret (refused without it: nothing is lost)."""
    with op.batch_alter_table("residents") as batch:
        batch.add_column(sa.Column("id_number", sa.String(length=18), nullable=True))
        batch.add_column(sa.Column("health_note", sa.String(length=200), nullable=True))
    _open_sealed_residents()
    with op.batch_alter_table("residents") as batch:
        batch.create_unique_constraint(op.f("uq_residents_id_number"), ["id_number"])
        batch.drop_index(op.f("ix_residents_id_masked"))
        batch.drop_constraint(op.f("uq_residents_id_hash"), type_="unique")
        batch.drop_column("health_sealed")
        batch.drop_column("id_masked")
        batch.drop_column("id_hash")
        batch.drop_column("id_sealed")
    op.drop_table("face_subject_keys")


def _open_sealed_residents() -> None:
    connection = op.get_bind()
    residents = sa.table(
        "residents", sa.column("id"), sa.column("id_number"), sa.column("health_note"),
        sa.column("id_sealed"), sa.column("health_sealed"),
    )  # fmt: skip
    rows = connection.execute(
        sa.select(residents.c.id, residents.c.id_sealed, residents.c.health_sealed).where(
            sa.or_(residents.c.id_sealed.is_not(None), residents.c.health_sealed.is_not(None))
        )
    ).all()
    if not rows:
        return
    cipher = RosterCipher.of_site(Session(bind=connection))
    for resident_id, id_sealed, health_sealed in rows:
        connection.execute(
            residents.update()
            .where(residents.c.id == resident_id)
            .values(
                id_number=cipher.open(id_sealed, ID_NUMBER),
                health_note=cipher.open(health_sealed, HEALTH_NOTE),
            )
        )
