"""Buttons that wrap onto more rows in a narrow pane: the ticket detail's actions at 1366x768."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from widgets.reflow_grid import ReflowGrid
from widgets.tickets.detail import BUTTONS_PER_ROW, TicketDetail

pytestmark = pytest.mark.gui


def _grid_of_buttons(qtbot, count: int = 10) -> ReflowGrid:
    grid = ReflowGrid(5)
    for number in range(count):
        grid.add(QPushButton(f"办理动作 {number}"))
    qtbot.addWidget(grid)
    return grid


def test_as_many_columns_as_the_width_holds(qtbot):
    grid = _grid_of_buttons(qtbot)
    cell = max(button.sizeHint().width() for button in grid.findChildren(QPushButton))
    spacing = 4
    assert grid.columns_for(5 * cell + 4 * spacing) == 5
    assert grid.columns_for(5 * cell + 4 * spacing - 1) == 4
    assert grid.columns_for(3000) == 5  # never more than asked
    assert grid.columns_for(10) == 1  # never fewer than one
    assert grid.minimumSizeHint().width() == cell  # a pane around it may shrink to one cell


def test_widgets_keep_reading_order_when_they_wrap(qtbot):
    grid = _grid_of_buttons(qtbot, count=7)
    pane = QWidget()  # in a pane, as in the ticket detail (a window would hold to the grid's first size)
    QVBoxLayout(pane).addWidget(grid)
    qtbot.addWidget(pane)
    pane.resize(2 * grid.minimumSizeHint().width() + 30, 300)
    pane.show()
    qtbot.waitUntil(lambda: grid.columns == 2)
    buttons = grid.findChildren(QPushButton)
    qtbot.waitUntil(lambda: len({button.y() for button in buttons}) == 4)
    positions = [(button.y(), button.x()) for button in buttons]
    assert positions == sorted(positions)  # 0 1 / 2 3 / 4 5 / 6


def test_ticket_actions_stay_inside_a_narrow_pane(qtbot):
    """In a pane narrower than five buttons (the laptop's ticket dock) every action button is whole
    and inside the pane, and the pane's scroll area needs no horizontal scroll bar."""
    detail = TicketDetail()
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(detail)
    qtbot.addWidget(area)
    wide = detail.button_grid.columns_for(10_000)
    assert wide == BUTTONS_PER_ROW
    area.resize(360, 600)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: detail.button_grid.columns < BUTTONS_PER_ROW)
    buttons = detail.buttons.values()
    # every label whole, every button inside the pane
    qtbot.waitUntil(lambda: all(button.width() >= button.sizeHint().width() for button in buttons))
    assert all(button.geometry().right() < detail.button_grid.width() for button in buttons)
    assert not area.horizontalScrollBar().isVisible()
    area.resize(1200, 600)
    qtbot.waitUntil(lambda: detail.button_grid.columns == BUTTONS_PER_ROW)
