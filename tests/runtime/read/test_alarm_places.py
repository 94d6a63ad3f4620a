"""Where alarms are: the flat's address, the device, the grids from the community down, in few queries."""

from __future__ import annotations

from sqlalchemy import event

from alarms.service import AlarmService
from alarms.values import AlarmDraft
from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from app.models import Camera
from runtime.read.alarm_places import AlarmPlace, AlarmPlaces
from runtime.reads import ReadModels
from runtime.types import Priority
from tests.alarms.site import build_site


def raise_all(db, drafts: list[AlarmDraft]) -> list:
    service = AlarmService(db, EventHub(), Seat("值班员", "seat-1"))
    ids = [service.raise_alarm(draft) for draft in drafts]
    return [service.get(alarm_id) for alarm_id in ids]


def test_a_household_alarm_has_its_address_sensor_and_grids(sqlite_db):
    site = build_site(sqlite_db)
    (sos,) = raise_all(
        sqlite_db,
        [
            AlarmDraft(
                "sos",
                Priority.P1,
                "紧急呼叫(SOS)",
                household_id=site.household_id,
                sensor_id=site.sos_sensor_id,
            )
        ],
    )
    places = AlarmPlaces(SiteContext(sqlite_db)).describe([sos])
    assert places == {
        sos.id: AlarmPlace(
            address="郑州市二七区幸福路18号院7号楼2单元301室",
            device="紧急呼叫按钮",
            grid="幸福里社区 › 幸福里三区 › 7号楼微网格",
            lon=113.64,
            lat=34.72,
        )
    }


def test_a_camera_alarm_names_its_camera_and_an_alarm_without_a_place_says_nothing(sqlite_db):
    site = build_site(sqlite_db)
    with sqlite_db.session() as session:
        camera = Camera(name="东门岗亭", grid_id=site.community_id, lon=113.6, lat=34.7, main_url="rtsp://x")
        session.add(camera)
        session.flush()
        camera_id = camera.id
    seen, nowhere, reported = raise_all(
        sqlite_db,
        [
            AlarmDraft(
                "stranger",
                Priority.P2,
                "陌生人逗留",
                source="camera",
                camera_id=camera_id,
                grid_id=site.community_id,
            ),
            AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)"),
            AlarmDraft(
                "sos", Priority.P1, "求助", detail={"address": "幸福路18号院门口", "sensor": "手持终端"}
            ),
        ],
    )
    places = AlarmPlaces(SiteContext(sqlite_db)).describe([seen, nowhere, reported])
    assert places[seen.id] == AlarmPlace(address="", device="东门岗亭", grid="幸福里社区", lon=None, lat=None)
    assert places[nowhere.id] == AlarmPlace(address="", device="", grid="", lon=None, lat=None)
    assert (places[reported.id].address, places[reported.id].device) == ("幸福路18号院门口", "手持终端")


def test_many_alarms_cost_a_query_per_table_and_grid_level_not_per_alarm(sqlite_db):
    site = build_site(sqlite_db)
    drafts = [
        AlarmDraft("sos", Priority.P1, f"紧急呼叫{n}", household_id=household, sensor_id=site.sos_sensor_id)
        for n, household in enumerate([site.household_id, site.second_household_id] * 10)
    ]
    alarms = raise_all(sqlite_db, drafts)
    statements: list[str] = []
    event.listen(sqlite_db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    places = AlarmPlaces(SiteContext(sqlite_db)).describe(alarms)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # addresses, sensors, and the grid chain one level at a time (micro-grid up to the street)
    assert len(selects) <= 6, selects
    assert len(places) == 20
    assert {p.address for p in places.values()} == {
        "郑州市二七区幸福路18号院7号楼2单元301室",
        "郑州市二七区幸福路18号院7号楼1单元102室",
    }


def test_the_site_reads_hand_out_one_reader(sqlite_db):
    reads = ReadModels(SiteContext(sqlite_db))
    assert reads.alarm_places is reads.alarm_places
    assert reads.alarm_places.describe([]) == {}
