"""The grid-work screens' gaps: a volunteer activity's place and the ticket whose need it served
(助老 and the like), and a team's kind, so a compound's 居民自治小组 (residents' self-governance group)
is kept as a group whose members may vote, apart from the volunteer teams the statistics count.
A meeting keeps its place. A visit entered by mistake is voided (作废, with the reason), never deleted: it stays on the list,
marked, and no longer counts in the statistics or the visit plan.

Revision ID: 0018_gw_work_screens
Revises: 0018_pairing_fund
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_gw_work_screens"
down_revision = "0018_pairing_fund"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("volunteer_activities") as batch:
        batch.add_column(sa.Column("place", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("ticket_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_volunteer_activities_ticket", "tickets", ["ticket_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_volunteer_activities_ticket_id", ["ticket_id"])
    with op.batch_alter_table("volunteer_teams") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=16), nullable=False, server_default="volunteer"))

    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("voided_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("void_reason", sa.Text(), nullable=True))

    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("place", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("place")
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("void_reason")
        batch.drop_column("voided_at")
    with op.batch_alter_table("volunteer_teams") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("volunteer_activities") as batch:
        batch.drop_index("ix_volunteer_activities_ticket_id")
        batch.drop_constraint("fk_volunteer_activities_ticket", type_="foreignkey")
        batch.drop_column("ticket_id")
        batch.drop_column("place")
