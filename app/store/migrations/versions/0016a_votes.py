"""Residents' votes (议事表决): the question and its options, and one ballot per household or member;
meetings' agenda, attendance (present / absent) and resolutions, each possibly a ticket or a vote.

Revision ID: 0016a_votes
Revises: 0016_grid_work (a resolution may name a ticket, and tickets come with 0002)
"""

import sqlalchemy as sa
from alembic import op

revision = "0016a_votes"
down_revision = "0016_grid_work"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("opens_at", sa.DateTime(), nullable=False),
        sa.Column("closes_at", sa.DateTime(), nullable=False),
        sa.Column("quorum_percent", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("electorate", sa.Integer(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grids.id"], name=op.f("fk_votes_grid_id_grids"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["volunteer_teams.id"],
            name=op.f("fk_votes_team_id_volunteer_teams"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_votes")),
    )
    op.create_index("ix_votes_grid_id", "votes", ["grid_id"])
    op.create_table(
        "vote_options",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["vote_id"], ["votes.id"], name=op.f("fk_vote_options_vote_id_votes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_options")),
        sa.UniqueConstraint("vote_id", "position", name="vote_option_position"),
    )
    op.create_index("ix_vote_options_vote_id", "vote_options", ["vote_id"])
    op.create_table(
        "vote_ballots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("option_id", sa.Integer(), nullable=False),
        sa.Column("cast_at", sa.DateTime(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["vote_id"], ["votes.id"], name=op.f("fk_vote_ballots_vote_id_votes"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_vote_ballots_household_id_households"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_vote_ballots_person_id_people"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["vote_options.id"],
            name=op.f("fk_vote_ballots_option_id_vote_options"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_ballots")),
        sa.UniqueConstraint("vote_id", "household_id", name="one_ballot_per_household"),
        sa.UniqueConstraint("vote_id", "person_id", name="one_ballot_per_member"),
    )
    op.create_index("ix_vote_ballots_vote_id", "vote_ballots", ["vote_id"])
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("agenda", sa.Text(), nullable=True))
    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_attendance_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_meeting_attendance_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "person_id", name=op.f("pk_meeting_attendance")),
    )
    op.create_table(
        "meeting_resolutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("vote_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_meeting_resolutions_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_meeting_resolutions_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["vote_id"], ["votes.id"], name=op.f("fk_meeting_resolutions_vote_id_votes"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_resolutions")),
    )
    op.create_index("ix_meeting_resolutions_meeting_id", "meeting_resolutions", ["meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_meeting_resolutions_meeting_id", table_name="meeting_resolutions")
    op.drop_table("meeting_resolutions")
    op.drop_table("meeting_attendance")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("agenda")
    op.drop_index("ix_vote_ballots_vote_id", table_name="vote_ballots")
    op.drop_table("vote_ballots")
    op.drop_index("ix_vote_options_vote_id", table_name="vote_options")
    op.drop_table("vote_options")
    op.drop_index("ix_votes_grid_id", table_name="votes")
    op.drop_table("votes")
