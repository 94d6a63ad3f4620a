"""The audit log's hash chain: sealed on commit, checked by `audit verify`, refused edits by triggers."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app import audit
from app.audit_chain import verify
from app.config import Seat
from app.models import AuditEntry
from main import main

SEAT = Seat(operator="王芳", host="desk-1")


def _write(db, count: int, action: str = "ticket.act") -> None:
    for number in range(count):
        with db.session() as session:
            audit.record(session, SEAT, action, "ticket", number, note=f"第{number}步")


def _drop_triggers(db) -> None:
    """What someone with the database's own rights can do before editing rows by hand."""
    with db.engine.begin() as connection:
        if db.is_sqlite:
            for name in ("audit_log_no_update", "audit_log_no_delete"):
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
        else:
            connection.exec_driver_sql("DROP TRIGGER audit_log_append_only ON audit_log")


def _ids(db) -> list[int]:
    with db.session() as session:
        return list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.seq)))


def test_entries_are_sealed_in_order_and_verify(db):
    _write(db, 5)
    with db.session() as session:
        audit.record(session, SEAT, "a", "x", 1)
        audit.record(session, SEAT, "b", "x", 2)
    with db.session() as session:  # entries are sealed when their unit of work commits
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        report = verify(session)
    assert [e.seq for e in entries] == list(range(1, 8))
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(entries, entries[1:], strict=False))
    assert report.intact and report.checked == 7 and report.head_hash == entries[-1].hash


def test_a_rolled_back_unit_of_work_leaves_no_entry(db):
    with pytest.raises(RuntimeError), db.session() as session:
        audit.record(session, SEAT, "a", "x", 1)
        raise RuntimeError("the action failed")
    _write(db, 1)
    with db.session() as session:
        assert verify(session).intact
        assert session.scalar(select(AuditEntry.seq)) == 1


def test_the_store_refuses_update_and_delete(db):
    _write(db, 2)
    for statement in ("UPDATE audit_log SET actor = 'someone' WHERE seq = 1", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as connection:
            connection.exec_driver_sql(statement)
    with db.session() as session:
        assert verify(session).intact


def test_verify_names_a_row_changed_by_hand(db, capsys):
    _write(db, 4)
    _drop_triggers(db)
    changed = _ids(db)[2]
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET actor = '李四' WHERE id = :id"), {"id": changed})
    assert main(["audit", "verify", "--db", db.url]) == 3
    out = capsys.readouterr().out
    assert "changed" in out and f"#{changed} " in out and "2 entries before it are intact" in out


def test_verify_names_the_entry_after_a_deleted_one(db):
    _write(db, 4)
    _drop_triggers(db)
    ids = _ids(db)
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": ids[1]})
    with db.session() as session:
        problem = verify(session).first_break
    assert (problem.kind, problem.entry_id, problem.seq) == ("deleted", ids[2], 3)


def test_verify_finds_entries_cut_off_the_end(db):
    _write(db, 3)
    _drop_triggers(db)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM audit_log WHERE seq = 3")
    with db.session() as session:
        problem = verify(session).first_break
    assert problem.kind == "deleted" and problem.seq == 3


def test_verify_names_an_inserted_row(db):
    _write(db, 2)
    with db.engine.begin() as connection:  # INSERT is allowed: the chain is what catches it
        connection.execute(
            text(
                "INSERT INTO audit_log (at, actor, seat, action, entity, entity_id, detail, seq, prev_hash, hash)"
                " VALUES (:at, '王芳', 'x', 'forged', 'ticket', 9, '{}', 3, :prev, :hash)"
            ),
            {"at": datetime(2026, 1, 1), "prev": "0" * 64, "hash": "f" * 64},
        )
    with db.session() as session:
        problem = verify(session).first_break
    assert problem.kind in ("inserted", "changed") and problem.seq == 3


def test_seats_writing_at_once_keep_one_gapless_chain(db, tmp_path):
    """Several seats (threads, each its own connection pool) commit entries at the same moment."""
    from app.store import Database

    seats = [Database(db.url) for _ in range(4)]
    start = threading.Barrier(len(seats))
    errors: list[BaseException] = []

    def seat_writes(seat_db) -> None:
        try:
            start.wait()
            for number in range(15):
                with seat_db.session() as session:
                    audit.record(session, SEAT, "ticket.act", "ticket", number)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=seat_writes, args=(s,)) for s in seats]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for seat_db in seats:
        seat_db.dispose()
    assert errors == []
    with db.session() as session:
        report = verify(session)
        seqs = list(session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))
    assert report.intact and seqs == list(range(1, 61))


def test_the_migration_seals_older_entries_in_id_order(db):
    config = db._alembic_config()
    command.downgrade(config, "0010_audit_chain@-1")
    with db.engine.begin() as connection:
        for number in (3, 1, 7):  # ids with gaps, as older logs have
            connection.execute(
                text(
                    "INSERT INTO audit_log (id, at, actor, seat, action, entity, entity_id, detail)"
                    " VALUES (:id, :at, 'old', 'seat', 'import', 'grid', NULL, '{}')"
                ),
                {"id": number, "at": datetime(2025, 5, number, 8, 30, 15, 123456)},
            )
        if not db.is_sqlite:  # the rows came with their ids: move the sequence past them
            connection.exec_driver_sql("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), 7)")
    db.upgrade()
    _write(db, 1)
    with db.session() as session:
        report = verify(session)
        order = list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.seq)))
    assert report.intact and report.checked == 4 and order[:3] == [1, 3, 7]


def test_a_removed_head_is_reported_and_stops_further_entries(db):
    from app.store import StoreError

    _write(db, 2)
    with db.engine.begin() as connection:
        if db.is_sqlite:
            connection.exec_driver_sql("DROP TRIGGER audit_head_no_delete")
        else:
            connection.exec_driver_sql("DROP TRIGGER audit_head_forward_only ON audit_head")
        connection.exec_driver_sql("DELETE FROM audit_head")
    with db.session() as session:
        assert verify(session).first_break.kind == "deleted"
    with pytest.raises(StoreError, match="head"), db.session() as session:
        audit.record(session, SEAT, "a", "x", 1)


WRITER = """
import sys
from app import audit
from app.config import Seat
from app.store import Database
db = Database(sys.argv[1])
for number in range(int(sys.argv[2])):
    with db.session() as session:
        audit.record(session, Seat(sys.argv[3], "seat"), "ticket.act", "ticket", number)
db.dispose()
"""


def test_seat_processes_writing_at_once_keep_one_gapless_chain(db):
    """Real processes (as seats and the service are), each committing entries one by one."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, db.url, "25", f"seat-{n}"], cwd=root, stderr=subprocess.PIPE
        )
        for n in range(3)
    ]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    with db.session() as session:
        report = verify(session)
        seqs = list(session.scalars(select(AuditEntry.seq).order_by(AuditEntry.seq)))
    assert report.intact and seqs == list(range(1, 76))
