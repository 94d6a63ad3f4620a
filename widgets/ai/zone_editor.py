"""区域: draw zones on a camera's still picture. Click to add corners, double-click (or click the first
corner) to close the polygon, right-click to take the last corner back. Drag a corner to move it,
double-click an edge to add a corner there, right-click a corner to remove it: the same for a new zone
and for a saved one taken back into the form to edit. A forbidden zone (禁入区域) raises an event for
anyone inside; a night zone (夜间区域) only during the night hours. Corners are stored as 0..1 of the
picture, as the zones table expects, so a zone fits every stream size of the camera."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import SiteContext
from runtime.read.ai import AiReads
from runtime.types import StoreFailure
from video.ai import zones as zone_store
from video.ai.config import EventSettings
from video.ai.zones import RULES, Zone, ZoneError
from widgets.ai import questions
from widgets.ai.face_tools import site_config
from widgets.ai.images import as_bgr, bgr_to_qimage
from widgets.ai.style import STYLE, quiet_buttons
from widgets.ai.zone_canvas import RULE_COLOURS, ZoneCanvas
from widgets.plain_text import plain
from widgets.shell_context import ShellContext

ZONE_ROLE = Qt.ItemDataRole.UserRole + 1


class ZoneEditorDialog(QDialog):
    """A camera's zones on its picture: list, delete, draw and save new ones, edit saved ones."""

    saved = Signal(int)  # zone id

    def __init__(
        self,
        site: SiteContext,
        reads: AiReads,
        camera_id: int,
        image: QImage | np.ndarray,
        *,
        events: EventSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("zoneEditor")
        self.setStyleSheet(STYLE)
        self.site, self.reads, self.camera_id = site, reads, camera_id  # site.seat: whose edits are audited
        self.events = events or EventSettings()
        self.editing: int | None = None  # the saved zone the form and polygon hold, None: a new zone
        self.camera_name = reads.camera_name(camera_id) or f"#{camera_id}"
        self.canvas = ZoneCanvas(image if isinstance(image, QImage) else bgr_to_qimage(as_bgr(image)))
        self.canvas.changed.connect(self._update)
        self._build()
        self._retranslate()  # lists the camera's zones too
        quiet_buttons(self)

    @classmethod
    def from_snapshot(
        cls, context: ShellContext, camera_id: int, image: QImage | np.ndarray, parent: QWidget | None = None
    ) -> ZoneEditorDialog:
        """The editor over a tile's current picture (a QImage, or a decoded BGR frame)."""
        return cls(
            context.site,
            context.reads.ai,
            camera_id,
            image,
            events=site_config(context).events,
            parent=parent,
        )

    def _build(self) -> None:
        self.zone_list = QListWidget(objectName="zoneList")
        self.zone_list.currentItemChanged.connect(lambda *_: self._highlight())
        self.zone_list.itemDoubleClicked.connect(lambda item: self.start_editing(item.data(ZONE_ROLE)))
        self.edit_button = QPushButton(objectName="editZoneButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(objectName="deleteZoneButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.existing_box = QGroupBox()
        existing = QVBoxLayout(self.existing_box)
        existing.addWidget(self.zone_list, 1)
        selected = QHBoxLayout()
        selected.addWidget(self.edit_button)
        selected.addWidget(self.delete_button)
        existing.addLayout(selected)

        self.name_edit = QLineEdit(objectName="zoneName")
        self.name_edit.setMaxLength(64)
        self.name_edit.textChanged.connect(lambda *_: self._update())
        self.rule_box = QComboBox(objectName="zoneRule")
        self.rule_box.currentIndexChanged.connect(lambda *_: self._update())
        self.rule_note = QLabel(objectName="fieldName", wordWrap=True)
        plain(self.rule_note)
        self.name_label, self.rule_label = QLabel(), QLabel()
        self.new_box = QGroupBox()
        form = QFormLayout(self.new_box)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.rule_label, self.rule_box)
        form.addRow(self.rule_note)
        self.hint = QLabel(objectName="zoneHint", wordWrap=True)
        plain(self.hint)
        self.clear_button = QPushButton(objectName="clearZoneButton")
        self.clear_button.clicked.connect(self.canvas.clear_polygon)
        self.save_button = QPushButton(objectName="primary")
        self.save_button.clicked.connect(self.save)
        self.cancel_edit_button = QPushButton(objectName="cancelEditButton")
        self.cancel_edit_button.clicked.connect(self.stop_editing)
        self.cancel_edit_button.setVisible(False)
        drawing = QHBoxLayout()
        drawing.addWidget(self.clear_button)
        drawing.addWidget(self.save_button)
        form.addRow(self.hint)
        form.addRow(drawing)
        form.addRow(self.cancel_edit_button)
        self.close_button = QPushButton(objectName="closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)

        side = QVBoxLayout()
        side.addWidget(self.existing_box, 1)
        side.addWidget(self.new_box)
        side.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(290)
        layout = QHBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(side_widget)
        self.resize(1100, 560)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("区域 — %1").replace("%1", self.camera_name))
        self.existing_box.setTitle(self.tr("已有区域"))
        self.edit_button.setText(self.tr("编辑"))
        self.edit_button.setToolTip(self.tr("修改所选区域的名称、规则和角（也可双击列表中的区域）"))
        self.delete_button.setText(self.tr("删除"))
        self.delete_button.setToolTip(self.tr("删除所选区域"))
        self.cancel_edit_button.setText(self.tr("取消编辑"))
        self.name_label.setText(self.tr("名称"))
        self.rule_label.setText(self.tr("规则"))
        self.name_edit.setPlaceholderText(self.tr("例如：配电房门口"))
        keep = self.rule_box.currentIndex()
        self.rule_box.blockSignals(True)
        self.rule_box.clear()
        for rule, text in RULES.items():
            self.rule_box.addItem(self.tr(text), rule)
        self.rule_box.setCurrentIndex(max(0, keep))
        self.rule_box.blockSignals(False)
        self.clear_button.setText(self.tr("清除重画"))
        self.close_button.setText(self.tr("关闭"))
        self._show_mode()
        self.reload()
        self._update()

    def _show_mode(self) -> None:
        """The form says whether it holds a new zone or one being edited."""
        if self.editing is None:
            self.new_box.setTitle(self.tr("新区域"))
            self.save_button.setText(self.tr("保存区域"))
        else:
            self.new_box.setTitle(self.tr("编辑区域"))
            self.save_button.setText(self.tr("保存修改"))
        self.cancel_edit_button.setVisible(self.editing is not None)
        self.canvas.hidden = self.editing
        self.canvas.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def rule_text(self, rule: str) -> str:
        if rule == "night":
            return (
                self.tr("夜间 %1:00–%2:00 有人进入即产生事件")
                .replace("%1", str(self.events.night_start_hour))
                .replace("%2", str(self.events.night_end_hour))
            )
        return self.tr("任何时间有人进入即产生事件")

    def reload(self) -> None:
        self.canvas.zones = self.reads.camera_zones(self.camera_id)
        self.zone_list.clear()
        for zone_id, zone in self.canvas.zones:
            item = QListWidgetItem(f"{zone.name}　·　{self.tr(RULES.get(zone.rule, zone.rule))}")
            item.setData(ZONE_ROLE, zone_id)
            item.setForeground(RULE_COLOURS.get(zone.rule, RULE_COLOURS["forbidden"]).lighter(140))
            self.zone_list.addItem(item)
        self._highlight()

    def _highlight(self) -> None:
        item = self.zone_list.currentItem()
        self.canvas.highlighted = item.data(ZONE_ROLE) if item is not None else None
        self.delete_button.setEnabled(item is not None)
        self.edit_button.setEnabled(item is not None and item.data(ZONE_ROLE) != self.editing)
        self.canvas.update()

    def edit_selected(self) -> bool:
        item = self.zone_list.currentItem()
        return item is not None and self.start_editing(item.data(ZONE_ROLE))

    def start_editing(self, zone_id: int) -> bool:
        """Put a saved zone into the form and the polygon, to change and save over it."""
        zone = next((zone for known, zone in self.canvas.zones if known == zone_id), None)
        if zone is None or zone_id == self.editing:
            return zone is not None
        if self.canvas.points and not questions.ask_to_confirm(
            self, self.tr("编辑区域"), self.tr("放弃正在画的区域，改为编辑“%1”？").replace("%1", zone.name)
        ):
            return False
        self.editing = zone_id
        self.name_edit.setText(zone.name)
        self.rule_box.setCurrentIndex(max(0, self.rule_box.findData(zone.rule)))
        self.canvas.set_polygon(list(zone.points))
        self._show_mode()
        self._highlight()
        self._update()
        return True

    def stop_editing(self) -> None:
        """Back to drawing a new zone; the saved one stays as it was."""
        self.editing = None
        self.name_edit.clear()
        self.canvas.clear_polygon()
        self._show_mode()
        self._highlight()
        self._update()

    def missing(self) -> str:
        canvas = self.canvas
        if not canvas.points:
            return self.tr("在画面上单击添加区域的角，双击闭合，右键撤销上一个角")
        if not canvas.closed:
            if len(canvas.points) < 3:
                return self.tr("已有 %1 个角，至少需要三个").replace("%1", str(len(canvas.points)))
            return self.tr("双击或按回车闭合区域")
        if not self.name_edit.text().strip():
            return self.tr("请填写区域名称")
        return ""

    def ready_text(self) -> str:
        if self.editing is not None:
            return self.tr("可以保存。拖动角调整位置，双击边添加角，右键单击角删除它")
        return self.tr("可以保存")

    def _update(self) -> None:
        self.rule_note.setText(self.rule_text(self.rule_box.currentData() or "forbidden"))
        reason = self.missing()
        self.save_button.setEnabled(not reason)
        self.hint.setText(reason or self.ready_text())

    def save(self) -> int | None:
        if self.missing():
            return None
        zone = Zone(self.name_edit.text().strip(), tuple(self.canvas.points), self.rule_box.currentData())
        site, editing = self.site, self.editing
        try:
            if editing is None:
                zone_id = zone_store.save_zone(site.db, self.camera_id, zone, site.seat, hub=site.hub)
            elif zone_store.update_zone(site.db, editing, zone, site.seat, hub=site.hub):
                zone_id = editing
            else:  # deleted meanwhile (another seat): keep what was drawn, to save as a new zone
                self.editing = None
                self._show_mode()
                self.reload()
                self.hint.setText(self.tr("该区域已被删除，可另存为新区域"))
                return None
        except ZoneError as error:
            self.hint.setText(str(error))
            return None
        except StoreFailure as error:  # the drawing stays, to save again once the store answers
            self.hint.setText(self.tr("保存失败，区域仍在画面上：%1").replace("%1", str(error)[:120]))
            return None
        self.stop_editing()
        self.reload()
        self.hint.setText(self.tr("已保存区域“%1”").replace("%1", zone.name))
        self.saved.emit(zone_id)
        return zone_id

    def delete_selected(self) -> bool:
        item = self.zone_list.currentItem()
        if item is None:
            return False
        name = item.text().split("　·　")[0]
        question = self.tr("删除区域“%1”？该区域不再产生事件。").replace("%1", name)
        if not questions.ask_to_confirm(self, self.tr("删除区域"), question):
            return False
        zone_id, site = item.data(ZONE_ROLE), self.site
        try:
            zone_store.delete_zone(site.db, zone_id, site.seat, hub=site.hub)
        except StoreFailure as error:
            questions.tell(
                self,
                self.tr("删除区域"),
                self.tr("删除失败：%1").replace("%1", str(error)[:120]),
                failed=True,
            )
            return False
        if zone_id == self.editing:
            self.stop_editing()
        self.reload()
        return True
