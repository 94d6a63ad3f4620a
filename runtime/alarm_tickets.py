"""The alarm→ticket policy: an alarm becomes a ticket through the ticket desk (受理 → 立案 → 派遣),
in the category its kind maps to.

Lives in runtime because `alarms` may only reach the ticket workflow through an injected callable.
A second alarm at a place that already has an open ticket of the same category joins that ticket.
"""

from __future__ import annotations

from alarms.service import AlarmService, DispatchTicket
from alarms.values import AlarmView
from app.tickets.desk import TicketDesk
from app.tickets.errors import DuplicateReport
from app.tickets.intake import Intake
from app.tickets.preview import preview_ticket
from app.tickets.states import Source

# Alarm kind -> ticket category code in resources/categories.json.
CATEGORY_BY_KIND = {
    "sos": "LR02",  # 紧急呼叫跟进
    "smoke": "TF01",  # 火情
    "gas": "TF03",  # 燃气泄漏
    "water": "TF02",  # 积水内涝
    "inactivity": "LR01",  # 独居老人探访
    "door_night": "LR01",
    "low_battery": "LR01",  # a visit fixes the sensor too
    "sensor_silent": "LR01",
}
FALLBACK_CATEGORY = "ZZ03"  # 安全隐患


def alarm_intake(alarm: AlarmView) -> Intake:
    """The ticket an alarm becomes: its kind's category, its place, raised at the alarm's time."""
    return Intake(
        category=CATEGORY_BY_KIND.get(alarm.kind, FALLBACK_CATEGORY),
        text=f"告警转工单 #{alarm.id}：{alarm.title}",
        source=Source.SENSOR.value if alarm.source in ("sensor", "care_rule") else Source.CAMERA.value,
        lon=alarm.lon,
        lat=alarm.lat,
        household_id=alarm.household_id,
        at=alarm.raised_at,
    )


def ticket_dispatcher(desk: TicketDesk) -> DispatchTicket:
    def dispatch(alarm: AlarmView) -> int:
        intake = alarm_intake(alarm)
        try:
            return desk.open(intake)
        except DuplicateReport as duplicate:
            return desk.open(intake, merge_into=int(duplicate.candidates[0]["id"]))

    return dispatch


def wire_tickets(service: AlarmService, desk: TicketDesk | None = None) -> None:
    """Give the alarm service its dispatch action (the site's ticket desk unless one is passed)."""
    desk = desk or TicketDesk(service.db, seat=service.seat, hub=service.hub)
    service.dispatch_ticket = ticket_dispatcher(desk)
    service.preview_ticket = lambda alarm: preview_ticket(desk, alarm_intake(alarm))
