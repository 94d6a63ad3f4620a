"""设置 → 工单分类与时限…: the categories with the site's limits, one edited, a bad one refused."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.context import SiteContext
from app.models import AuditEntry
from app.tickets import load_categories
from runtime.site_setup import site_categories
from widgets.site_wizard.category_limits import CategoryLimitsDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def _item(dialog, code):
    for g in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(g)
        for c in range(group.childCount()):
            if group.child(c).data(0, 256) == code:
                return group.child(c)
    raise AssertionError(code)


def test_a_category_limit_is_edited_and_audited(qtbot, sqlite_db):
    base = load_categories()
    dialog = CategoryLimitsDialog(SiteContext(sqlite_db), base)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=10_000)
    dialog.tree.setCurrentItem(_item(dialog, "SR01"))
    assert dialog.edits[3].text() == "4h" and not dialog.reset_button.isEnabled()

    dialog.edits[2].setText("两天")
    dialog.save()
    qtbot.waitUntil(lambda: "未保存" in dialog.message.text(), timeout=10_000)
    assert "时限格式错误" in dialog.message.text()

    dialog.edits[2].setText("2d")
    dialog.save()
    qtbot.waitUntil(lambda: "SR01" in (dialog.current.overridden if dialog.current else ()), timeout=10_000)
    assert str(site_categories(sqlite_db, base).book["SR01"].limit(2)) == "2d"
    assert _item(dialog, "SR01").text(3) == "2个工作日" and dialog.reset_button.isEnabled()
    with sqlite_db.session() as session:
        details = [json.loads(e.detail) for e in session.scalars(select(AuditEntry))]
    assert [d["key"] for d in details] == ["tickets.limits.SR01"]

    dialog.reset()
    qtbot.waitUntil(lambda: not dialog.current.overridden, timeout=10_000)
    assert str(site_categories(sqlite_db, base).book["SR01"].limit(2)) == "4h"
