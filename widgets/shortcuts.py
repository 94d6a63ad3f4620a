"""Every keyboard shortcut of the window, in one table: the code binds its keys from here, 帮助 → 快捷键
lists it, and a test refuses two actions on one key where both could fire.

A context says where a key works. `window` keys work anywhere in the main window, so they must not be
used again by a panel inside it (Qt would call the key ambiguous and do nothing: the rail's Ctrl+2
and the ticket queues' Ctrl+2 did exactly that). Contexts inside the window are panels; the alarm
popup, the ticket intake dialog and the kiosk are windows of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QKeySequence


class Context(StrEnum):
    WINDOW = "window"  # anywhere in the main window
    TICKETS = "tickets"  # the keyboard in the ticket panel
    TICKET_TABLE = "ticket_table"  # the keyboard in the ticket queue's table
    ALARM_POPUP = "alarm_popup"  # the alarm popup (a window of its own)
    TICKET_INTAKE = "ticket_intake"  # the 新建工单 dialog
    KIOSK = "kiosk"  # the full-screen wall


# Contexts that live inside the main window: a WINDOW key is active in them too.
INSIDE_WINDOW = frozenset({Context.WINDOW, Context.TICKETS, Context.TICKET_TABLE})

CONTEXT_NAMES = {
    Context.WINDOW: ("主窗口", "Main window"),
    Context.TICKETS: ("工单面板", "Ticket panel"),
    Context.TICKET_TABLE: ("工单列表", "Ticket list"),
    Context.ALARM_POPUP: ("告警弹窗", "Alarm popup"),
    Context.TICKET_INTAKE: ("新建工单", "New ticket"),
    Context.KIOSK: ("大屏模式", "Kiosk"),
}


@dataclass(frozen=True)
class Shortcut:
    action: str  # the action's id, e.g. "nav.wall"
    key: str  # QKeySequence's portable text, e.g. "Ctrl+1"
    context: Context
    zh: str
    en: str

    def description(self, language: str) -> str:
        return self.en if language == "en" else self.zh


def _panels() -> tuple[Shortcut, ...]:
    names = (
        ("wall", "视频墙", "video wall"),
        ("map", "网格地图", "grid map"),
        ("tickets", "工单", "tickets"),
        ("alarms", "告警", "alarms"),
        ("ai", "AI识别", "AI"),
        ("roster", "居民花名册", "residents"),
        ("stats", "统计", "statistics"),
    )
    return tuple(
        Shortcut(panel_action_id(key), f"Ctrl+{n}", Context.WINDOW, f"切换到{zh}", f"Go to the {en}")
        for n, (key, zh, en) in enumerate(names, start=1)
    )


def _queues() -> tuple[Shortcut, ...]:
    names = (("我的待办", "My work"), ("本网格", "My grids"), ("超时", "Overdue"), ("待核查", "To verify"))
    names += (("待回访", "Follow-up"),)
    return tuple(
        Shortcut(f"tickets.queue{n}", f"Alt+{n}", Context.TICKETS, f"工单队列：{zh}", f"Ticket queue: {en}")
        for n, (zh, en) in enumerate(names, start=1)
    )


def panel_action_id(key: str) -> str:
    return f"nav.{key}"


SHORTCUTS: tuple[Shortcut, ...] = (
    *_panels(),
    Shortcut(
        "view.reset_layout", "Ctrl+Shift+R", Context.WINDOW, "恢复默认布局", "Restore the default layout"
    ),
    Shortcut("view.fullscreen", "F11", Context.WINDOW, "全屏 / 退出全屏", "Full screen on / off"),
    Shortcut("file.quit", "Ctrl+Q", Context.WINDOW, "退出", "Quit"),
    Shortcut("account.lock", "Ctrl+L", Context.WINDOW, "锁定席位", "Lock the seat"),
    Shortcut("help.manual", "F1", Context.WINDOW, "用户手册", "User manual"),
    Shortcut("help.shortcuts", "Ctrl+/", Context.WINDOW, "快捷键一览", "Keyboard shortcuts"),
    Shortcut("tickets.new", "Ctrl+N", Context.WINDOW, "新建工单", "New ticket"),
    *_queues(),
    Shortcut("tickets.search", "Ctrl+F", Context.TICKETS, "搜索工单", "Search tickets"),
    Shortcut("tickets.reload", "F5", Context.TICKETS, "刷新工单", "Reload tickets"),
    Shortcut("tickets.start", "S", Context.TICKET_TABLE, "签收选中的工单", "Start the selected tickets"),
    Shortcut("tickets.handle", "H", Context.TICKET_TABLE, "处置完成", "Mark as handled"),
    Shortcut("tickets.verify", "V", Context.TICKET_TABLE, "核查通过", "Verified"),
    Shortcut("tickets.close", "C", Context.TICKET_TABLE, "结案", "Close"),
    Shortcut("tickets.feedback", "F", Context.TICKET_TABLE, "回访评价", "Record the follow-up"),
    Shortcut("tickets.note", "N", Context.TICKET_TABLE, "备注", "Add a note"),
    Shortcut("intake.submit", "Ctrl+Return", Context.TICKET_INTAKE, "提交工单", "Submit the ticket"),
    Shortcut("alarm.queue", "F6", Context.ALARM_POPUP, "焦点到告警队列", "Focus the alarm queue"),
    Shortcut("alarm.acknowledge", "Alt+A", Context.ALARM_POPUP, "确认告警", "Acknowledge"),
    Shortcut("alarm.dispatch", "Alt+D", Context.ALARM_POPUP, "派单", "Dispatch as a ticket"),
    Shortcut("alarm.false", "Alt+F", Context.ALARM_POPUP, "误报", "False alarm"),
    Shortcut("alarm.escalate", "Alt+E", Context.ALARM_POPUP, "上报", "Escalate"),
    Shortcut("alarm.map", "Alt+M", Context.ALARM_POPUP, "地图定位", "Show on the map"),
    Shortcut("alarm.camera", "Alt+C", Context.ALARM_POPUP, "附近摄像头", "Nearest camera"),
    Shortcut("alarm.hide", "Alt+H", Context.ALARM_POPUP, "收起弹窗", "Hide the popup"),
    Shortcut("alarm.rules", "Alt+R", Context.ALARM_POPUP, "关怀规则", "Care rules"),
    Shortcut("alarm.replay", "Alt+P", Context.ALARM_POPUP, "回放告警录像", "Play the alarm's clip"),
    Shortcut(
        "kiosk.leave", "Esc", Context.KIOSK, "退出大屏（需值班长密码）", "Leave the kiosk (supervisor PIN)"
    ),
    Shortcut(
        "kiosk.quit", "Ctrl+Q", Context.KIOSK, "退出大屏（需值班长密码）", "Leave the kiosk (supervisor PIN)"
    ),
    Shortcut("dashboard.pause", "Space", Context.KIOSK, "信息展示墙：暂停/继续轮播", "Dashboard: pause or resume the pages"),
    Shortcut("dashboard.next", "Right", Context.KIOSK, "信息展示墙：下一页", "Dashboard: next page"),
    Shortcut("dashboard.previous", "Left", Context.KIOSK, "信息展示墙：上一页", "Dashboard: previous page"),
)

_BY_ACTION = {shortcut.action: shortcut for shortcut in SHORTCUTS}


def shortcut(action: str) -> Shortcut:
    """The table's row for an action id; KeyError names the id."""
    try:
        return _BY_ACTION[action]
    except KeyError:
        raise KeyError(f"no shortcut for action {action!r}") from None


def key_for(action: str) -> QKeySequence:
    return QKeySequence(shortcut(action).key)


def overlap(a: Context, b: Context) -> bool:
    """Whether keys of the two contexts can be active at the same time."""
    return a == b or (Context.WINDOW in (a, b) and a in INSIDE_WINDOW and b in INSIDE_WINDOW)


def clashes() -> list[tuple[Shortcut, Shortcut]]:
    """Pairs of actions on one key where both could fire (the table must have none)."""
    found = []
    for i, first in enumerate(SHORTCUTS):
        for second in SHORTCUTS[i + 1 :]:
            same_key = QKeySequence(first.key).matches(QKeySequence(second.key))
            if same_key == QKeySequence.SequenceMatch.ExactMatch and overlap(first.context, second.context):
                found.append((first, second))
    return found
