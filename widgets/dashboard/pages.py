"""The wall's pages: 综合态势 (the grid tree, today's tickets, this month's rates, the map) and 工单与告警
(the newest tickets scrolling, the open alarms with the newest flashing). Each page shows a
`WallFigures` it is handed; none reads anything itself."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.site_clock import SiteClock
from runtime.read.dashboard import WallFigures
from widgets.dashboard import style
from widgets.dashboard.lists import FlashingAlarms, ScrollingTickets
from widgets.dashboard.live_map import DashboardMap
from widgets.dashboard.texts import percent
from widgets.dashboard.tiles import Card, NumberRow

TREE = [
    ("l1", "一级网格", style.BLUE),
    ("l2", "二级网格", style.BLUE),
    ("l3", "三级网格", style.BLUE),
    ("l4", "微网格", style.BLUE),
    ("staff", "网格长与网格员", style.CYAN),
    ("buildings", "楼栋", style.CYAN),
    ("households", "户数", style.GREEN),
    ("residents", "居民", style.GREEN),
]
TODAY = [
    ("received", "今日受理", style.BLUE),
    ("in_progress", "办理中", style.AMBER),
    ("overdue", "超期", style.RED),
    ("closed", "今日办结", style.GREEN),
]
RATES = [
    ("response", "响应率", style.CYAN),
    ("resolution", "解决率", style.VIOLET),
    ("satisfaction", "满意率", style.GREEN),
    ("on_time", "按时办结率", style.AMBER),
]
ALARMS = [("open", "未处置告警", style.RED), ("waiting", "待确认", style.AMBER)]


def tree_values(figures: WallFigures) -> dict[str, str]:
    levels = figures.grids_by_level
    return {
        **{f"l{level}": f"{levels.get(level, 0):,}" for level in (1, 2, 3, 4)},
        "staff": f"{figures.staff:,}",
        "buildings": f"{figures.buildings:,}",
        "households": f"{figures.households:,}",
        "residents": f"{figures.residents:,}",
    }


def today_values(figures: WallFigures) -> dict[str, str]:
    t = figures.tickets
    return {
        "received": f"{t.received:,}",
        "in_progress": f"{t.in_progress:,}",
        "overdue": f"{t.overdue:,}",
        "closed": f"{t.closed:,}",
    }


def rate_values(figures: WallFigures) -> dict[str, str]:
    r = figures.rates
    return {key: percent(getattr(r, key)) for key, _, _ in RATES}


class Page(QWidget):
    """A page of cards, each showing its part of the `WallFigures` it is handed."""

    name = ""  # Chinese source text, shown in the wall's header

    def cards(self) -> list[Card]:
        return [child for child in self.findChildren(Card)]

    def retranslate(self) -> None:
        for card in self.cards():
            card.retranslate()


class OverviewPage(Page):
    name = "综合态势"

    def __init__(self, map_view: DashboardMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = NumberRow("网格体系", TREE, columns=4)
        self.today = NumberRow("今日工单", TODAY)
        self.rates = NumberRow("本月三率（12345）", RATES, small=True)
        self.map_card = Card("网格地图 · 按未办结工单着色")
        self.map_card.body.addWidget(map_view, 1)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self.tree, 5)
        left.addWidget(self.today, 3)
        left.addWidget(self.rates, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(16)
        layout.addLayout(left, 11)
        layout.addWidget(self.map_card, 9)

    def show_figures(self, figures: WallFigures) -> None:
        self.tree.set_values(tree_values(figures))
        self.today.set_values(today_values(figures))
        self.rates.set_values(rate_values(figures))


class ActivityPage(Page):
    name = "工单与告警"

    def __init__(self, clock: SiteClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = NumberRow("今日工单", TODAY, small=True)
        self.alarm_counts = NumberRow("告警", ALARMS, small=True)
        self.tickets = ScrollingTickets(clock)
        self.alarms = FlashingAlarms(clock)
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(self.today, 0, 0)
        layout.addWidget(self.alarm_counts, 0, 1)
        layout.addWidget(self.tickets, 1, 0)
        layout.addWidget(self.alarms, 1, 1)
        layout.setColumnStretch(0, 11)
        layout.setColumnStretch(1, 9)
        layout.setRowStretch(1, 1)

    def show_figures(self, figures: WallFigures) -> None:
        self.today.set_values(today_values(figures))
        self.alarm_counts.set_values(
            {"open": f"{figures.open_alarm_count:,}", "waiting": f"{figures.waiting_alarm_count:,}"}
        )
        self.tickets.show_lines(figures.newest_tickets)
        self.alarms.show_lines(figures.open_alarms)
