"""The alarm popup stands beside the map where the screen has room, and covers least of it where not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QRect, QSize

from alarms.models import Priority
from alarms.service import AlarmDraft
from widgets.alarms.popup_place import MARGIN_PX, covered, place_beside
from widgets.main_window import MainWindow
from widgets.panels import PANELS, under_construction
from widgets.wiring import PanelWiring

POPUP = QSize(980, 620)


def test_beside_a_map_on_the_left_of_a_full_hd_screen():
    screen = QRect(0, 0, 1920, 1080)
    map_rect = QRect(84, 66, 457, 987)
    corner = place_beside(POPUP, map_rect, screen)
    placed = QRect(corner, POPUP)
    assert covered(placed, map_rect) == 0 and screen.contains(placed)
    assert corner.x() == map_rect.right() + 1 + MARGIN_PX  # right beside it, not far off


def test_a_map_on_the_right_puts_the_popup_to_its_left():
    screen = QRect(0, 0, 1920, 1080)
    map_rect = QRect(1300, 40, 620, 1000)
    placed = QRect(place_beside(POPUP, map_rect, screen), POPUP)
    assert covered(placed, map_rect) == 0 and placed.right() < map_rect.left()


def test_where_no_side_has_room_it_covers_the_least_of_the_map_and_stays_on_screen():
    screen = QRect(0, 0, 1366, 740)
    map_rect = QRect(300, 60, 700, 640)
    placed = QRect(place_beside(POPUP, map_rect, screen), POPUP)
    assert screen.contains(placed)
    centred = QRect(0, 0, POPUP.width(), POPUP.height())
    centred.moveCenter(screen.center())
    assert covered(placed, map_rect) < covered(centred, map_rect)


def test_without_a_map_on_screen_it_is_centred_on_the_screen_it_belongs_to():
    screen = QRect(1920, 0, 1920, 1080)  # a second monitor
    placed = QRect(place_beside(POPUP, None, screen), POPUP)
    assert placed.center().x() in range(screen.center().x() - 1, screen.center().x() + 2)


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_new_alarm_pops_up_beside_the_windows_map(qtbot, shell_context, languages):
    real = ("map", "alarms")
    panels = [p if p.key in real else replace(p, factory=under_construction(p.title)) for p in PANELS]
    window = MainWindow(shell_context, languages, panels=panels, remember_layout=False)
    qtbot.addWidget(window)
    window.resize(780, 560)  # the offscreen screen is 800x600: the map's column is on the right
    window.show()
    window.apply_default_sizes()
    PanelWiring(window)
    window.show_panel("map")
    wiring_map = window.docks["map"]
    qtbot.waitUntil(lambda: not wiring_map.visibleRegion().isEmpty())
    desk = window.panel_widgets["alarms"].desk
    desk.popup.resize(300, 300)
    desk.service.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)"))
    qtbot.waitUntil(lambda: desk.popup.isVisible(), timeout=10_000)
    map_rect = QRect(wiring_map.mapToGlobal(QPoint(0, 0)), wiring_map.size())
    # The offscreen screen (800x600) is narrower than the popup's minimum: check it stood where the
    # placement puts it for this map (the placement itself is checked on real screen sizes above).
    screen = desk.popup.screen().availableGeometry()
    assert desk.popup.pos() == place_beside(desk.popup.frameGeometry().size(), map_rect, screen)
    desk.popup.close()
