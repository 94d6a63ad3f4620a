"""新建工单: the operator's form opens exactly one dispatched ticket, offers merging, refuses bad input."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import Resident
from app.tickets import Ticket
from tests.app.tickets.conftest import IN_G1, IN_G2, open_ticket
from tests.sealing import sealed
from tests.widgets.conftest import ADMIN_SEAT
from tests.widgets.tickets.test_panel import settle
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.tickets.intake_dialog import TicketIntakeDialog
from widgets.tickets.panel import create_panel
from widgets.tickets.place_picker import POINT

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, db, site, tmp_path):
    with db.session() as session:
        session.add(
            Resident(
                household_id=site.household_id,
                name="刘桂兰",
                sex="女",
                phone="13912345678",
                **sealed(session, "410102195001011234"),
            )
        )
    widget = create_panel(build_shell_context(db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT))
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    settle(qtbot, widget)
    return widget


def tickets(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count(Ticket.id)))


def fill(
    dialog: TicketIntakeDialog,
    *,
    category="SR01",
    text="3号楼下垃圾三天没人清运",
    phone="139 1234 5678",
    point=IN_G1,
):
    if category:
        dialog.categories.select(category)
    dialog.text.setPlainText(text)
    dialog.reporter.setText("刘女士")
    dialog.phone.setText(phone)
    if point:
        dialog.place.tabs.setCurrentIndex(POINT)
        dialog.place.lon.setText(str(point[0]))
        dialog.place.lat.setText(str(point[1]))


def test_a_valid_submit_opens_one_ticket_dispatched_to_the_grid(panel, qtbot, db):
    dialog = panel.new_ticket()
    fill(dialog)
    qtbot.waitUntil(lambda: "派遣至 幸福小区" in dialog.preview.text(), timeout=10_000)
    assert "张小区" in dialog.preview.text()
    with qtbot.waitSignal(dialog.opened, timeout=10_000) as opened:
        dialog.submit_button.click()
        dialog.submit_button.click()  # a double click while the first is on its way
        dialog.submit()
    settle(qtbot, panel)
    ticket_id = opened.args[0].ticket_id
    assert tickets(db) == 1 and panel.intake_dialog is None  # the form closed itself
    shown = panel.desk.describe(ticket_id)
    assert shown["assigned_grid"] == "幸福小区" and shown["assignee"]["name"] == "张小区"
    assert shown["reporter"]["phone"] == "139****5678"  # normalised, masked unless revealed
    assert panel.detail.ticket["id"] == ticket_id
    assert "派遣至幸福小区，承办人张小区" in panel.detail.timeline.toPlainText()
    assert [r.id for r in panel.selected_rows()] == [ticket_id]
    assert f"#{ticket_id}" in panel.notice.text()


def test_the_reporters_phone_is_shown_whole_only_after_a_reason(panel, qtbot, db, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from app.models import AuditEntry

    dialog = panel.new_ticket()
    fill(dialog)
    with qtbot.waitSignal(dialog.opened, timeout=10_000) as opened:
        dialog.submit()
    settle(qtbot, panel)
    ticket_id = opened.args[0].ticket_id
    qtbot.waitUntil(lambda: panel.detail.ticket is not None and panel.detail.ticket["id"] == ticket_id)
    assert "139****5678" in panel.detail.facts.text() and "13912345678" not in panel.detail.facts.text()
    assert panel.detail.reveal_button.isVisible()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("", True))
    panel.detail.reveal_button.click()  # no reason: refused, said, still masked
    qtbot.waitUntil(lambda: "理由" in panel.notice.text(), timeout=5000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("回访", True))
    panel.detail.reveal_button.click()
    qtbot.waitUntil(lambda: "13912345678" in panel.detail.facts.text(), timeout=5000)
    assert not panel.detail.reveal_button.isVisible()
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal_personal_data")).one()
    assert (entry.entity, entry.entity_id) == ("ticket", ticket_id) and "回访" in entry.detail


def test_a_duplicate_is_offered_for_merging(panel, qtbot, db, desk):
    existing = open_ticket(desk, IN_G1)
    dialog = panel.new_ticket()
    fill(dialog, point=(IN_G1[0] + 0.0001, IN_G1[1]))  # ten metres away
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.duplicate_box.isVisible(), timeout=10_000)
    assert dialog.duplicates.count() == 1 and f"#{existing}" in dialog.duplicates.item(0).text()
    assert tickets(db) == 1
    with qtbot.waitSignal(dialog.opened, timeout=10_000) as opened:
        dialog.merge_button.click()
        dialog.merge_button.click()
    settle(qtbot, panel)
    assert opened.args[0].ticket_id == existing and opened.args[0].merged
    assert tickets(db) == 1
    merged = panel.desk.describe(existing)
    assert merged["reports"] == 2 and "合并重复反映" in merged["timeline"][-1]["note"]


def test_open_anyway_after_the_duplicate_offer(panel, qtbot, db, desk):
    open_ticket(desk, IN_G1)
    dialog = panel.new_ticket()
    fill(dialog)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.duplicate_box.isVisible(), timeout=10_000)
    with qtbot.waitSignal(dialog.opened, timeout=10_000):
        dialog.force_button.click()
    settle(qtbot, panel)
    assert tickets(db) == 2


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"phone": "1391234567"}, "phone", "应为 11 位"),
        ({"phone": "61234567"}, "phone", "缺少区号"),
        ({"category": None}, "category", "请选择问题分类"),
        ({"point": None}, "place", "请搜索并在列表中选择住户"),
        ({"text": "   "}, "text", "请填写反映内容"),
    ],
)
def test_invalid_input_is_shown_next_to_the_field_and_opens_nothing(panel, qtbot, db, change, field, message):
    dialog = panel.new_ticket()
    fill(dialog, **change)
    dialog.submit()
    settle(qtbot, panel)
    assert message in dialog.errors[field].text() and dialog.errors[field].isVisibleTo(dialog)
    assert dialog.isVisible() and dialog.submit_button.isEnabled()
    assert tickets(db) == 0


def test_household_search_masks_and_places_the_ticket(panel, qtbot, db, site):
    dialog = panel.new_ticket()
    fill(dialog, point=None)
    dialog.place.households.search.setText("刘桂")
    qtbot.waitUntil(lambda: dialog.place.households.results.count() == 1, timeout=10_000)
    line = dialog.place.households.results.item(0).text()
    assert "139****5678" in line and "410102********1234" in line and "13912345678" not in line
    settle(qtbot, panel)
    qtbot.waitUntil(lambda: "幸福小区" in dialog.preview.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.opened, timeout=10_000) as opened:
        dialog.submit()
    shown = panel.desk.describe(opened.args[0].ticket_id)
    assert shown["place"]["household_id"] == site.household_id and shown["assigned_grid"] == "幸福小区"


def test_a_map_point_prefills_and_the_fallback_is_explained(panel, qtbot):
    dialog = panel.new_ticket(point=IN_G2)  # 阳光小区 has no leader: the community takes it
    assert dialog.place.tabs.currentIndex() == POINT and dialog.place.lon.text().startswith("113.615")
    qtbot.waitUntil(lambda: "李社区" in dialog.preview.text(), timeout=10_000)
    assert "阳光小区（三级网格）未设网格长" in dialog.preview.text()


def test_photos_are_kept_with_their_checksum(panel, qtbot, db, tmp_path):
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a small jpeg")
    dialog = panel.new_ticket()
    fill(dialog)
    dialog.add_photos([photo, tmp_path / "missing.jpg"])
    assert dialog.photo_list.count() == 1 and "missing.jpg" in dialog.errors["photos"].text()
    with qtbot.waitSignal(dialog.opened, timeout=10_000) as opened:
        dialog.submit()
    shown = panel.desk.describe(opened.args[0].ticket_id)
    assert [p["filename"] for p in shown["photos"]] == ["现场.jpg"]
    assert panel.desk.photo(shown["photos"][0]["id"]) == ("现场.jpg", photo.read_bytes())


def test_keyboard_ctrl_n_opens_and_ctrl_enter_submits(panel, qtbot, db):
    from PySide6.QtCore import Qt

    panel.table.setFocus()
    qtbot.wait(20)
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.intake_dialog
    assert dialog is not None and dialog.isVisible()
    fill(dialog)
    dialog.text.setFocus()
    qtbot.wait(20)  # let the focus settle, as it has long before a person presses keys
    with qtbot.waitSignal(dialog.opened, timeout=10_000):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tickets(db) == 1
