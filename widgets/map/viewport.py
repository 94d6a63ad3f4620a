"""Where the map looks: a centre in map coordinates, a scale in pixels per map unit, a pixel size."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

MIN_SCALE = 1 / 400.0  # the whole province fits; further out nothing is readable
MAX_SCALE = 8.0  # a building fills the screen


@dataclass(frozen=True)
class Viewport:
    centre: QPointF
    scale: float  # device pixels per map unit (Web Mercator metre)
    width: int
    height: int

    def transform(self) -> QTransform:
        """Map coordinates to widget pixels."""
        return QTransform(
            self.scale, 0.0, 0.0, self.scale,
            self.width / 2 - self.centre.x() * self.scale,
            self.height / 2 - self.centre.y() * self.scale,
        )  # fmt: skip

    def to_screen(self, point: QPointF) -> QPointF:
        return QPointF(
            (point.x() - self.centre.x()) * self.scale + self.width / 2,
            (point.y() - self.centre.y()) * self.scale + self.height / 2,
        )

    def to_map(self, pixel: QPointF) -> QPointF:
        return QPointF(
            (pixel.x() - self.width / 2) / self.scale + self.centre.x(),
            (pixel.y() - self.height / 2) / self.scale + self.centre.y(),
        )

    def map_rect(self) -> QRectF:
        """The map rectangle on screen."""
        w, h = self.width / self.scale, self.height / self.scale
        return QRectF(self.centre.x() - w / 2, self.centre.y() - h / 2, w, h)

    def resized(self, width: int, height: int) -> Viewport:
        return replace(self, width=width, height=height)

    def panned(self, dx_pixels: float, dy_pixels: float) -> Viewport:
        """Moved so the map follows the pointer by (dx, dy) pixels."""
        centre = QPointF(self.centre.x() - dx_pixels / self.scale, self.centre.y() - dy_pixels / self.scale)
        return replace(self, centre=centre)

    def zoomed(self, factor: float, around: QPointF) -> Viewport:
        """Zoomed by `factor` keeping the map point under pixel `around` where it is."""
        scale = clamp_scale(self.scale * factor)
        anchor = self.to_map(around)
        centre = QPointF(
            anchor.x() - (around.x() - self.width / 2) / scale,
            anchor.y() - (around.y() - self.height / 2) / scale,
        )
        return replace(self, centre=centre, scale=scale)

    def fitted(self, rect: QRectF, margin: float = 0.08) -> Viewport:
        """Showing `rect` whole, centred, with a margin (share of the view) around it."""
        usable_w = max(self.width * (1 - 2 * margin), 1.0)
        usable_h = max(self.height * (1 - 2 * margin), 1.0)
        width, height = max(rect.width(), 1e-6), max(rect.height(), 1e-6)
        scale = clamp_scale(min(usable_w / width, usable_h / height))
        return replace(self, centre=rect.center(), scale=scale)


def clamp_scale(scale: float) -> float:
    return min(max(scale, MIN_SCALE), MAX_SCALE)


def interpolate(start: Viewport, end: Viewport, t: float) -> Viewport:
    """A point on a smooth flight between two views: scale moves geometrically, the centre follows it.

    Interpolating the centre in screen terms (by the log of the scale) keeps the motion even on screen
    when a flight zooms in a long way.
    """
    log_a, log_b = math.log(start.scale), math.log(end.scale)
    scale = math.exp(log_a + (log_b - log_a) * t)
    if abs(log_b - log_a) > 1e-9:
        # u: how far along the flight the centre should be so points move evenly on screen.
        u = (1 / start.scale - 1 / scale) / (1 / start.scale - 1 / end.scale)
    else:
        u = t
    centre = QPointF(
        start.centre.x() + (end.centre.x() - start.centre.x()) * u,
        start.centre.y() + (end.centre.y() - start.centre.y()) * u,
    )
    return replace(end, centre=centre, scale=scale)
