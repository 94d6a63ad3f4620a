"""The ticket commands act as a signed-in user: no user, a spoofed `--as`, a readable password file
are refused; the audit names the signed-in user, never $USER."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import main
from app.models import AuditEntry
from tests.app.tickets.conftest import IN_G1, make_desk, open_ticket


@pytest.fixture
def pending(db, site, tmp_path, monkeypatch) -> int:
    """A ticket with an extension waiting for the community leader's approval."""
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    tid = open_ticket(make_desk(db), IN_G1)
    make_desk(db).act(tid, "request_extension", duration="1d", reason="需协调物业")
    return tid


def test_acting_on_a_ticket_without_a_user_is_refused(db, pending, capsys, monkeypatch):
    monkeypatch.setenv("USER", "intern")
    assert main.main(["tickets", "act", str(pending), "start", "--db", db.url]) == 2
    assert "--user" in capsys.readouterr().err


def test_an_operator_cannot_approve_as_a_leader_with_as(db, site, pending, capsys, monkeypatch, cli_user):
    monkeypatch.setenv("USER", "intern")
    cli_user(db.url, "intern", "operator")
    argv = ["tickets", "act", str(pending), "approve", "--as", str(site.people["李社区"]), "--db", db.url]
    assert main.main(argv) == 2
    assert "record_for_others" in capsys.readouterr().err
    with db.session() as session:
        assert not session.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.approve")).all()


def test_a_supervisor_records_the_approval_under_their_own_name(db, site, pending, monkeypatch, cli_user):
    monkeypatch.setenv("USER", "intern")
    cli_user(db.url, "值班长老周", "supervisor")
    argv = ["tickets", "act", str(pending), "approve", "--as", str(site.people["李社区"]), "--db", db.url]
    assert main.main(argv) == 0
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.approve")).one()
    assert entry.actor == "值班长老周" and "intern" not in entry.actor


def test_a_wall_account_may_not_act(db, pending, capsys, cli_user):
    cli_user(db.url, "大屏", "wall")
    assert main.main(["tickets", "act", str(pending), "start", "--db", db.url]) == 3
    assert "act_on_tickets" in capsys.readouterr().err


def test_a_password_file_others_can_read_is_refused(db, pending, capsys, cli_user, tmp_path):
    cli_user(db.url, "op1", "operator")
    loose = tmp_path / "loose.password"
    loose.write_text("test-password-1\n")
    loose.chmod(0o644)
    argv = ["tickets", "act", str(pending), "start", "--user", "op1", "--password-file", str(loose)]
    assert main.main([*argv, "--db", db.url]) == 2
    assert "0600" in capsys.readouterr().err
