"""The side panel for the selected grid: who is responsible, how many live there, what is open.

Phones are shown in full: the command centre calls grid leaders directly. Cameras are listed so one
click opens the live view (the panel re-emits it as the map's `cameraActivated`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from runtime.read.map import GridFacts
from runtime.types import DutyRole, GridLevel
from widgets.map.scene import MapGrid

SENSOR_KINDS = {
    "sos": "紧急按钮",
    "door": "门磁",
    "pir": "人体感应",
    "smoke": "烟感",
    "gas": "燃气",
    "water": "水浸",
    "bed": "离床",
}


class GridDetails(QWidget):
    cameraChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapDetails")
        self.setMinimumWidth(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.heading = QLabel()
        self.heading.setObjectName("mapDetailsHeading")
        self.heading.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cameras_title = QLabel()
        self.cameras = QListWidget()
        self.cameras.setObjectName("mapDetailsCameras")
        self.cameras.itemActivated.connect(self._camera_item)
        self.cameras.itemClicked.connect(self._camera_item)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addWidget(self.cameras_title)
        layout.addWidget(self.cameras, 1)
        layout.addStretch(1)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.heading.setText(self.tr("点击地图上的网格查看详情"))
        self.body.setText(self.tr("双击进入下级网格，上方路径可返回上级。"))
        self.cameras_title.hide()
        self.cameras.hide()
        self.cameras.clear()
        self.layout().setStretch(4, 1)

    def show_grid(self, grid: MapGrid, facts: GridFacts) -> None:
        level = self.tr(GridLevel(grid.level).zh)
        self.heading.setText(
            f"<b style='font-size:14pt'>{escape(grid.name)}</b><br>"
            f"<span style='color:#8fa3bf'>{escape(grid.code)} · {escape(level)}</span>"
        )
        self.body.setText(
            f"<table cellspacing=4>{self._staff_rows(facts)}</table><hr>"
            f"<table cellspacing=4>{self._count_rows(facts)}</table>"
            f"{self._sensor_kinds(facts)}{self._alarm_list(facts)}"
        )
        self._show_cameras(facts)

    def _staff_rows(self, facts: GridFacts) -> str:
        """The grid's people on duty, or a warning that there are none."""
        rows: list[str] = []
        for person in facts.staff:
            role = (
                self.tr(DutyRole(person.role).zh)
                if person.role in DutyRole._value2member_map_
                else person.role
            )
            phone = escape(person.phone or "—")
            rows.append(
                f"<tr><td style='color:#8fa3bf'>{escape(role)}</td><td>{escape(person.name)}</td>"
                f"<td>{phone}</td></tr>"
            )
        if not facts.staff:
            rows.append(f"<tr><td colspan=3 style='color:#f0b429'>{self.tr('暂无在岗人员')}</td></tr>")
        return "".join(rows)

    def _count_rows(self, facts: GridFacts) -> str:
        overdue_style = "color:#ef5350;font-weight:600" if facts.overdue_tickets else ""
        counts = [
            (self.tr("户数"), f"{facts.households:,}"),
            (self.tr("居民"), f"{facts.residents:,}"),
            (self.tr("未办结工单"), str(facts.open_tickets)),
            (self.tr("超期工单"), f"<span style='{overdue_style}'>{facts.overdue_tickets}</span>"),
            (self.tr("摄像头"), str(len(facts.cameras))),
            (self.tr("传感器"), str(len(facts.sensors))),
            (self.tr("活动告警"), str(len(facts.active_alarms))),
        ]
        return "".join(f"<tr><td style='color:#8fa3bf'>{k}</td><td><b>{v}</b></td></tr>" for k, v in counts)

    def _sensor_kinds(self, facts: GridFacts) -> str:
        """How many sensors of each kind the grid has ("" without any)."""
        if not facts.sensors:
            return ""
        kinds: dict[str, int] = {}
        for _sid, _name, kind in facts.sensors:
            kinds[kind] = kinds.get(kind, 0) + 1
        return (
            "<p style='color:#8fa3bf'>"
            + "，".join(f"{self.tr(SENSOR_KINDS.get(kind, kind))} {n}" for kind, n in sorted(kinds.items()))
            + "</p>"
        )

    def _alarm_list(self, facts: GridFacts) -> str:
        """The first eight active alarms ("" without any)."""
        if not facts.active_alarms:
            return ""
        items = "".join(
            f"<li>{escape(title)} <span style='color:#8fa3bf'>{raised:%m-%d %H:%M}</span></li>"
            for _aid, title, raised in facts.active_alarms[:8]
        )
        return f"<p style='color:#ef5350'><b>{self.tr('活动告警')}</b></p><ul>{items}</ul>"

    def _show_cameras(self, facts: GridFacts) -> None:
        self.cameras.clear()
        for camera_id, name in facts.cameras:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, camera_id)
            item.setToolTip(self.tr("点击打开实时画面"))
            self.cameras.addItem(item)
        self.cameras_title.setText(self.tr("摄像头（点击查看实时画面）"))
        self.cameras_title.setVisible(bool(facts.cameras))
        self.cameras.setVisible(bool(facts.cameras))
        self.layout().setStretch(4, 0 if facts.cameras else 1)

    def _camera_item(self, item: QListWidgetItem) -> None:
        self.cameraChosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
