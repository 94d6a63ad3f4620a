"""The audit log becomes append-only and hash-chained.

Each entry gets its place in the chain (`seq`), the previous entry's hash and its own; `audit_head`
holds the newest place and hash and is the row writers lock to append in turn. The entries written
before this migration are sealed here in id order, so the chain starts at the first entry the site ever
wrote. Triggers refuse UPDATE and DELETE on the log (and TRUNCATE on PostgreSQL) and keep the head
from moving back; whoever can drop a trigger can still edit rows, which `main.py audit verify` then finds.

Revision ID: 0010_audit_chain
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

from app.audit_chain import GENESIS, HEAD_ID, entry_hash

revision = "0010_audit_chain"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

REFUSAL = "审计记录只能追加 the audit log is append-only"

PG_TRIGGERS = f"""
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.last_seq < OLD.last_seq THEN
        RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
"""

SQLITE_TRIGGERS = [
    f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    f"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    f"CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    "CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head WHEN NEW.last_seq < OLD.last_seq "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
]


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
    )
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    last_seq, last_hash = _seal_existing(op.get_bind())
    op.bulk_insert(
        sa.table("audit_head", sa.column("id"), sa.column("last_seq"), sa.column("last_hash")),
        [{"id": HEAD_ID, "last_seq": last_seq, "last_hash": last_hash}],
    )
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint("uq_audit_log_seq", ["seq"])
    _create_triggers()


def _seal_existing(connection) -> tuple[int, str]:
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer()),
        sa.column("at", sa.DateTime()),  # typed, so SQLite hands back a datetime as the program does
        *(sa.column(name) for name in ("actor", "seat", "action", "entity", "entity_id", "detail")),
        *(sa.column(name) for name in ("seq", "prev_hash", "hash")),
    )
    rows = connection.execute(
        sa.select(
            log.c.id,
            log.c.at,
            log.c.actor,
            log.c.seat,
            log.c.action,
            log.c.entity,
            log.c.entity_id,
            log.c.detail,
        ).order_by(log.c.id)
    ).all()
    last_hash, updates = GENESIS, []
    for seq, row in enumerate(rows, start=1):
        values = row._asdict() | {"seq": seq}
        sealed = entry_hash(last_hash, _Row(values))
        updates.append({"row_id": row.id, "seq": seq, "prev_hash": last_hash, "hash": sealed})
        last_hash = sealed
    if updates:
        connection.execute(
            log.update()
            .where(log.c.id == sa.bindparam("row_id"))
            .values(seq=sa.bindparam("seq"), prev_hash=sa.bindparam("prev_hash"), hash=sa.bindparam("hash")),
            updates,
        )
    return len(updates), last_hash


class _Row:
    def __init__(self, values: dict) -> None:
        self.__dict__.update(values)


def _create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_TRIGGERS)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_head_forward_only ON audit_head")
        op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_head_forward_only()")
        op.execute("DROP FUNCTION audit_log_refuse_change()")
    else:
        for name in (
            "audit_log_no_update",
            "audit_log_no_delete",
            "audit_head_no_delete",
            "audit_head_forward_only",
        ):
            op.execute(f"DROP TRIGGER {name}")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_constraint("uq_audit_log_seq", type_="unique")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
    op.drop_table("audit_head")
