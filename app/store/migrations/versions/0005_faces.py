"""Face gallery (subjects, consents, encrypted templates), AI zones and AI events.

Revision ID: 0005_faces
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_faces"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "face_subjects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_name", sa.String(length=16), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name=op.f("fk_face_subjects_resident_id_residents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_subjects")),
    )
    op.create_index(op.f("ix_face_subjects_list_name"), "face_subjects", ["list_name"], unique=False)
    op.create_index(op.f("ix_face_subjects_resident_id"), "face_subjects", ["resident_id"], unique=True)
    op.create_table(
        "face_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["face_subjects.id"],
            name=op.f("fk_face_consents_subject_id_face_subjects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_consents")),
    )
    op.create_index(op.f("ix_face_consents_subject_id"), "face_consents", ["subject_id"], unique=False)
    op.create_table(
        "face_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=128), nullable=False),
        sa.Column("dimensions", sa.Integer(), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("photo_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["face_subjects.id"],
            name=op.f("fk_face_templates_subject_id_face_subjects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_templates")),
    )
    op.create_index(op.f("ix_face_templates_subject_id"), "face_templates", ["subject_id"], unique=False)
    op.create_table(
        "ai_zones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("camera_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("points", sa.Text(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["camera_id"], ["cameras.id"], name=op.f("fk_ai_zones_camera_id_cameras"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_zones")),
    )
    op.create_index(op.f("ix_ai_zones_camera_id"), "ai_zones", ["camera_id"], unique=False)
    op.create_table(
        "ai_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("camera_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("track_id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("zone", sa.String(length=64), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.LargeBinary(), nullable=True),
        sa.Column("face_crop", sa.LargeBinary(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["camera_id"], ["cameras.id"], name=op.f("fk_ai_events_camera_id_cameras"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["face_subjects.id"],
            name=op.f("fk_ai_events_subject_id_face_subjects"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_events")),
    )
    op.create_index(op.f("ix_ai_events_at"), "ai_events", ["at"], unique=False)
    op.create_index(op.f("ix_ai_events_camera_id"), "ai_events", ["camera_id"], unique=False)
    op.create_index(op.f("ix_ai_events_kind"), "ai_events", ["kind"], unique=False)
    op.create_index(op.f("ix_ai_events_subject_id"), "ai_events", ["subject_id"], unique=False)


def downgrade() -> None:
    op.drop_table("ai_events")
    op.drop_table("ai_zones")
    op.drop_table("face_templates")
    op.drop_table("face_consents")
    op.drop_table("face_subjects")
