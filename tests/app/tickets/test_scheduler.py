"""The scheduler keeps its job in the site database and runs the ticket sweep."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import inspect, text

from app.scheduler import JOB_TABLE, SWEEP_JOB_ID, ScheduledJob, SiteScheduler, run_ticket_sweep
from tests.app.tickets.conftest import IN_G1, open_ticket


def test_the_sweep_job_lives_in_the_database(db, site, desk):
    tid = open_ticket(desk, IN_G1, when="2026-11-02T09:00")  # long overdue by now
    scheduler = SiteScheduler(db, interval_s=3600)
    assert scheduler.start()
    try:
        assert JOB_TABLE in inspect(db.engine).get_table_names()
        assert scheduler.scheduler.get_job(SWEEP_JOB_ID) is not None
        deadline = time.monotonic() + 20
        while desk.describe(tid)["escalations"] == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert desk.describe(tid)["escalations"] == 3  # caught up to the county leader
    finally:
        scheduler.stop()
    with db.engine.connect() as connection:  # the job stays stored for the next start
        assert connection.execute(text(f"SELECT id FROM {JOB_TABLE}")).scalars().all() == [SWEEP_JOB_ID]
    assert run_ticket_sweep(db.url)["escalations"] == 0


@pytest.mark.pg
def test_only_one_seat_runs_the_scheduler_on_postgresql(pg_db):
    first, second = SiteScheduler(pg_db), SiteScheduler(pg_db)
    try:
        assert first.claim() and not second.claim()
    finally:
        first.stop()
        second.stop()


@pytest.mark.pg
def test_a_seat_that_stops_hands_the_scheduler_to_the_next(pg_db):
    from app.store import Database

    first = SiteScheduler(pg_db)
    assert first.start()
    first.stop()
    other_seat = Database(pg_db.url)  # another process's engine, not the pool the first seat used
    successor = SiteScheduler(other_seat)
    try:
        assert successor.claim()
    finally:
        successor.stop()
        other_seat.dispose()


runs: list[str] = []


def note_run(db_url: str) -> None:
    """An area's job handed in by reference, as the alarm checks are."""
    runs.append(db_url)


def test_callers_add_their_jobs_and_stale_stored_jobs_are_dropped(sqlite_db):
    extra = ScheduledJob("test.note", f"{__name__}:note_run", 3600, "note")
    first = SiteScheduler(sqlite_db, interval_s=3600, jobs=[extra])
    assert first.start()
    try:
        deadline = time.monotonic() + 10
        while not runs and time.monotonic() < deadline:
            time.sleep(0.1)
        assert runs == [sqlite_db.url]
    finally:
        first.stop()
    again = SiteScheduler(sqlite_db, interval_s=3600)  # the area is gone: its job must not linger
    assert again.start()
    try:
        assert [job.id for job in again.scheduler.get_jobs()] == [SWEEP_JOB_ID]
    finally:
        again.stop()
    with pytest.raises(ValueError, match="duplicate"):
        SiteScheduler(sqlite_db, jobs=[extra, extra])
