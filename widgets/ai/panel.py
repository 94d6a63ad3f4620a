"""The AI dock: AI事件 and 人脸库 as two tabs, for a shell that wants one AI panel rather than two."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from widgets.ai.event_list import AiEventList
from widgets.ai.event_list import create_panel as create_event_panel
from widgets.ai.gallery_view import GalleryView
from widgets.ai.gallery_view import create_panel as create_gallery_panel
from widgets.ai.live_snapshot import LiveActions, TileLiveActions
from widgets.shell_context import ShellContext
from widgets.wall.shared import set_camera_menu


class AiPanel(QTabWidget):
    def __init__(
        self,
        events: AiEventList,
        gallery: GalleryView,
        live: LiveActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aiPanel")
        self.events, self.gallery, self.live = events, gallery, live
        if live is not None:
            self.setCornerWidget(live, Qt.Corner.TopRightCorner)
        self.addTab(events, "")
        self.addTab(gallery, "")
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTabText(0, self.tr("AI事件"))
        self.setTabText(1, self.tr("人脸库"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def create_panel(shell_context: ShellContext) -> AiPanel:
    """AI事件 and 人脸库 in one dock, with enrolment and zone drawing from a camera's live picture
    (the dock's 从画面 and every wall tile's context menu)."""
    set_camera_menu(shell_context, TileLiveActions(shell_context))
    return AiPanel(
        create_event_panel(shell_context), create_gallery_panel(shell_context), LiveActions(shell_context)
    )
