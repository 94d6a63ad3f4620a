"""The translation walk: the main window on the demo site, every panel and every window reachable from
it, read word by word. In English no Chinese may be left outside the site's data; in Chinese no English
outside a short list of proper nouns and units.

What is walked is found, not listed: every dock of the window; in each panel, a first row selected in
every list (detail panes show) and every enabled button pressed; every menu entry triggered. Whatever
window opens (dialog, message box, file dialog, the alarm popup; modal or not) is walked and closed by
`WindowCatcher`, so a new panel, button, menu entry or dialog is walked the day it is added.
A window reached from none of these (the site wizard, the sign-in dialog) is named in `_outside_windows`.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel
from PySide6.QtWidgets import QApplication

from alarms.models import Priority
from alarms.service import AlarmDraft
from app.access.accounts import Accounts
from app.config import Seat
from app.context import SiteContext
from app.demo.accounts import DEMO_PASSWORD
from app.store import Database
from tests.widgets.text_walk import (
    SiteData,
    WindowCatcher,
    chrome_texts,
    clickable_buttons,
    english_in_chinese,
    item_views,
    untranslated_in_english,
)
from video.cameras import load_cameras
from widgets.i18n import I18N_DIR, LANGUAGES, read_ts
from widgets.main_window import MainWindow
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.site_runtime import SeatRuntime

pytestmark = [pytest.mark.gui]

# Proper nouns, units and codes that read the same in a Chinese sentence. Keep it short: a word missing
# here is fixed by translating it, not by adding it.
CHINESE_ALLOWED = {
    # protocols, formats and products
    "RTSP",
    "ONVIF",
    "MQTT",
    "HTTP",
    "HTTPS",
    "URL",
    "IP",
    "ID",
    "AI",
    "PDF",
    "HTML",
    "CSV",
    "xlsx",
    "XLSX",
    "JSON",
    "GeoJSON",
    "Zigbee",
    # recorder vendors: the playback setting's values, typed as the vendors name their URL schemes
    "hikvision",
    "dahua",
    "SOS",
    "CPU",
    "GPU",
    "PIN",
    "SQLite",
    "PostgreSQL",
    "Qt",
    "PySide",
    "Python",
    "onnxruntime",
    "Excel",
    "USB",
    "SHA",
    "udp",
    "tcp",
    # coordinate systems: WGS-84 (GPS), GCJ-02, BD-09
    "WGS",
    "GPS",
    "GCJ",
    "BD",
    "MHz",
    "ONNX",
    "OpenCV",
    "Mosquitto",
    "Argon",
    "UTC",
    "GB",
    "MB",
    "KB",
    # units
    "fps",
    "px",
    "kbps",
    "ms",
    # keys on the keyboard (快捷键)
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Enter",
    "Tab",
    "Space",
    "Del",
    "Delete",
    "Home",
    "End",
    "PgUp",
    "PgDn",
    "Backspace",
    "Return",
    "Up",
    "Down",
    "Left",
    "Right",
    "Meta",
    # the language menu names English in English
    "Language",
    "English",
}

# Each language's name in its own script, and the language menu named in both, so that a person who
# cannot read the present language still finds the way back (widgets/i18n.py, widgets/menu_builder.py).
BOTH_LANGUAGES = {*LANGUAGES.values(), "语言 / Language"}

# Acts that end or lock the session or change the window itself: not a window to walk.
NOT_WINDOWS = {"file.quit", "view.fullscreen", "view.reset_layout", "lockSeatAction", "signOutAction"}


def _outside_windows(db):
    """Windows the main window does not open: the new-site wizard, the sign-in dialog."""
    from widgets.accounts.sign_in import SignInDialog
    from widgets.accounts.startup import demo_hint
    from widgets.site_wizard.wizard import SiteWizard

    yield SiteWizard(SiteContext(db))
    yield SignInDialog(Accounts(db, Seat()), name="", hint=demo_hint())


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    import main
    from app.demo.site import ensure_demo_site

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = Database(f"sqlite:///{path}")
    try:
        ensure_demo_site(db, extras=main.DEMO_EXTRAS)
    finally:
        db.dispose()
    return path


@pytest.fixture(scope="module")
def vocabulary() -> set[str]:
    words: set[str] = set()
    for path in (I18N_DIR / "en").glob("*.ts"):
        words |= {source for _context, source in read_ts(path)}
    return words


class Walk:
    """One walk of the shell: everything seen, every window caught."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self.seen = set()
        self.catcher = WindowCatcher(window, self.read)

    def read(self, widget) -> None:
        self.seen |= chrome_texts(widget)

    def settle(self, ms: int = 30) -> None:
        self.qtbot.wait(ms)
        self.catcher.settle()

    def panels(self) -> None:
        for key, dock in self.window.docks.items():
            self.window.show_panel(key)
            self.settle()
            panel = dock.widget()
            self.read(dock)
            for view in item_views(panel):
                model = view.model()
                if model is not None and model.rowCount() > 0 and view.selectionModel() is not None:
                    view.selectionModel().setCurrentIndex(
                        model.index(0, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
            self.settle()
            self.read(dock)
            for button in clickable_buttons(panel):
                if button.isVisibleTo(panel) and button.isEnabled():
                    button.click()
                    self.settle()
            self.read(dock)

    def menus(self) -> None:
        bar = self.window.menuBar()
        for menu_action in bar.actions():
            menu = menu_action.menu()
            if menu is None or menu.objectName() == "languageMenu":
                continue
            for action in _leaf_actions(menu):
                if action.objectName() in NOT_WINDOWS or action.isCheckable() or not action.isEnabled():
                    continue
                action.trigger()
                self.settle()

    def outside(self, db) -> None:
        for dialog in _outside_windows(db):
            dialog.show()
            self.settle()
            dialog.deleteLater()


def _leaf_actions(menu):
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            yield from _leaf_actions(action.menu())
        else:
            yield action


def _walk(qtbot, demo_file, tmp_path, languages, language: str, vocabulary: set[str]) -> tuple[set, SiteData]:
    db_path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, db_path)
    db = Database(f"sqlite:///{db_path}")
    seat = Seat.signed_in(Accounts(db, Seat()).sign_in("admin", DEMO_PASSWORD))
    context = build_shell_context(db, ShellSettings(demo=True, path=tmp_path / "window.ini"), seat)
    runtime = SeatRuntime(context, ai=False)
    runtime.start()
    # Built in the other language and switched, as a person does from the 语言 menu: what does not say
    # itself again on LanguageChange shows up here too.
    languages.switch("zh_CN" if language == "en" else "en")
    window = MainWindow(context, languages, remember_layout=False)
    runtime.attach(window)
    walk = Walk(qtbot, window)
    try:
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(500)  # the start-up popup shows, in the first language
        window.switch_language(language)
        qtbot.wait(1500)  # what is said again once a second (a tile's tooltip) has been said again
        with walk.catcher:
            for shown in QApplication.topLevelWidgets():
                if shown.isVisible() and shown is not window:  # the start-up popup
                    walk.read(shown)
            camera = next(c for c in load_cameras(db) if c.lon is not None)
            draft = AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", lon=camera.lon, lat=camera.lat)
            context.runtime.alarms.raise_alarm(draft)  # the alarm popup again, with one more alarm
            walk.settle(300)
            walk.panels()
            walk.menus()
            walk.outside(db)
            walk.settle()
            walk.read(window)  # last: the status bar's reports of the switch have all come in
        assert len(walk.catcher.caught) >= 10, walk.catcher.caught  # the walk really opened windows
        return walk.seen, SiteData(db, vocabulary)
    finally:
        runtime.stop()
        context.bridge.close()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        db.dispose()


def _report(items) -> str:
    return "\n".join(f"  [{s.kind}] {s.where}: {words} in {s.text[:160]!r}" for s, words in items)


def test_english_mode_shows_no_chinese_outside_data(qtbot, demo_file, tmp_path, languages, vocabulary):
    seen, data = _walk(qtbot, demo_file, tmp_path, languages, "en", vocabulary)
    bad = untranslated_in_english((s for s in seen if s.text not in BOTH_LANGUAGES), data)
    assert not bad, f"{len(bad)} texts left in Chinese:\n{_report(bad)}"


def test_chinese_mode_shows_no_english_outside_proper_nouns(
    qtbot, demo_file, tmp_path, languages, vocabulary
):
    seen, data = _walk(qtbot, demo_file, tmp_path, languages, "zh_CN", vocabulary)
    bad = english_in_chinese((s for s in seen if s.text not in BOTH_LANGUAGES), data, CHINESE_ALLOWED)
    assert not bad, f"{len(bad)} texts with English:\n{_report(bad)}"


def test_the_walk_tells_words_from_data(qtbot, small_site):
    """What the walk flags: chrome left in the other language; what it leaves: the site's data."""
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    for text in ("张桂兰 — 郑州市二七区幸福路8号幸福里3号楼1单元101室", "拖入摄像机", "Drag a camera here"):
        layout.addWidget(QLabel(text))
    layout.addWidget(QPushButton("户主"))  # stored in the roster, but vocabulary: it has English
    hidden = QLabel("隐藏的字")
    layout.addWidget(hidden)
    hidden.hide()
    data = SiteData(small_site.db, vocabulary={"户主"})
    seen = chrome_texts(page)
    flagged = {(s.kind, tuple(words)) for s, words in untranslated_in_english(seen, data)}
    assert flagged == {("button", ("户主",)), ("label", ("拖入摄像机",))}
    assert [words for _s, words in english_in_chinese(seen, data, {"ID"})] == [["Drag", "camera", "here"]]
