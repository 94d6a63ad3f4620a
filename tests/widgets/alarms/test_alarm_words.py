"""Alarm titles and escalation reasons in the reader's language: the popup's headline and queue, the
alarm list and its history; a row stored before the core kept its message shows its stored text."""

from __future__ import annotations

import pytest

from alarms.models import Priority
from alarms.values import AlarmDraft
from alarms.wording import Wording
from widgets.alarms.alarm_words import alarm_title, step_note

pytestmark = pytest.mark.gui


def test_the_popup_words_the_title_in_english_and_keeps_an_old_rows_text(
    qtbot, popup, service, site, languages
):
    worded = service.raise_alarm(
        AlarmDraft.worded(
            "inactivity", Priority.P2, Wording("inactivity", ("13",)), household_id=site.household_id
        )
    )
    stored_only = service.raise_alarm(
        AlarmDraft("sos", Priority.P2, "旧版存下的标题", household_id=site.household_id)
    )
    popup.present(worded)
    popup.present(stored_only)
    languages.switch("en")
    qtbot.wait(50)  # LanguageChange is posted
    popup.queue.setCurrentRow(popup.alarm_ids.index(worded))
    assert "No activity for a long time (13 h)" in popup.headline.text()
    rows = [popup.queue.item(i).text() for i in range(popup.queue.count())]
    assert any("No activity for a long time (13 h)" in row for row in rows), rows
    assert any("旧版存下的标题" in row for row in rows), rows
    languages.switch("zh_CN")
    qtbot.wait(50)
    assert "长时间无活动(13小时)" in popup.headline.text()


def test_an_escalation_reason_of_the_core_follows_the_language(service, site, languages):
    view = service.get(
        service.raise_alarm(
            AlarmDraft.worded("smoke", Priority.P1, Wording("smoke"), household_id=site.household_id)
        )
    )
    reason = Wording("unacknowledged", ("5",))
    escalated = {"reason": reason.zh(), "wording": reason.stored()}
    typed = {"reason": "家属电话无人接听"}
    assert (alarm_title(view), step_note(escalated), step_note(typed)) == (
        "烟雾报警",
        "超过 5 分钟无人确认",
        "家属电话无人接听",
    )
    languages.switch("en")
    assert (alarm_title(view), step_note(escalated), step_note(typed)) == (
        "Smoke alarm",
        "Not acknowledged within 5 min",
        "家属电话无人接听",  # a person's words stay as typed
    )
