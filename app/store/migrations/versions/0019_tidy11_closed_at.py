"""An index on tickets.closed_at: the period's tickets closed (结案), which the work statistics count
(`app/grid_work/work_stats.py`, `_tickets_solved`) for the monthly report and `work-stats`, were read by
scanning every ticket. The KPI reads go by `created_at` and the grid columns, which have their indexes.

Revision ID: 0019_tidy11_closed_at
Revises: 0002_tickets (the last revision that changed the tickets table)
"""

from alembic import op

revision = "0019_tidy11_closed_at"
down_revision = "0002_tickets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_tickets_closed_at"), "tickets", ["closed_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_tickets_closed_at"), table_name="tickets")
