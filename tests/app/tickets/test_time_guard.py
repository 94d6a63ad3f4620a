"""`--at` never rewrites a ticket's history or stamps the future, except in a `--simulate` run on a copy."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

import main
from app.simulation import copy_of
from app.site_clock import SiteClock
from app.store import Database
from app.store.base import utcnow
from app.tickets.models import Ticket, TicketEvent
from app.tickets.time_guard import TimeRefused
from tests.app.tickets.conftest import IN_G1, at, make_desk, open_ticket


@pytest.fixture
def url(db, site, tmp_path, monkeypatch, cli_user):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    cli_user(db.url)  # the ticket commands act as a signed-in user
    return db.url


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_ticket(capsys, url) -> str:
    code, out, err = run(
        capsys, "tickets", "new", "--db", url, "--category", "SR01", "--lon", str(IN_G1[0]),
        "--lat", str(IN_G1[1]), "--text", "垃圾桶满溢",
    )  # fmt: skip
    assert code == 0, err
    return out.strip()


def events(db, ticket_id) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).where(TicketEvent.ticket_id == int(ticket_id)))


def test_start_stamped_before_the_dispatch_is_refused(url, db, capsys):
    tid = new_ticket(capsys, url)
    before = SiteClock().iso(utcnow() - timedelta(hours=1))
    code, _, err = run(capsys, "tickets", "act", tid, "start", "--at", before, "--db", url)
    assert code != 0 and "早于该工单最后一条记录" in err and "before the ticket's last event" in err
    assert events(db, tid) == 3  # 受理 → 立案 → 派遣, nothing added
    later = SiteClock().iso(utcnow() + timedelta(minutes=1))  # a seat whose clock runs a little ahead
    assert run(capsys, "tickets", "act", tid, "start", "--at", later, "--db", url)[0] == 0


def test_actions_and_intakes_in_the_future_are_refused(url, db, capsys):
    tid = new_ticket(capsys, url)
    future = SiteClock().iso(utcnow() + timedelta(hours=2))
    code, _, err = run(capsys, "tickets", "act", tid, "start", "--at", future, "--db", url)
    assert code != 0 and "晚于当前时间" in err
    code, _, err = run(
        capsys, "tickets", "new", "--db", url, "--category", "SR01", "--lon", str(IN_G1[0]),
        "--lat", str(IN_G1[1]), "--text", "x", "--at", future,
    )  # fmt: skip
    assert code != 0 and "in the future" in err


def test_a_sweep_in_the_future_is_refused_and_changes_nothing(url, db, capsys):
    tid = new_ticket(capsys, url)
    code, _, err = run(capsys, "tickets", "sweep", "--at", "2030-01-01", "--db", url)
    assert code != 0 and "晚于当前时间" in err
    with db.session() as session:
        assert session.get(Ticket, int(tid)).level == 3
    with pytest.raises(TimeRefused):
        from app.tickets.sweep import sweep

        sweep(make_desk(db, simulation=False), utcnow() + timedelta(days=1))


def test_the_desk_refuses_backdating_but_a_simulation_desk_may(db, site):
    real = make_desk(db, simulation=False)
    ticket_id = open_ticket(real, IN_G1, when="2026-11-02T09:00")  # taken on paper: a past intake is fine
    with pytest.raises(TimeRefused):
        real.act(ticket_id, "start", at=at("2026-11-01T09:00"))
    assert make_desk(db).act(ticket_id, "start", at=at("2026-11-01T09:00"))["state"] == "in_progress"


def test_simulate_runs_on_a_sqlite_copy_and_leaves_the_site_alone(
    sqlite_db, site, tmp_path, capsys, cli_user
):
    url = sqlite_db.url
    cli_user(url)  # the ticket commands act as a signed-in user
    tid = new_ticket(capsys, url)
    code, out, err = run(capsys, "tickets", "sweep", "--at", "2030-01-01", "--simulate", "--db", url)
    assert code == 0, err
    assert json.loads(out)["escalations"] >= 1 and "simulating on a copy" in err
    copy = Database(f"sqlite:///{tmp_path / 'site.simulation.sqlite'}")
    try:
        assert copy_of(copy) is not None and copy_of(sqlite_db) is None
        with copy.session() as session:
            assert session.get(Ticket, int(tid)).level < 3
        code, _, err = run(
            capsys, "tickets", "act", tid, "start", "--at", "2030-01-02", "--simulate", "--db", copy.url
        )
        assert code == 0, err  # the copy is used as it is: simulated commands follow each other
    finally:
        copy.dispose()
    with sqlite_db.session() as session:
        assert session.get(Ticket, int(tid)).level == 3


@pytest.mark.pg
def test_simulate_on_postgresql_asks_for_a_marked_copy(pg_db, capsys, monkeypatch, tmp_path, cli_user):
    from tests.app.tickets.conftest import build_site

    build_site(pg_db)
    cli_user(pg_db.url)  # the sweep acts as a signed-in user
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    code, _, err = run(capsys, "tickets", "sweep", "--at", "2030-01-01", "--simulate", "--db", pg_db.url)
    assert code != 0 and "db mark-simulation" in err
    assert run(capsys, "db", "mark-simulation", "--source", "site-backup.zip", "--db", pg_db.url)[0] == 0
    assert run(capsys, "tickets", "sweep", "--at", "2030-01-01", "--simulate", "--db", pg_db.url)[0] == 0
