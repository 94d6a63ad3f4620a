"""设置 → 摄像机 on a real store: list, add, edit, delete, a connection test against the tests' RTSP
server, ONVIF filling the addresses, the password never shown, and English for every text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.models import Grid
from runtime.read.cameras import CameraCatalogue
from tests.video.onvif_responder import OnvifDevice, Profile
from tests.video.servers import free_port
from tests.widgets.conftest import ADMIN_SEAT
from video.camera_store import CameraForm, CameraStore
from video.cameras import load_cameras
from widgets.i18n import I18N_DIR, read_ts

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def context(qapp, sqlite_db, tmp_path):
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    with sqlite_db.session() as session:
        session.add(Grid(code="S1-C1-G1", name="幸福里一区", level=3, centre_lon=113.61, centre_lat=34.71))
        session.add(
            Grid(code="S1-C1-G1-B7", name="7号楼微网格", level=4, centre_lon=113.612, centre_lat=34.712)
        )
    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    yield context
    context.bridge.close()


@pytest.fixture
def dialog(qtbot, context):
    from widgets.settings.cameras import CameraSettingsDialog

    store = CameraStore(context.site)
    grid_id = next(g.id for g in CameraCatalogue(context.site).grids() if g.level == 4)
    store.add(
        CameraForm(
            "7号楼东门",
            grid_id,
            "rtsp://10.0.0.8/101",
            "rtsp://10.0.0.8/102",
            username="admin",
            password="Secret#12",
        )
    )
    widget = CameraSettingsDialog(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.camera_list.count() == 1, timeout=5000)
    yield widget
    widget.network_jobs.wait()
    widget.store_jobs.wait()


def test_the_selected_camera_is_shown_with_its_password_hidden(dialog):
    view = dialog.form_view
    assert view.name.text() == "7号楼东门" and view.grid.currentText() == "7号楼微网格 (S1-C1-G1-B7)"
    assert view.main_url.text() == "rtsp://10.0.0.8/101" and view.username.text() == "admin"
    assert view.password.text() == "" and "••••" in view.password.placeholderText()
    assert view.clear_password.isVisibleTo(dialog)
    # a Hikvision that reads the `z` time as its local time is chosen per camera, and the form says how
    assert view.playback.findText("hikvision-local") > 0 and "hikvision-local" in view.playback_hint.text()


def test_a_new_camera_is_saved_and_a_bad_form_names_its_fields(qtbot, dialog):
    dialog.add_button.click()
    view = dialog.form_view
    view.name.setText("7号楼东门")
    view.main_url.setText("ftp://x")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "已有名为" in dialog.message.text(), timeout=5000)
    assert "border" in view.name.styleSheet() and "border" in view.main_url.styleSheet()
    assert "border" in view.grid.styleSheet()
    view.name.setText("7号楼西门")
    view.grid.setCurrentIndex(1)
    view.main_url.setText("rtsp://viewer:pw@10.0.0.9/101")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.camera_list.count() == 2, timeout=5000)
    west = next(c for c in load_cameras(dialog.store.site.db) if c.name == "7号楼西门")
    assert west.main_url == "rtsp://viewer:pw@10.0.0.9/101"  # the login moved out of the address and back
    assert dialog.form_view.main_url.text() == "rtsp://10.0.0.9/101"  # and is not shown in it


def test_edit_keeps_the_password_and_delete_asks_first(qtbot, dialog, monkeypatch):
    dialog.form_view.bearing.setText("135")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "已保存", timeout=5000)
    (camera,) = load_cameras(dialog.store.site.db)
    assert camera.bearing == 135 and camera.main_url == "rtsp://admin:Secret%2312@10.0.0.8/101"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: dialog.camera_list.count() == 0, timeout=5000)
    assert load_cameras(dialog.store.site.db) == []


def test_connection_test_shows_the_picture_codec_size_and_rate(
    qtbot, dialog, rtsp_server, languages, tmp_path
):
    view = dialog.form_view
    view.main_url.setText(rtsp_server.url("street"))
    view.test_button.click()
    qtbot.waitUntil(lambda: "连接成功" in view.test_result.text(), timeout=15000)
    assert re.search(r"编码 H264, 分辨率 320x180, 帧率 1\d\.\d fps", view.test_result.text())
    assert not view.snapshot.pixmap().isNull()
    dialog.resize(1020, 720)
    assert dialog.grab().save(str(tmp_path / "camera_dialog.png"))  # resources/screenshots/ holds a copy
    languages.switch("en")
    qtbot.waitUntil(lambda: view.test_button.text() == "Test main stream", timeout=3000)
    assert dialog.grab().save(str(tmp_path / "camera_dialog_en.png"))


def test_a_dead_camera_fails_clearly_without_freezing_the_window(qtbot, dialog):
    view = dialog.form_view
    view.main_url.setText(f"rtsp://127.0.0.1:{free_port()}/live")
    view.test_button.click()
    assert not view.test_button.isEnabled()  # the click returned at once; the test runs on a worker
    qtbot.waitUntil(lambda: "连接失败" in view.test_result.text(), timeout=15000)
    assert "connection refused" in view.test_result.text()


def test_onvif_fills_the_main_and_sub_addresses_with_the_stored_password(qtbot, dialog):
    device = OnvifDevice(
        "admin",
        "Secret#12",
        [
            Profile("P1", "mainStream", 1920, 1080, "rtsp://10.0.0.8:554/Streaming/Channels/101"),
            Profile("P2", "subStream", 640, 360, "rtsp://10.0.0.8:554/Streaming/Channels/102"),
        ],
    ).start()
    try:
        view = dialog.form_view
        view.main_url.clear()
        view.onvif_address.setText(device.address)
        view.onvif_button.click()  # the password field is empty: the stored one logs in
        qtbot.waitUntil(lambda: view.main_url.text().endswith("/101"), timeout=5000)
        assert (
            view.sub_url.text().endswith("/102") and "mainStream (H264 1920x1080)" in view.onvif_result.text()
        )
        view.password.setText("wrong")
        view.onvif_button.click()
        qtbot.waitUntil(lambda: "NotAuthorized" in view.onvif_result.text(), timeout=5000)
    finally:
        device.stop()


def test_every_dialog_text_has_english():
    # every English file, as the translator reads them (the recorder playback field's are in clips_ui.ts)
    english = {
        key: text for path in sorted((I18N_DIR / "en").glob("*.ts")) for key, text in read_ts(path).items()
    }
    source = "".join(
        (ROOT / "widgets" / "settings" / name).read_text(encoding="utf-8")
        for name in ("cameras.py", "camera_form.py")
    )
    wanted = set(re.findall(r'\btr\("([^"]+)"\)', source)) | set(
        re.findall(r'\("([^"]+)", self\.[a-z_]+\)', source)
    )
    missing = sorted(text for text in wanted if ("CameraSettings", text) not in english)
    assert not missing, missing
