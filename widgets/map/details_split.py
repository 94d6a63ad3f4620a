"""The map beside its details on a wide dock, above them on a narrow one: the map keeps most of the
dock either way, and sizes the operator dragged are kept until the orientation has to change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

SIDE_BY_SIDE_MIN_PX = 760  # narrower than this, the details go under the map instead of beside it
DETAILS_WIDTH_PX = 290
DETAILS_SHARE_BELOW = 0.3  # of the height, when the details sit under the map


class DetailsSplit(QSplitter):
    def __init__(self, canvas: QWidget, details: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        # The details scroll on their own, so a long staff list never makes the whole dock scroll.
        self.details_area = QScrollArea()
        self.details_area.setObjectName("mapDetailsScroll")
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.details_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_area.setWidget(details)
        self.addWidget(canvas)
        self.addWidget(self.details_area)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.setCollapsible(0, False)
        self.setSizes([900, DETAILS_WIDTH_PX])
        self.user_split = False  # the operator moved the splitter: keep their sizes
        self.splitterMoved.connect(lambda *_: setattr(self, "user_split", True))

    def arrange_for(self, width: int, height: int) -> None:
        """Details beside a wide map, under a narrow one."""
        orientation = Qt.Orientation.Horizontal if width >= SIDE_BY_SIDE_MIN_PX else Qt.Orientation.Vertical
        if orientation == self.orientation() and self.user_split:
            return
        self.setOrientation(orientation)
        if orientation == Qt.Orientation.Horizontal:
            self.setSizes([max(width - DETAILS_WIDTH_PX, 1), DETAILS_WIDTH_PX])
        else:
            below = int(height * DETAILS_SHARE_BELOW)
            self.setSizes([max(height - below, 1), below])
        self.user_split = False
