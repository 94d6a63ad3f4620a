"""The popup's headline for one alarm, and the place its queue row names: its priority badge and title, when it was raised, its state, who
acknowledged it (the person's name, not the account) and whether it was escalated. Every stored text
is escaped: the headline is rich text for the badge, the rest plain."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from alarms.service import AlarmView
from runtime.types import AlarmState
from widgets.alarms.alarm_words import alarm_title
from widgets.alarms.popup_queue import PRIORITY_COLOURS


def headline_html(view: AlarmView, raised: str, acknowledged_by: str, tr: Callable[[str], str]) -> str:
    """`raised`: the time in the site's zone; `acknowledged_by`: the name shown for whoever did."""
    background, _ = PRIORITY_COLOURS.get(view.priority, PRIORITY_COLOURS[3])
    state = tr("已确认") if view.state == AlarmState.ACKNOWLEDGED else tr("待确认")
    who = f" · {escape(acknowledged_by)} {escape(view.ack_note or '')}" if view.acknowledged_by else ""
    escalated = f" · <b>{escape(tr('已上报'))}</b>" if view.escalated_at else ""
    return (
        f"<span style='background:{background};color:white;padding:2px 6px;font-size:18px'>"
        f"<b>P{view.priority}</b></span>"
        f" <span style='font-size:20px'><b>{escape(alarm_title(view))}</b></span><br>"
        f"<span>{escape(raised)} · {escape(state)}{who}{escalated}</span>"
    )


def place_text(view: AlarmView, addresses: dict[int, str]) -> str:
    """Where the alarm is: its household's address, else what the sensor said, else its point."""
    if view.household_id in addresses:
        return addresses[view.household_id]
    return str(
        view.detail.get("address")
        or view.detail.get("sensor")
        or (f"{view.lon:.5f}, {view.lat:.5f}" if view.lon is not None else "—")
    )
