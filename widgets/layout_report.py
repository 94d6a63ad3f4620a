"""Where each panel of a window is: its dock's name and geometry, for `gui --layout-json` and for the
test that holds the layout still through a live shift."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtWidgets import QMainWindow


@dataclass(frozen=True)
class PanelPlace:
    name: str  # the panel's key: wall, map, tickets, ...
    title: str  # as the dock shows it (the interface's language)
    x: int  # in the window's coordinates
    y: int
    width: int
    height: int
    shown: bool  # on screen: not closed and not behind another tab
    floating: bool


def panel_places(window: QMainWindow, docks: dict) -> list[PanelPlace]:
    """Every dock of the window, in the panels' order."""
    places = []
    for key, dock in docks.items():
        rect = dock.geometry()
        shown = dock.isVisible() and not dock.visibleRegion().isEmpty()
        places.append(
            PanelPlace(
                key,
                dock.windowTitle(),
                rect.x(),
                rect.y(),
                rect.width(),
                rect.height(),
                shown,
                dock.isFloating(),
            )
        )
    return places


def write_layout_json(window: QMainWindow, docks: dict, target: Path) -> None:
    """The window's size and its panels' places as JSON (UTF-8, titles as written)."""
    report = {
        "window": {"width": window.width(), "height": window.height()},
        "panels": [asdict(place) for place in panel_places(window, docks)],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
