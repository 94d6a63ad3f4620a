"""设置 → 传感器 on a real store: the sensors with where they are (bound, waiting on a flat, neither),
the codes heard but not bound one click from a household, add / re-bind / delete through the core,
address suggestions from the household reader, other seats' changes followed, English for every text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from alarms.ingest import SensorIngest
from alarms.sensor_event import SensorEvent
from alarms.sensor_store import SensorForm, SensorStore
from alarms.service import AlarmService
from app.models.devices import SENSOR_KIND_ZH
from app.roster.edits import HouseholdForm, RosterEdits
from runtime.read.sensors import Binding
from tests.alarms.site import build_site
from widgets.i18n import I18N_DIR, read_ts

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[3]
BUILDING = "郑州市二七区幸福路18号院7号楼"
WAITING_FLAT = f"{BUILDING}5单元501室"


@pytest.fixture
def context(qapp, sqlite_db, tmp_path):
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    site = build_site(sqlite_db)
    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"))
    context.test_site = site
    SensorStore(context.site).add(SensorForm("0x_bed_501", "zigbee", "bed", "7号楼5单元501室"))
    ingest = SensorIngest(AlarmService(context.site.db, context.site.hub, context.site.seat))
    ingest.handle(SensorEvent("rf433", "D00D01", "rf-1"))
    yield context
    context.bridge.close()


@pytest.fixture
def dialog(qtbot, context):
    from widgets.settings.sensors import SensorSettingsDialog

    widget = SensorSettingsDialog(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.sensor_table.rowCount() == 4 and widget.heard_table.rowCount() == 1)
    yield widget
    widget.jobs.wait()


def _cells(table, row: int) -> list[str]:
    return [
        table.item(row, column).text() if table.item(row, column) else ""
        for column in range(table.columnCount())
    ]


def _row_of(dialog, code: str):
    return next(s for s in dialog.sensors if s.code == code)


def test_the_waiting_sensor_is_listed_first_with_its_flat(dialog):
    first = _cells(dialog.sensor_table, 0)
    assert first[:5] == ["0x_bed_501", "zigbee", "床垫传感器", "待绑定", WAITING_FLAT]
    assert dialog.form_view.state.text() == "待绑定: 住户地址尚无住户"  # the first one is shown
    assert dialog.form_view.address.text() == WAITING_FLAT
    bound = _cells(dialog.sensor_table, 1)
    assert bound[3:] == ["已绑定", f"{BUILDING}2单元301室", "—", "—"]


def test_a_heard_code_is_bound_to_a_household_in_one_click_and_a_save(qtbot, dialog):
    bind = dialog.heard_table.cellWidget(0, dialog.heard_table.columnCount() - 1)
    assert bind.text() == "绑定到住户…" and _cells(dialog.heard_table, 0)[:3] == ["D00D01", "rf433", "rf-1"]
    bind.click()
    view = dialog.form_view
    assert view.code.text() == "D00D01" and view.protocol.currentText() == "rf433" and view.address.hasFocus()
    view.kind.setCurrentIndex(view.kind.findData("smoke"))
    view.address.setText("7号楼1单元102室")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "已保存" and dialog.heard_table.rowCount() == 0)
    smoke = _row_of(dialog, "D00D01")
    assert (smoke.binding, smoke.address, smoke.kind) == (Binding.BOUND, f"{BUILDING}1单元102室", "smoke")
    assert dialog.current_id == smoke.id and view.state.text() == "已绑定"


def test_rebinding_to_a_flat_with_no_household_says_it_waits(qtbot, dialog, context):
    dialog.select(context.test_site.door_sensor_id)
    dialog.form_view.address.setText("7号楼2单元302")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("已保存, 待绑定"))
    assert f"{BUILDING}2单元302室" in dialog.message.text()
    assert _row_of(dialog, "3C5A0A").binding is Binding.WAITING


def test_a_bad_form_names_its_fields_and_saves_nothing(qtbot, dialog):
    dialog.add_button.click()
    view = dialog.form_view
    view.code.setText("A1B2C3")  # the SOS button's code
    view.address.setText("幸福路8号")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "已属于另一个传感器" in dialog.message.text())
    assert "border" in view.code.styleSheet() and "border" in view.address.styleSheet()
    assert "无法识别" in dialog.message.text() and len(dialog.sensors) == 4


def test_delete_asks_first(qtbot, dialog, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    dialog.delete_button.click()
    assert "0x_bed_501" in asked[0] and len(dialog.sensors) == 4
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: dialog.sensor_table.rowCount() == 3)
    assert "0x_bed_501" not in {s.code for s in dialog.sensors} and dialog.current_id == dialog.sensors[0].id


def test_addresses_are_suggested_from_the_households(qtbot, dialog):
    dialog.add_button.click()
    dialog.form_view.address.setText("102")
    dialog.form_view.address.textEdited.emit("102")
    qtbot.waitUntil(lambda: dialog.form_view.suggestions.stringList() == [f"{BUILDING}1单元102室"])


def test_the_household_added_elsewhere_binds_the_waiting_sensor_in_the_list(qtbot, dialog, context):
    dialog.add_button.click()
    dialog.form_view.code.setText("typed, not saved")
    with context.site.db.session() as session:
        from app.models import Building

        building_id = session.query(Building.id).scalar()
    RosterEdits(context.site).add_household(HouseholdForm(building_id, "5", "501"))
    qtbot.waitUntil(lambda: _row_of(dialog, "0x_bed_501").binding is Binding.BOUND)
    assert dialog.form_view.code.text() == "typed, not saved"  # a change from elsewhere keeps the form


def test_the_dialog_in_english(qtbot, dialog, languages, tmp_path):
    assert dialog.grab().save(str(tmp_path / "sensor_dialog.png"))  # resources/screenshots/ holds a copy
    languages.switch("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Sensor settings", timeout=3000)
    assert _cells(dialog.sensor_table, 0)[2] == "Bed mat sensor"
    assert dialog.form_view.state.text() == "Waiting: no household at this address yet"
    assert dialog.grab().save(str(tmp_path / "sensor_dialog_en.png"))


def test_every_dialog_text_has_english():
    english = read_ts(I18N_DIR / "en" / "settings.ts")
    source = "".join(
        (ROOT / "widgets" / "settings" / name).read_text(encoding="utf-8")
        for name in ("sensors.py", "sensor_form.py")
    )
    wanted = set(re.findall(r'\btr\(\s*"([^"]+)"\s*\)', source))
    wanted |= set(re.findall(r'\(\s*"([^"]+)",\s*self\.[a-z_]+\)', source))
    wanted |= set(re.findall(r'"([^"]+)"', re.search(r"SENSOR_COLUMNS = \((.*?)\)", source).group(1)))
    wanted |= set(SENSOR_KIND_ZH.values()) | {"待绑定", "最近收到", "接收器", "次数"}
    missing = sorted(text for text in wanted if ("SensorSettings", text) not in english)
    assert not missing, missing
