"""The alarm popup's widgets and their layout: the queue on the left, the selected alarm on the right.

Kept apart from popup.py, which decides what they show; these functions only make the widgets, wire
them to the popup's actions and place them. They set the popup's attributes the rest of it (and the
tests) use: `summary`, `queue`, `headline`, `card`, `note`, `error` and the `*_button`s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from widgets.alarms.household_card import HouseholdCardView
from widgets.alarms.popup_queue import AlarmQueue
from widgets.plain_text import plain
from widgets.shortcuts import key_for

if TYPE_CHECKING:
    from widgets.alarms.popup import AlarmPopup


def build_popup(popup: AlarmPopup) -> None:
    """Make every widget of the popup and lay them out in it."""
    popup.summary = QLabel(objectName="alarmSummary")
    plain(popup.summary)
    popup.summary.setStyleSheet("font-size:16px;font-weight:bold;padding:4px")
    popup.queue = AlarmQueue()
    popup.queue.currentItemChanged.connect(lambda *_: popup._show_selected())
    scroll = _detail_widgets(popup)
    buttons = _action_buttons(popup)
    _arrange(popup, scroll, buttons)


def _detail_widgets(popup: AlarmPopup) -> QScrollArea:
    """The selected alarm's headline, household card, note and error line; returns the card's scroll."""
    popup.headline = QLabel(objectName="alarmHeadline")
    popup.headline.setTextFormat(Qt.TextFormat.RichText)
    popup.headline.setWordWrap(True)
    popup.card = HouseholdCardView()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(popup.card)
    popup.note = QLineEdit(objectName="alarmNote")
    popup.note.returnPressed.connect(popup.acknowledge_selected)
    popup.error = QLabel(objectName="alarmError")
    plain(popup.error)
    popup.error.setStyleSheet("color:#b3261e")
    popup.error.setWordWrap(True)
    return scroll


def _action_buttons(popup: AlarmPopup) -> QHBoxLayout:
    """The action buttons, wired to the popup's actions, in one row."""
    popup.ack_button = QPushButton(objectName="ackButton")
    popup.dispatch_button = QPushButton(objectName="dispatchButton")
    popup.false_button = QPushButton(objectName="falseAlarmButton")
    popup.escalate_button = QPushButton(objectName="escalateButton")
    popup.map_button = QPushButton(objectName="mapButton")
    popup.camera_button = QPushButton(objectName="cameraButton")
    popup.dismiss_button = QPushButton(objectName="dismissButton")
    popup.rules_button = QPushButton(objectName="careRulesButton")
    popup.replay_button = QPushButton(objectName="replayButton")
    popup.ack_button.setDefault(True)
    popup.ack_button.clicked.connect(popup.acknowledge_selected)
    popup.dispatch_button.clicked.connect(popup.dispatch_selected)
    popup.false_button.clicked.connect(popup.false_alarm_selected)
    popup.escalate_button.clicked.connect(popup.escalate_selected)
    popup.map_button.clicked.connect(lambda: popup._call_hook(popup._show_on_map))
    popup.camera_button.clicked.connect(lambda: popup._call_hook(popup._show_camera))
    popup.dismiss_button.clicked.connect(popup.dismiss_selected)
    popup.rules_button.clicked.connect(popup.edit_care_rules)
    popup.replay_button.clicked.connect(popup.replay_selected)
    buttons = QHBoxLayout()
    # the buttons that need a selected alarm (replay and dismiss decide for themselves)
    popup._alarm_buttons = (
        popup.ack_button,
        popup.dispatch_button,
        popup.false_button,
        popup.escalate_button,
        popup.map_button,
        popup.camera_button,
        popup.rules_button,
    )
    for button in (*popup._alarm_buttons, popup.replay_button, popup.dismiss_button):
        button.setMinimumHeight(34)
        buttons.addWidget(button)
    return buttons


def _arrange(popup: AlarmPopup, scroll: QScrollArea, buttons: QHBoxLayout) -> None:
    """The queue beside the selected alarm's detail, the summary above, the keyboard's order."""
    detail = QWidget()
    popup._detail, popup._card_scroll = detail, scroll  # what the idle lock disables and hides
    right = QVBoxLayout(detail)
    right.addWidget(popup.headline)
    popup._card_row = QHBoxLayout()
    popup._card_row.addWidget(scroll, 1)
    right.addLayout(popup._card_row, 1)
    right.addWidget(popup.note)
    right.addWidget(popup.error)
    right.addLayout(buttons)
    splitter = QSplitter()
    splitter.addWidget(popup.queue)
    splitter.addWidget(detail)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([320, 660])
    outer = QVBoxLayout(popup)
    outer.addWidget(popup.summary)
    outer.addWidget(splitter, 1)
    QShortcut(key_for("alarm.queue"), popup, activated=popup.queue.setFocus)
    popup.setTabOrder(popup.queue, popup.note)
    popup.setTabOrder(popup.note, popup.ack_button)
