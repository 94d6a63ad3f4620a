"""An alarm's words kept as a message and its values beside the Chinese the core stores, so screens word
them in their reader's language; rows stored without a message keep showing their text."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from alarms.ingest import SensorIngest
from alarms.models import Alarm, Priority
from alarms.service import AlarmService
from alarms.values import AlarmDraft
from alarms.wording import WORDING_KEY, Term, Wording, worded
from app.config import Seat
from app.models import AuditEntry
from app.store.base import utcnow
from tests.alarms.test_care_rules import MORNING, rf

ENGLISH = {
    "长时间无活动(%1小时)": "No activity for %1 h",
    "夜间%1（%2） · %3": "%1 at night (%2) · %3",
    "陌生人逗留": "Stranger lingering",
    "超过 %1 分钟无人确认": "Not acknowledged within %1 min",
}


def english(text: str) -> str:
    return ENGLISH.get(text, text)


def test_a_message_reads_in_chinese_as_stored_and_in_the_readers_language():
    inactive = Wording("inactivity", ("13",))
    assert inactive.zh() == "长时间无活动(13小时)"
    assert inactive.text(english) == "No activity for 13 h"
    night = Wording("camera_zone_night", (Term("陌生人逗留"), "东门", "6号楼东侧"))
    assert night.zh() == "夜间陌生人逗留（东门） · 6号楼东侧"
    assert night.text(english) == "Stranger lingering at night (东门) · 6号楼东侧"  # data stays as it is


def test_the_stored_message_comes_back_and_anything_else_falls_back_to_the_stored_text():
    night = Wording("camera_night", (Term("陌生人逗留"), "%2 门"))  # a value with a placeholder in it
    back = Wording.read(json.loads(json.dumps(night.stored())))
    assert back == night
    assert back.text(lambda text: {"夜间%1 · %2": "%1 at night · %2"}.get(text, english(text))) == (
        "Stranger lingering at night · %2 门"
    )
    for junk in (None, "text", {"message": "gone_in_v2"}, {"message": "sos", "values": [[1]]}, {"values": 3}):
        assert Wording.read(junk) is None
        assert worded({WORDING_KEY: junk}, "旧的标题", english) == "旧的标题"
    assert worded({}, "长时间无活动(13小时)", english) == "长时间无活动(13小时)"  # a row from before


def test_a_care_rule_alarm_stores_its_message_beside_its_chinese_title(db, site, hub):
    now = [MORNING]
    ingest = SensorIngest(AlarmService(db, hub, Seat("值班员", "seat"), clock=lambda: now[0]))
    ingest.handle(rf("0F0F01", now[0]))
    now[0] += timedelta(hours=22)
    ingest.sweep()
    with db.session() as session:
        row = session.scalars(select(Alarm).where(Alarm.kind == "inactivity")).one()
        title, detail = row.title, json.loads(row.detail)
    assert title == "长时间无活动(22小时)"
    assert worded(detail, title, english) == "No activity for 22 h"


def test_an_overdue_escalation_keeps_its_reason_as_a_message(db, site, hub):
    now = [utcnow()]
    service = AlarmService(db, hub, Seat(), clock=lambda: now[0])
    alarm_id = service.raise_alarm(
        AlarmDraft.worded("sos", Priority.P1, Wording("sos"), household_id=site.household_id)
    )
    now[0] += timedelta(minutes=6)
    assert service.escalate_overdue(after_minutes=5) == [alarm_id]
    with db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "alarm.escalate", AuditEntry.entity_id == alarm_id)
        ).one()
        detail = json.loads(entry.detail)
    assert detail["reason"] == "超过 5 分钟无人确认"
    assert worded(detail, detail["reason"], english) == "Not acknowledged within 5 min"
