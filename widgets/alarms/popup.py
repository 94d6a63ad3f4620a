"""The alarm popup: always on top (also over the kiosk wall), loud until acknowledged, keyboard operable.

Several alarms stack in one window: a queue on the left lists every open alarm, most urgent first
(none is hidden behind another), and the right side shows the selected one with its household card
and the actions. A new alarm more urgent than the one on screen takes the screen; others only join
the queue, so an operator typing a note is not pulled away by a lesser alarm.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidgetItem, QWidget

from alarms.service import AlarmService, AlarmView
from app.context import SiteContext
from app.events import Change
from app.site_clock import SHORT_SECONDS
from runtime.read.alarms import AlarmReads
from runtime.read.household import HouseholdCard
from runtime.reads import ReadModels
from runtime.types import AlarmState
from video.pool import StreamPool
from widgets.alarms.alarm_words import alarm_title
from widgets.alarms.live_view import AlarmLiveView, NearbyCamera
from widgets.alarms.popup_actions import AlarmActions, AlarmHook
from widgets.alarms.popup_headline import headline_html, place_text
from widgets.alarms.popup_layout import build_popup
from widgets.alarms.popup_place import place_beside
from widgets.alarms.popup_queue import ID_ROLE
from widgets.alarms.sound import AlarmSound
from widgets.jobs import Jobs

__all__ = ["AlarmHook", "AlarmPopup", "CameraFinder"]

CameraFinder = Callable[[AlarmView], NearbyCamera | None]


class AlarmPopup(AlarmActions, QWidget):
    """The stack of open alarms for this seat; `present(id)` brings an alarm to the operator."""

    changed = Signal()  # the queue changed (tests and the status bar count listen)

    def __init__(
        self,
        service: AlarmService,
        *,
        reads: AlarmReads | None = None,
        sound: AlarmSound | None = None,
        show_on_map: AlarmHook | None = None,
        show_camera: AlarmHook | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("alarmPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
        self.service = service
        # The site's shared reader when the desk passes it; a popup made on its own reads the same store.
        self.reads = reads or ReadModels(SiteContext(service.db, service.hub, service.seat)).alarms
        self.sound = sound or AlarmSound(self)
        self._alarms: dict[int, AlarmView] = {}
        self._cards: dict[int, HouseholdCard | None] = {}
        self._addresses: dict[int, str] = {}  # household id -> address, for the queue rows
        self._shown: tuple | None = None  # what the detail side shows now
        self.live: AlarmLiveView | None = None  # the nearest camera's picture, once a wall exists
        self._find_camera: CameraFinder | None = None
        self._live_for: int | None = None  # the alarm whose camera the live view shows
        self._keep_clear: Callable[[], QRect | None] | None = None
        build_popup(self)
        self.set_locked(False)  # a watching account (wall, police) sees the alarms but cannot act
        self.set_hooks(show_on_map=show_on_map, show_camera=show_camera)
        self.resize(980, 620)
        self._retranslate()
        # The first alarm after a start must pop as fast as the others: the grid tree every card's
        # chain comes from (~60 ms on a district, ~200 ms with the first connection) is read now.
        self._warm_up = Jobs(self)
        self._warm_up.submit("warm", self.reads.warm, lambda _ready: None)  # a failure is logged

    def _retranslate(self) -> None:
        self.ack_button.setText(self.tr("确认(&A)"))
        self.dispatch_button.setText(self.tr("派单(&D)"))
        self.false_button.setText(self.tr("误报(&F)"))
        self.escalate_button.setText(self.tr("上报(&E)"))
        self.map_button.setText(self.tr("地图定位(&M)"))
        self.camera_button.setText(self.tr("附近摄像头(&C)"))
        self.dismiss_button.setText(self.tr("收起(&H)"))
        self.rules_button.setText(self.tr("关怀规则(&R)"))
        self.replay_button.setText(self.tr("回放(&P)"))
        self.replay_button.setToolTip(self.tr("告警前 15 秒到告警后 30 秒的录像（附近摄像机）"))
        self.rules_button.setToolTip(self.tr("该户的老人关怀规则：无活动时长、外出模式、夜间开门提醒…"))
        self.note.setPlaceholderText(self.tr("处置说明（回车确认）"))
        self._refresh_summary()
        for row in range(self.queue.count()):
            item = self.queue.item(row)
            self._style_item(item, self._alarms[item.data(ID_ROLE)])
        self._show_selected(force=True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_hooks(
        self, *, show_on_map: AlarmHook | None = None, show_camera: AlarmHook | None = None
    ) -> None:
        """Where "show on map" and "nearest camera" go; their buttons stay hidden until wired."""
        self._show_on_map = show_on_map
        self._show_camera = show_camera
        self.map_button.setVisible(show_on_map is not None)
        self.camera_button.setVisible(show_camera is not None)

    def set_keep_clear(self, keep_clear: Callable[[], QRect | None] | None) -> None:
        """What the popup must not cover when it comes up (the map's place on screen, None while the
        map is not shown); see popup_place.py."""
        self._keep_clear = keep_clear

    def _come_up(self) -> None:
        """Shown and in front; placed beside the map when it was not on screen (a popup the operator
        has open stays where they put it)."""
        if not self.isVisible():
            keep_clear = self._keep_clear() if self._keep_clear is not None else None
            screen = QGuiApplication.screenAt(keep_clear.center()) if keep_clear is not None else None
            screen = screen or self.screen() or QGuiApplication.primaryScreen()
            size = self.frameGeometry().size().expandedTo(self.minimumSizeHint())
            self.move(place_beside(size, keep_clear, screen.availableGeometry()))
        self.show()
        self.raise_()

    def set_live_view(self, pool: StreamPool | None, find_camera: CameraFinder | None = None) -> None:
        """Show the picture of the camera nearest each alarm beside its card (None: no live view)."""
        if self.live is not None:
            self.live.release()
            self.live.deleteLater()
            self.live = None
        self._find_camera, self._live_for = find_camera, None
        if pool is None or find_camera is None:
            return
        self.live = AlarmLiveView(pool, self.reads.clock)
        self.live.open_on_wall.connect(lambda: self._call_hook(self._show_camera))
        self._card_row.addWidget(self.live)
        self.resize(max(self.width(), 1180), self.height())
        self._schedule_live()

    # -- the queue -------------------------------------------------------------------------------------
    @property
    def alarm_ids(self) -> list[int]:
        """The stacked alarms in queue order (most urgent, then oldest, first)."""
        return self.queue.ids

    def selected(self) -> AlarmView | None:
        item = self.queue.currentItem()
        return self._alarms.get(item.data(ID_ROLE)) if item is not None else None

    def set_locked(self, locked: bool) -> None:
        """The seat's idle lock: alarms stay listed and sounding, the household card (personal data)
        hides and nothing can be done here until the user unlocks the seat."""
        self._card_scroll.setVisible(not locked)
        self._detail.setEnabled(not locked and self.service.may_act())

    def present(self, alarm_id: int) -> None:
        """Bring one alarm (already committed) to the operator: queue it, sound, raise the window."""
        view = self.reads.get(alarm_id)
        if view is not None:
            self._put([view])

    def present_pending(self) -> None:
        """After a start or restart: every alarm nobody has acknowledged pops up again."""
        self._put(self.reads.pending())

    def show_open(self) -> None:
        """Everything not yet handled, acknowledged ones too (the list's "告警弹窗" button)."""
        self._put(self.reads.open())
        self._come_up()

    def on_change(self, change: Change) -> None:
        """A notice from the hub (this seat or another): new alarms pop up, handled ones leave."""
        if change.payload.what == "raised":
            for alarm_id in change.ids:
                self.present(alarm_id)
            return
        for alarm_id in change.ids:
            if alarm_id in self._alarms:
                view = self.reads.get(alarm_id)
                if view is None or view.state == AlarmState.HANDLED:
                    self._remove(alarm_id)
                else:
                    self._update(view)

    def _put(self, views: list[AlarmView]) -> None:
        if not views:
            return
        current = self.selected()
        fresh = [v for v in views if v.state != AlarmState.HANDLED]
        unknown = {v.household_id for v in fresh if v.household_id is not None} - self._addresses.keys()
        if unknown:
            self._addresses |= self.reads.addresses(unknown)
        for view in fresh:
            if view.id in self._alarms:
                self._update(view)
                continue
            self._alarms[view.id] = view
            self._style_item(self.queue.insert(view), view)
        if fresh:
            most_urgent = min(fresh, key=lambda v: (v.priority, v.raised_at, v.id))
            if current is None or most_urgent.priority < current.priority:
                self._select(most_urgent.id)
        if fresh:  # shown before `changed` goes out, so listeners see it on screen
            self._come_up()
            self.activateWindow()
        self._after_change()

    def _item(self, alarm_id: int) -> QListWidgetItem | None:
        view = self._alarms.get(alarm_id)
        return self.queue.item_for(view) if view is not None else None

    def _select(self, alarm_id: int) -> None:
        item = self._item(alarm_id)
        if item is not None:
            self.queue.setCurrentItem(item)

    def _update(self, view: AlarmView) -> None:
        self._alarms[view.id] = view
        item = self._item(view.id)
        if item is not None:
            self._style_item(item, view)
        self._after_change()

    def _remove(self, alarm_id: int) -> None:
        view = self._alarms.pop(alarm_id, None)
        if view is not None:
            self.queue.take(view)
        self._cards.pop(alarm_id, None)
        self._after_change()

    def _after_change(self) -> None:
        if any(v.state == AlarmState.RAISED for v in self._alarms.values()):
            self.sound.start()
        else:
            self.sound.stop()
        if not self._alarms:
            self.hide()
            if self.live is not None:
                self.live.release()
                self._live_for = None
        elif self.queue.currentItem() is None:
            self.queue.setCurrentRow(0)
        self._refresh_summary()
        self._show_selected()
        self.changed.emit()

    def _refresh_summary(self) -> None:
        waiting = sum(1 for v in self._alarms.values() if v.state == AlarmState.RAISED)
        self.summary.setText(
            self.tr("告警 %1 条，其中 %2 条待确认")
            .replace("%1", str(len(self._alarms)))
            .replace("%2", str(waiting))
        )
        self.setWindowTitle(self.tr("告警 — %1 条待确认").replace("%1", str(waiting)))

    def _style_item(self, item: QListWidgetItem, view: AlarmView) -> None:
        place = self._place(view)
        state = self.tr("已确认") if view.state == AlarmState.ACKNOWLEDGED else self.tr("待确认")
        raised = self.reads.clock.text(view.raised_at, SHORT_SECONDS)
        self.queue.paint_row(item, view, f"P{view.priority}  {alarm_title(view)}\n{place}\n{raised} · {state}")

    # -- the selected alarm ----------------------------------------------------------------------------
    def _card(self, view: AlarmView) -> HouseholdCard | None:
        if view.household_id is None:
            return None
        if view.id not in self._cards:
            self._cards[view.id] = self.reads.card(view.household_id)
        return self._cards[view.id]

    def _place(self, view: AlarmView) -> str:
        return place_text(view, self._addresses)

    def _show_selected(self, force: bool = False) -> None:
        view = self.selected()
        shown = None if view is None else (view.id, view.state, view.escalated_at, view.acknowledged_by)
        if shown == self._shown and shown is not None and not force:
            return  # nothing on the right side changed: skip the re-render
        self._shown = shown
        self.error.clear()
        for button in self._alarm_buttons:
            button.setEnabled(view is not None)
        if view is None:
            self.headline.clear()
            self.card.set_card(None)
            return
        raised = self.reads.clock.text(view.raised_at, SHORT_SECONDS)
        who = self.reads.person_name(view.acknowledged_by) if view.acknowledged_by else ""
        self.headline.setText(headline_html(view, raised, who, self.tr))
        self.card.set_card(self._card(view), self._place(view))
        self._schedule_live()
        self.ack_button.setEnabled(view.state == AlarmState.RAISED)
        self.dismiss_button.setVisible(view.state == AlarmState.ACKNOWLEDGED)
        self.dispatch_button.setEnabled(self.service.dispatch_ticket is not None)
        self.rules_button.setEnabled(view.household_id is not None)

    def _schedule_live(self) -> None:
        # After the popup is on screen: finding and opening the camera never delays the alarm itself.
        if self.live is not None:
            QTimer.singleShot(0, self, self._update_live)

    def _update_live(self) -> None:
        view = self.selected()
        if self.live is None or view is None or view.id == self._live_for:
            return
        self._live_for = view.id
        self.live.show_camera(self._find_camera(view))
