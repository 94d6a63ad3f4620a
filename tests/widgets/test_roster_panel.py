"""The household browser on screen: searching, masking in the list, the card of the selected household."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel

from widgets.households.model import COLUMNS, ROW_ROLE
from widgets.households.panel import RosterPanel
from widgets.households.tags import TagChips

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(
        "This plugin does not support"
    ),  # offscreen platform limits (raise, size hints)
]


def column(name: str) -> int:
    return [source for source, _ in COLUMNS].index(name)


@pytest.fixture
def panel(qtbot, shell_context):
    panel = RosterPanel(shell_context)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4 and not panel.model.loading)
    return panel


def search(qtbot, panel: RosterPanel, text: str) -> list[str]:
    with qtbot.waitSignal(panel.model.page_loaded, timeout=5000):
        panel.search_box.setText(text)  # the search starts after the typing pause
    model = panel.model
    return [model.index(row, column("姓名")).data() for row in range(model.rowCount())]


def test_search_box_finds_by_name_phone_address_and_id_tail(qtbot, panel):
    assert search(qtbot, panel, "张桂兰") == ["张桂兰"]
    assert search(qtbot, panel, "13900002222") == ["陈静"]
    assert search(qtbot, panel, "1单元303") == ["马小军"]
    assert search(qtbot, panel, "123X") == ["刘强"]
    assert panel.count_label.text() == "共 1 人"
    assert search(qtbot, panel, "") == ["张桂兰", "刘强", "陈静", "马小军"]
    assert panel.count_label.text() == "共 4 人"


def test_list_masks_id_numbers_and_phones(panel):
    model = panel.model
    shown = {
        model.index(row, column("姓名")).data(): (
            model.index(row, column("身份证号")).data(),
            model.index(row, column("联系电话")).data(),
        )
        for row in range(model.rowCount())
    }
    assert shown["张桂兰"] == ("410102********0026", "138****5678")
    assert shown["刘强"] == ("410102********123X", "139****1111")
    assert shown["马小军"][1] == ""
    texts = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert not any("410102194503120026" in text or "13812345678" in text for text in texts)


def test_selecting_a_resident_shows_the_household_card(qtbot, panel):
    panel.table.selectionModel().select(
        panel.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    card = panel.card
    qtbot.waitUntil(lambda: card.data is not None)  # read off the Qt thread
    assert card.data.household_id > 0
    labels = [label.text() for label in card.widget().findChildren(QLabel)]
    text = "\n".join(labels)
    for expected in (
        "幸福里3号楼1单元101室",
        "张桂兰",
        "郑秀英",
        "淮河路街道",
        "幸福里3号楼",
        "王建国  13700000001",
        "网格员  吴磊  13700000006",
        "张小明",
        "136****2222",  # the emergency contact's phone is masked too
        "吴磊",
        "已提醒冬季用电安全",
    ):
        assert expected in text, expected
    chips = card.widget().findChildren(TagChips)
    assert [chip.tags for chip in chips] == [("elderly_alone", "party_member")]
    assert "13812345678" not in text  # the resident's own phone stays masked on the card as well
    assert "138****5678" in text and "410102********0026" in text
    panel.grab().save("/tmp/roster_panel_test.png")


def test_reveal_shows_full_numbers_and_writes_the_audit_log(qtbot, panel, shell_context, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    from sqlalchemy import func, select

    from app.models import AuditEntry

    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.card.reveal_button is not None)
    with shell_context.db.sessions() as session:
        before = session.scalar(select(func.count(AuditEntry.id)))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("入户核对", True))
    qtbot.mouseClick(panel.card.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.card.reveal_button is None)
    text = "\n".join(label.text() for label in panel.card.widget().findChildren(QLabel))
    assert "410102194503120026" in text and "13812345678" in text
    with shell_context.db.sessions() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == before + 1


def test_a_roster_change_refreshes_the_list_and_keeps_the_open_card(qtbot, panel, shell_context):
    from app.events import Change, RosterChanged

    panel.table.selectRow(1)
    qtbot.waitUntil(lambda: panel.card.data is not None)
    shown = panel.card.data.household_id
    with qtbot.waitSignal(panel.model.page_loaded, timeout=5000):
        shell_context.hub.publish(Change("resident", (1,), RosterChanged("roster_import")))
    assert panel.model.rowCount() == 4
    qtbot.waitUntil(lambda: panel.card.data is not None and panel.card.data.household_id == shown)


def test_a_card_that_cannot_be_read_is_said_and_a_newer_search_drops_one_still_coming(
    qtbot, panel, monkeypatch, shell_context
):
    households = shell_context.reads.households
    read_card = households.card

    def broken(_household_id):
        raise RuntimeError("数据库连接中断")

    monkeypatch.setattr(households, "card", broken)
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: "户卡读取失败" in panel.count_label.text())
    assert "数据库连接中断" in panel.count_label.text() and panel.card.data is None

    started = threading.Event()
    release = threading.Event()

    def slow(household_id):
        started.set()
        release.wait(5)
        return read_card(household_id)

    monkeypatch.setattr(households, "card", slow)
    panel.show_household(panel.model.index(1, 0).data(ROW_ROLE).household_id)
    assert started.wait(5)
    panel.search_now()  # the list is being replaced: the card on its way is for the old one
    release.set()
    qtbot.wait(300)
    assert panel.card.data is None
