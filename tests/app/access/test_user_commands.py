"""`user add/list/reset/set` on this machine: the first administrator, 0600 password files, audit."""

from __future__ import annotations

from sqlalchemy import select

import main
from app.access.accounts import Accounts
from app.config import LOCAL_SYSTEM, Seat
from app.models import AuditEntry


def secret(tmp_path, text: str, mode: int = 0o600):
    path = tmp_path / f"pw{mode:o}"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(mode)
    return str(path)


def test_the_first_admin_is_added_from_a_0600_file_and_signs_in(sqlite_db, tmp_path, capsys):
    url = sqlite_db.url
    assert (
        main.main(
            [
                "user",
                "add",
                "老王",
                "--role",
                "admin",
                "--password-file",
                secret(tmp_path, "admin-pass-1"),
                "--db",
                url,
            ]
        )
        == 0
    )
    assert Accounts(sqlite_db, Seat()).sign_in("老王", "admin-pass-1").role == "admin"
    with sqlite_db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "user_added")).one()
    assert entry.actor == LOCAL_SYSTEM and "admin-pass-1" not in entry.detail
    assert main.main(["user", "list", "--db", url]) == 0
    assert "老王" in capsys.readouterr().out


def test_a_password_file_others_can_read_is_refused(sqlite_db, tmp_path, capsys):
    loose = secret(tmp_path, "admin-pass-1", 0o644)
    assert (
        main.main(["user", "add", "老王", "--role", "admin", "--password-file", loose, "--db", sqlite_db.url])
        == 2
    )
    assert "0600" in capsys.readouterr().err and Accounts(sqlite_db, Seat()).count() == 0


def test_reset_lifts_the_lockout_and_set_disables(sqlite_db, tmp_path):
    url = sqlite_db.url
    main.main(
        [
            "user",
            "add",
            "op",
            "--role",
            "operator",
            "--password-file",
            secret(tmp_path, "first-pass-1"),
            "--db",
            url,
        ]
    )
    assert (
        main.main(
            ["user", "reset", "op", "--password-file", secret(tmp_path, "second-pass-2", 0o400), "--db", url]
        )
        == 0
    )
    assert Accounts(sqlite_db, Seat()).sign_in("op", "second-pass-2").name == "op"
    assert main.main(["user", "set", "op", "--disable", "--db", url]) == 0
    assert Accounts(sqlite_db, Seat()).summaries()[0].disabled
