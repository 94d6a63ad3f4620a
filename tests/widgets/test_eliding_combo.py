"""The filter combos give way in a narrow row: whole when there is room, cut with "…" and said whole in
the tooltip when squeezed, never clipped without a sign."""

from __future__ import annotations

import pytest

from widgets.eliding_combo import ElidingComboBox

pytestmark = pytest.mark.gui


@pytest.fixture
def combo(qtbot):
    box = ElidingComboBox()
    qtbot.addWidget(box)
    for text in ("All categories", "Public facilities and municipal utilities"):
        box.addItem(text)
    box.setToolTip("Filters the queue")
    box.show()
    return box


def test_the_choice_shows_whole_when_the_box_has_the_room_it_asks_for(combo):
    combo.resize(combo.sizeHint())
    assert not combo.is_elided()
    assert combo.toolTip() == "Filters the queue"


def test_squeezed_it_cuts_the_choice_and_says_it_whole_in_the_tooltip(combo):
    assert combo.minimumSizeHint().width() < combo.sizeHint().width()
    combo.resize(combo.minimumSizeHint())
    assert combo.is_elided()
    assert combo.toolTip() == "All categories\nFilters the queue"


def test_the_room_asked_for_follows_the_choice(combo):
    short = combo.sizeHint().width()
    combo.setCurrentIndex(1)
    assert combo.sizeHint().width() > short
    combo.resize(combo.sizeHint())
    assert not combo.is_elided()
    combo.setItemText(1, "Public")  # worded again (a language switch): the box asks for less
    assert combo.sizeHint().width() < short
