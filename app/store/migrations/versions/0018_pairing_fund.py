"""Pairings with history and targets (领导包保 a leader backs a grid, 党员联户 a party member a household,
干部包片 a cadre an area), and the compounds' mutual-aid fund (爱心基金) ledger in integer fen.

Revision ID: 0018_pairing_fund
Revises: 0016a_votes (the grid's own work)
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_pairing_fund"
down_revision = "0016a_votes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("party_pairings") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=12), nullable=False, server_default="household"))
        batch.add_column(sa.Column("grid_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("started_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("ended_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("end_note", sa.Text(), nullable=True))
        batch.alter_column("household_id", existing_type=sa.Integer(), nullable=True)
        batch.create_foreign_key(
            op.f("fk_party_pairings_grid_id_grids"), "grids", ["grid_id"], ["id"], ondelete="RESTRICT"
        )
        batch.create_check_constraint(
            op.f("ck_party_pairings_pairing_target"),
            "(kind = 'household' AND household_id IS NOT NULL AND grid_id IS NULL)"
            " OR (kind <> 'household' AND grid_id IS NOT NULL AND household_id IS NULL)",
        )
        batch.create_index("ix_party_pairings_kind", ["kind"])
        batch.create_index("ix_party_pairings_grid_id", ["grid_id"])
        batch.create_index("ix_party_pairings_ended_at", ["ended_at"])
    op.create_table(
        "fund_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("party", sa.String(length=64), nullable=False),
        sa.Column("receipt_no", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grids.id"], name=op.f("fk_fund_entries_grid_id_grids"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["fund_entries.id"],
            name=op.f("fk_fund_entries_reverses_id_fund_entries"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_entries")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_fund_entries_reverses_id")),
    )
    op.create_index("ix_fund_entries_grid_id", "fund_entries", ["grid_id"])
    op.create_index("ix_fund_entries_at", "fund_entries", ["at"])


def downgrade() -> None:
    op.drop_table("fund_entries")
    op.execute("DELETE FROM party_pairings WHERE kind <> 'household'")
    with op.batch_alter_table("party_pairings") as batch:
        batch.drop_index("ix_party_pairings_ended_at")
        batch.drop_index("ix_party_pairings_grid_id")
        batch.drop_index("ix_party_pairings_kind")
        batch.drop_constraint("ck_party_pairings_pairing_target", type_="check")
        batch.drop_constraint("fk_party_pairings_grid_id_grids", type_="foreignkey")
        batch.alter_column("household_id", existing_type=sa.Integer(), nullable=False)
        for column in ("end_note", "ended_at", "started_at", "grid_id", "kind"):
            batch.drop_column(column)
