"""A new site built only from an office's files, in the order offices bring them (grids, then the site
workbook, then the roster), by the same commands an office runs, on SQLite and PostgreSQL; then the
site works: a ticket at a point is dispatched to its compound's 网格长, and an RF frame written to a
pseudo-terminal RF bridge, read by the site runtime's own dongle reader, raises an alarm naming the
household the workbook's sensor was bound to (and, for a sensor whose flat has no household yet, an
alarm naming the flat: an SOS is never lost)."""

from __future__ import annotations

import json
import queue
import time

import pytest

import main
from alarms.portisch import ACK_FRAME, rf_received
from app.config import Seat
from app.context import SiteContext
from app.events import Change, EventHub, Topic
from runtime.site import RuntimeOptions, SiteRuntime
from tests.alarms.pty_bridge import PtyBridge
from tests.app.site_book.conftest import fill_template
from tests.grid_map import sample
from tests.runtime.site_files import PEOPLE, grids_file, roster_file

SOS_CODE, WAITING_CODE = "5A1B2C", "C0FFEE"
SENSORS = [
    [SOS_CODE, "rf433", "sos", "1号楼1单元101室"],  # 张三's flat: no household until the roster comes
    [WAITING_CODE, "rf433", "smoke", "2号楼1单元301室"],  # nobody lives there in the roster
]
IN_WEST_SOUTH = (113.605, 34.705)  # inside 绿城花园 (level 3), outside its two buildings


def run(db, *args: str) -> int:
    return main.main([*args, "--db", db.url])


@pytest.fixture
def bridge():
    pty = PtyBridge()
    yield pty
    pty.close()


def _build_site_from_files(db, tmp_path, capsys) -> None:
    assert run(db, "import-grids", str(grids_file(tmp_path))) == 0
    workbook = fill_template(tmp_path / "site.xlsx", {"人员": PEOPLE, "传感器": SENSORS})
    assert run(db, "import-site", str(workbook)) == 0
    out = capsys.readouterr().out
    assert "传感器: 新增 2  更新 0  不变 0  待绑定 2" in out
    assert out.count("待绑定: 住户地址尚无住户") == 2  # said, and not as an error
    assert _info(db, capsys)["sensors_waiting"] == 2
    assert run(db, "import-roster", str(roster_file(tmp_path))) == 0
    assert "1 个待绑定的传感器已绑定到新住户" in capsys.readouterr().out
    assert _info(db, capsys)["sensors_waiting"] == 1  # 张三's household came; nobody lives in 2号楼1-301


def _info(db, capsys) -> dict:
    capsys.readouterr()
    assert run(db, "info", "--json") == 0
    return json.loads(capsys.readouterr().out)


def _ticket_assignee(db, capsys) -> dict:
    capsys.readouterr()
    lon, lat = IN_WEST_SOUTH
    assert (
        run(
            db,
            "tickets",
            "new",
            "--category",
            "ZZ03",
            "--lon",
            str(lon),
            "--lat",
            str(lat),
            "--text",
            "井盖缺失",
        )
        == 0
    )
    ticket_id = capsys.readouterr().out.strip()
    assert run(db, "tickets", "show", ticket_id, "--json") == 0
    return json.loads(capsys.readouterr().out)


def _started(db, bridge) -> tuple[SiteRuntime, queue.Queue[Change]]:
    assert run(db, "sensors", "add-dongle", "rf-bridge-1", "--protocol", "rf433", bridge.port) == 0
    site = SiteContext(type(db)(db.url), EventHub(), Seat("值班员", Seat().host))  # a process of its own
    alarms: queue.Queue[Change] = queue.Queue()
    site.hub.subscribe(Topic.ALARM, alarms.put)
    runtime = SiteRuntime(site, RuntimeOptions(claim_every_s=0.1, standby_grace_s=0.5))
    runtime.start()
    deadline = time.monotonic() + 15
    while not any(reader.connected.is_set() for reader in runtime.station.readers):
        assert time.monotonic() < deadline, "the runtime never opened the RF bridge"
        time.sleep(0.05)
    return runtime, alarms


def _raised(runtime: SiteRuntime, alarms: queue.Queue[Change], bridge: PtyBridge, code: str):
    bridge.write(rf_received(code))
    change = alarms.get(timeout=10)
    assert change.payload.what == "raised"
    assert bridge.read_available(want=len(ACK_FRAME), timeout=3) == ACK_FRAME  # acknowledged once stored
    (alarm_id,) = change.ids
    view = runtime.alarms.get(alarm_id)
    return view, runtime.reads.alarm_places.describe([view])[alarm_id]


def test_a_site_from_its_files_dispatches_tickets_and_raises_alarms_for_its_households(
    db, tmp_path, capsys, bridge, cli_user
):
    cli_user(db.url)  # the office's commands act as the site's administrator
    _build_site_from_files(db, tmp_path, capsys)

    ticket = _ticket_assignee(db, capsys)
    assert ticket["assignee"]["name"] == "刘敏"  # 绿城花园's 网格长, from the workbook
    assert ticket["assigned_grid"] == "绿城花园" and ticket["level"] == 3
    assert [g["code"] for g in ticket["grid_chain"]] == [sample.STREET, sample.WEST, sample.WEST_SOUTH]

    runtime, alarms = _started(db, bridge)
    try:
        sos, place = _raised(runtime, alarms, bridge, SOS_CODE)
        (zhang_san,) = runtime.reads.households.find("张三")  # the roster's household, by its resident
        assert (sos.kind, sos.priority, sos.household_id) == ("sos", 1, zhang_san[0])
        assert place.address == zhang_san[1]
        assert place.address.endswith("绿城花园1号楼1单元101室") and place.device == "紧急呼叫按钮"
        card = runtime.reads.alarms.card(sos.household_id)
        assert [member.name for member in card.members] == ["张三"]

        smoke, flat = _raised(runtime, alarms, bridge, WAITING_CODE)
        assert (smoke.kind, smoke.priority, smoke.household_id) == ("smoke", 1, None)
        assert flat.address.endswith("2号楼1单元301室") and "绿城花园" in flat.grid
        assert runtime.alarms.dispatch(smoke.id) > 0  # a ticket can be sent to the flat's grid
    finally:
        runtime.stop()
        runtime.site.db.dispose()
