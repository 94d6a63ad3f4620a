"""Where the alarm popup stands: beside the map, not over it, where the screen has the room.

The operator reads the popup and the map together (地图定位 shows the alarm's place on it), so a popup
that covers the map hides half of what it asks them to look at. The popup goes to the side of the map
with the most room; where no side has room for all of it, to the place that covers least of the map.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

MARGIN_PX = 8  # between the popup and the map or the screen's edge


def covered(a: QRect, b: QRect) -> int:
    """The area two rectangles share, in pixels."""
    overlap = a.intersected(b)
    return overlap.width() * overlap.height() if overlap.isValid() else 0


def _inside(rect: QRect, screen: QRect) -> QRect:
    """The rectangle moved (not resized) to lie within the screen as far as it can."""
    x = min(max(rect.x(), screen.left()), screen.right() - rect.width() + 1)
    y = min(max(rect.y(), screen.top()), screen.bottom() - rect.height() + 1)
    return QRect(QPoint(max(x, screen.left()), max(y, screen.top())), rect.size())


def place_beside(size: QSize, keep_clear: QRect | None, screen: QRect) -> QPoint:
    """The popup's top left corner on `screen` (its working area): centred when there is nothing to
    keep clear, else right, left, below or above `keep_clear`, whichever covers least of it (the first
    of those that covers none of it), vertically or horizontally centred on it."""
    centred = QRect(QPoint(0, 0), size)
    centred.moveCenter(screen.center())
    if keep_clear is None or not keep_clear.intersects(screen):
        return _inside(centred, screen).topLeft()
    middle = keep_clear.center()
    w, h = size.width(), size.height()
    candidates = [
        QRect(keep_clear.right() + 1 + MARGIN_PX, middle.y() - h // 2, w, h),
        QRect(keep_clear.left() - MARGIN_PX - w, middle.y() - h // 2, w, h),
        QRect(middle.x() - w // 2, keep_clear.bottom() + 1 + MARGIN_PX, w, h),
        QRect(middle.x() - w // 2, keep_clear.top() - MARGIN_PX - h, w, h),
    ]
    placed = [_inside(rect, screen) for rect in candidates]
    return min(placed, key=lambda rect: covered(rect, keep_clear)).topLeft()
