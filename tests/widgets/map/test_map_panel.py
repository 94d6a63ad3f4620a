"""The map panel against the demo district: click, drill-down and breadcrumb, search, overlays, export."""

from __future__ import annotations

from datetime import timedelta

import pytest
import shapely
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from alarms.models import Alarm
from app.context import SiteContext
from app.events import Change, EventHub, TicketChanged
from app.store.base import utcnow
from app.tickets.models import Ticket
from runtime.read.map import MapReads, MarkerKind
from widgets.bridge import QtBridge
from widgets.map.overlay import Colouring
from widgets.map.panel import MapPanel
from widgets.map.renderer import opaque_fill
from widgets.map.style import OVERLAY_RAMP, OVERLAY_ZERO

pytestmark = pytest.mark.gui


def pixel_inside(panel: MapPanel, grid_id: int) -> QPoint:
    """A screen pixel well inside a grid's outline in the current view."""
    anchor = panel.scene.grids[grid_id].anchor
    return panel.canvas.viewport.to_screen(anchor).toPoint()


def fill_pixel(panel: MapPanel, grid_id: int) -> QPoint:
    """A pixel inside a grid that shows its fill: clear of its label and its outline."""
    grid = panel.scene.grids[grid_id]
    viewport = panel.canvas.viewport
    centre = viewport.to_screen(grid.anchor)
    for dx, dy in ((0, 30), (0, -30), (40, 0), (-40, 0), (0, 50), (0, -50)):
        pixel = QPointF(centre.x() + dx, centre.y() + dy)
        inner = shapely.buffer(grid.geometry, -4.0 / viewport.scale)
        if shapely.contains_xy(inner, viewport.to_map(pixel).x(), viewport.to_map(pixel).y()):
            return pixel.toPoint()
    raise AssertionError(f"no clear pixel inside grid {grid.code}")


def add_ticket(district, code: str, *, overdue: bool = False, state: str = "dispatched") -> None:
    with district.db.session() as session:
        session.add(
            Ticket(
                state=state, queue="overdue" if overdue else "active", category_code="ENV01", source="phone",
                text="楼道堆放杂物", grid_l3_id=district.ids[code], overdue_since=utcnow() if overdue else None,
            )
        )  # fmt: skip


def test_a_click_inside_a_known_polygon_selects_that_grid(qtbot, panel, district):
    street = district.ids["410103001"]
    with qtbot.waitSignal(panel.gridSelected) as selected:
        qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=pixel_inside(panel, street))
    assert selected.args == [street]
    assert panel.canvas.selection == street
    assert "淮河路街道" in panel.details.heading.text()
    # Clicking outside the district clears the selection.
    qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert panel.canvas.selection is None


def test_hit_test_answers_at_the_level_the_view_shows(panel, district):
    street = district.ids["410103001"]
    community = district.ids["410103001001"]
    point = pixel_inside(panel, community)
    assert panel.canvas.grid_at(QPointF(point)) == street  # district view: streets are the regions
    panel.drill_into(street)
    assert panel.canvas.grid_at(QPointF(pixel_inside(panel, community))) == community


def test_double_click_drills_down_and_the_breadcrumb_goes_back_up(qtbot, panel, district):
    street_code = district.compound[:9]
    community_code = district.compound[:12]
    street, community = district.ids[street_code], district.ids[community_code]
    whole_scale = panel.canvas.viewport.scale

    qtbot.mouseDClick(panel.canvas, Qt.MouseButton.LeftButton, pos=pixel_inside(panel, street))
    assert panel.focus == street
    assert panel.breadcrumb.names() == ["全区", panel.scene.grids[street].name]
    assert panel.canvas.viewport.scale > 2 * whole_scale
    assert panel.canvas.viewport.map_rect().contains(panel.scene.grids[street].bounds)

    qtbot.mouseDClick(panel.canvas, Qt.MouseButton.LeftButton, pos=pixel_inside(panel, community))
    assert panel.focus == community
    assert panel.breadcrumb.names()[1:] == [panel.scene.grids[street].name, panel.scene.grids[community].name]
    assert set(panel.scene.grids[community].children) <= set(panel.canvas.detail().regions)

    qtbot.mouseClick(panel.breadcrumb.buttons[1], Qt.MouseButton.LeftButton)  # back to the street
    assert panel.focus == street and panel.canvas.selection == street
    assert len(panel.breadcrumb.names()) == 2
    qtbot.mouseClick(panel.breadcrumb.buttons[0], Qt.MouseButton.LeftButton)  # 全区
    assert panel.focus is None and panel.breadcrumb.names() == ["全区"]
    assert panel.canvas.viewport.scale == pytest.approx(whole_scale)


def test_search_by_code_flies_to_and_selects_the_grid(panel, district):
    code = district.compound
    target = district.ids[code]
    hits = panel.search(code)
    assert [hit.grid_id for hit in hits][:1] == [target]
    assert panel.canvas.selection == target
    view = panel.canvas.viewport.map_rect()
    assert view.contains(panel.scene.grids[target].bounds)
    assert view.width() < 4 * panel.scene.grids[target].bounds.width()  # flown close, not just in view
    assert panel.scene.grids[target].name in panel.details.heading.text()


def test_search_by_household_address_pins_the_building(panel, district):
    hits = panel.search("嵩山南路88号院1号楼2单元302室")
    assert len(hits) == 1 and hits[0].kind == "household"
    building_grid = district.ids[f"{district.compound}001"]
    assert panel.canvas.selection == building_grid
    assert panel.canvas.pin is not None
    assert panel.canvas.viewport.map_rect().contains(panel.canvas.pin)
    assert panel.search("王秀英")[0].title == "嵩山南路88号院1号楼2单元301室"  # by householder


def test_overlay_colours_follow_ticket_counts_live(qtbot, district):
    hub = EventHub()
    bridge = QtBridge(hub)
    panel = MapPanel(MapReads(SiteContext(district.db)), bridge)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    busy, quiet = (
        district.compound,
        district.compound[:12] + ("002" if not district.compound.endswith("002") else "001"),
    )
    for _ in range(3):
        add_ticket(district, busy)
    panel.refresh_overlay()
    panel.set_colouring(Colouring.OPEN_TICKETS)
    street = district.ids[busy[:9]]
    fills = panel.canvas.content.fills
    assert fills[district.ids[quiet]] == OVERLAY_ZERO
    assert fills[district.ids[busy]] != OVERLAY_ZERO
    assert fills[street] != OVERLAY_ZERO  # counts add up the tree
    assert panel.legend.isVisible() and panel.legend.entries[0].text == "0"
    # What is painted is that colour.
    image = panel.canvas.grab().toImage()
    assert image.pixelColor(fill_pixel(panel, street)) == opaque_fill(fills[street])
    neighbour = next(g for g in panel.scene.roots if g != street)
    assert image.pixelColor(fill_pixel(panel, neighbour)) == opaque_fill(OVERLAY_ZERO)

    # A new ticket elsewhere arrives through the hub: colours change without a reload.
    add_ticket(district, quiet)
    hub.publish(Change("ticket", (), TicketChanged("opened")))
    qtbot.waitUntil(lambda: panel.canvas.content.fills[district.ids[quiet]] != OVERLAY_ZERO, timeout=3000)
    assert panel.tooltip(district.ids[quiet]).count("未办结工单 1") == 1

    panel.set_colouring(Colouring.OVERDUE_TICKETS)
    assert panel.canvas.content.fills[street] == OVERLAY_ZERO
    add_ticket(district, busy, overdue=True)
    hub.publish(Change("ticket", (), TicketChanged("sweep")))
    qtbot.waitUntil(lambda: panel.canvas.content.fills[street] in OVERLAY_RAMP, timeout=3000)
    bridge.close()


def test_alarms_blink_at_their_household_and_count_in_the_time_range(qtbot, panel, district):
    with district.db.session() as session:
        session.add(Alarm(source="sensor", kind="sos", priority=1, title="紧急呼叫 2单元301", household_id=1,
                          grid_id=district.ids[f"{district.compound}001"]))  # fmt: skip
        session.add(Alarm(source="sensor", kind="smoke", priority=1, title="旧告警", state="handled",
                          grid_id=district.ids[district.compound], raised_at=utcnow() - timedelta(days=3)))  # fmt: skip
    panel.refresh_overlay()
    alarms = [m for m in panel.canvas.content.markers if m.kind == MarkerKind.ALARM]
    assert [m.title for m in alarms] == ["紧急呼叫 2单元301"]
    assert panel.canvas._blink.isActive()
    panel.set_colouring(Colouring.ALARMS)
    street = district.ids[district.compound[:9]]
    assert panel.canvas.content.fills[street] == OVERLAY_RAMP[0]  # 1 alarm in the last 24 hours
    panel.tools.window_box.setCurrentIndex(1)  # the last 7 days: both
    assert panel.overlay.alarms[district.ids[district.compound]] == 1
    panel.tools.show_alarms.setChecked(False)
    assert not panel.canvas._blink.isActive()


def test_clicking_a_camera_asks_for_its_live_view(qtbot, panel, district):
    panel.search(district.compound)
    panel.canvas.repaint()
    drawn = {m.ref_id: p for m, p in panel.canvas.visible_markers() if m.kind == MarkerKind.CAMERA}
    assert district.camera_id in drawn
    with qtbot.waitSignal(panel.cameraActivated) as opened:
        qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=drawn[district.camera_id].toPoint())
    assert opened.args == [district.camera_id]
    # The side panel's camera list does the same.
    panel.select(district.ids[f"{district.compound}001"])
    with qtbot.waitSignal(panel.cameraActivated) as listed:
        panel.details.cameras.itemClicked.emit(panel.details.cameras.item(0))
    assert listed.args == [district.camera_id]


def test_tooltip_names_the_leader_with_phone(panel, district):
    text = panel.tooltip(district.ids[district.compound])
    assert "杨桂芳 15252546398" in text and district.compound in text


def test_export_png_and_pdf(panel, tmp_path):
    png = panel.export_view(tmp_path / "map.png")
    image = QImage(str(png))
    assert image.width() == 2 * panel.canvas.width()
    pdf = panel.export_view(tmp_path / "map.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000


def test_switching_to_english_retranslates_the_panel(qtbot, qapp, panel, district):
    from widgets.i18n import LanguageSwitcher

    languages = LanguageSwitcher(qapp)
    panel.select(district.ids[district.compound])
    try:
        languages.switch("en")
        qtbot.waitUntil(lambda: panel.search_box.placeholderText().startswith("Search"))
        assert panel.breadcrumb.names() == ["District"]
        assert panel.tools.colouring_box.itemText(1) == "By open tickets"
        assert "Level 3 (compound)" in panel.details.heading.text()
        assert "Households" in panel.details.body.text()
    finally:
        languages.switch("zh_CN")
    qtbot.waitUntil(lambda: panel.breadcrumb.names() == ["全区"])


def test_the_legend_follows_the_level_the_view_is_coloured_at(panel, district):
    community = district.compound[:12]
    other = community + ("001" if not district.compound.endswith("001") else "002")
    for code in (district.compound, other):
        for _ in range(6):
            add_ticket(district, code)
    panel.refresh_overlay()
    panel.set_colouring(Colouring.OPEN_TICKETS)
    # Streets are coloured: the busiest street holds 12, so the classes are 1-2, 3-5, 6-8, >= 9.
    assert [entry.text for entry in panel.legend.entries] == ["0", "1–2", "3–5", "6–8", "≥ 9"]
    panel.drill_into(district.ids[community])
    # Compounds are coloured now: the busiest holds 6.
    assert [entry.text for entry in panel.legend.entries] == ["0", "1", "2", "3–4", "≥ 5"]
    panel.go_up_to(None)
    assert panel.legend.entries[-1].text == "≥ 9"


def test_ticket_pins_and_sensor_icons_sit_at_their_building(qtbot, panel, district):
    from app.models import Sensor

    with district.db.session() as session:
        session.add(
            Ticket(state="in_progress", queue="overdue", category_code="ENV01", source="phone", text="漏水",
                   grid_l3_id=district.ids[district.compound], household_id=1, overdue_since=utcnow())
        )  # fmt: skip
        session.add(Ticket(state="evaluated", queue="done", category_code="ENV01", source="phone", text="已办结",
                           grid_l3_id=district.ids[district.compound], building_id=district.building_id))  # fmt: skip
        session.add(Sensor(name="紧急呼叫按钮", kind="sos", protocol="rf433", device_code="A1B2C3",
                           grid_id=district.ids[f"{district.compound}001"], household_id=1))  # fmt: skip
    panel.refresh_overlay()
    kinds = sorted(m.kind.value for m in panel.overlay.markers)
    assert kinds == ["camera", "sensor", "ticket_overdue"]  # the finished ticket has no pin
    panel.search("嵩山南路88号院1号楼2单元301室")
    panel.canvas.repaint()
    drawn = {m.kind for m, _ in panel.canvas.visible_markers()}
    assert {MarkerKind.SENSOR, MarkerKind.TICKET_OVERDUE} <= drawn
    panel.tools.show_tickets.setChecked(False)
    panel.canvas.repaint()
    assert MarkerKind.TICKET_OVERDUE not in {m.kind for m, _ in panel.canvas.visible_markers()}


def test_hovering_highlights_the_grid_and_explains_it(qtbot, panel, district):
    street = district.ids["410103001"]
    with qtbot.waitSignal(panel.canvas.hoveredChanged) as hovered:
        qtbot.mouseMove(panel.canvas, pixel_inside(panel, street))
    assert hovered.args == [street] and panel.canvas.hover == street
    assert "淮河路街道" in panel.tooltip(street)
