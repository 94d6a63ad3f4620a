"""区域: draw zones on a camera's still picture. Click to add corners, double-click (or click the first
corner) to close the polygon, right-click to take the last corner back. Drag a corner to move it,
double-click an edge to add a corner there, right-click a corner to remove it: the same for a new zone
and for a saved one taken back into the form to edit. A forbidden zone (禁入区域) raises an event for
anyone inside; a night zone (夜间区域) only during the night hours. Corners are stored as 0..1 of the
picture, as the zones table expects, so a zone fits every stream size of the camera."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
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
    QSizePolicy,
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
from widgets.ai.face_preview import fitted
from widgets.ai.face_tools import site_config
from widgets.ai.images import as_bgr, bgr_to_qimage
from widgets.ai.style import STYLE, quiet_buttons
from widgets.plain_text import plain
from widgets.shell_context import ShellContext

RULE_COLOURS = {"forbidden": QColor(229, 72, 77), "night": QColor(151, 117, 250)}
DRAWING = QColor("#ffd43b")
BACKDROP = QColor("#0b121e")
ZONE_ROLE = Qt.ItemDataRole.UserRole + 1
GRAB_PX = 8.0  # how near a corner or an edge the pointer must be to take hold of it
Point = tuple[float, float]


class ZoneCanvas(QWidget):
    """The picture with the camera's zones and the polygon being drawn."""

    changed = Signal()

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoneCanvas")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(480, 270)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image = image
        self.zones: list[tuple[int, Zone]] = []
        self.highlighted: int | None = None
        self.hidden: int | None = None  # the saved zone being edited: drawn as the polygon, not twice
        self.points: list[Point] = []
        self.closed = False
        self._hover: QPointF | None = None
        self._dragging: int | None = None  # the corner following the pointer

    # ---- geometry ---------------------------------------------------------------------------------

    def picture_rect(self) -> QRectF:
        return fitted((self.image.width(), self.image.height()), QRectF(self.rect()).adjusted(2, 2, -2, -2))

    def to_picture(self, position: QPointF) -> Point | None:
        """A widget position as 0..1 of the picture, None outside it."""
        rect = self.picture_rect()
        if not rect.contains(position):
            return None
        x = (position.x() - rect.x()) / max(rect.width(), 1.0)
        y = (position.y() - rect.y()) / max(rect.height(), 1.0)
        return (round(min(max(x, 0.0), 1.0), 4), round(min(max(y, 0.0), 1.0), 4))

    def to_widget(self, point: Point) -> QPointF:
        rect = self.picture_rect()
        return QPointF(rect.x() + point[0] * rect.width(), rect.y() + point[1] * rect.height())

    def clamped_to_picture(self, position: QPointF) -> Point:
        """A widget position as 0..1 of the picture, pulled onto its edge when outside (a dragged corner)."""
        rect = self.picture_rect()
        inside = QPointF(
            min(max(position.x(), rect.left()), rect.right()),
            min(max(position.y(), rect.top()), rect.bottom()),
        )
        point = self.to_picture(inside)
        assert point is not None
        return point

    def corner_at(self, position: QPointF) -> int | None:
        """The polygon's corner under the pointer (the nearest, within GRAB_PX), if any."""
        nearest, best = None, GRAB_PX
        for index, point in enumerate(self.points):
            distance = QLineF(self.to_widget(point), position).length()
            if distance <= best:
                nearest, best = index, distance
        return nearest

    def edge_at(self, position: QPointF) -> int | None:
        """The closed polygon's edge under the pointer: the index its new corner would take."""
        if not self.closed:
            return None
        corners = [self.to_widget(p) for p in self.points]
        for index, start in enumerate(corners):
            end = corners[(index + 1) % len(corners)]
            if _distance_to_segment(position, start, end) <= GRAB_PX:
                return index + 1
        return None

    # ---- drawing a polygon ------------------------------------------------------------------------

    def clear_polygon(self) -> None:
        self.points, self.closed = [], False
        self.update()
        self.changed.emit()

    def set_polygon(self, points: list[Point], *, closed: bool = True) -> None:
        self.points, self.closed = list(points), closed and len(points) >= 3
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        """Reopen a closed polygon, or take its last corner back."""
        if self.closed:
            self.closed = False
        elif self.points:
            self.points.pop()
        self.update()
        self.changed.emit()

    def remove_corner(self, index: int) -> bool:
        """Take one corner out; a closed polygon keeps at least three."""
        if self.closed and len(self.points) <= 3:
            return False
        del self.points[index]
        self.update()
        self.changed.emit()
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        corner = self.corner_at(event.position())
        if event.button() == Qt.MouseButton.RightButton:
            if corner is None or not self.remove_corner(corner):
                self.undo()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if corner == 0 and not self.closed and len(self.points) >= 3:  # back at the start: close it
            self.closed = True
            self.update()
            self.changed.emit()
            return
        if corner is not None:  # take hold of it rather than put a second corner on top of it
            self._dragging = corner
            return
        point = self.to_picture(event.position())
        if point is not None and not self.closed:
            self.points.append(point)
            self.update()
            self.changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._dragging is not None:
            self._dragging = None
            self.changed.emit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Close the polygon (the double-click's first press already placed its last corner); on a
        closed one, a double-click on an edge adds a corner there."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if not self.closed and len(self.points) >= 3:
            self.closed = True
        elif (edge := self.edge_at(event.position())) is not None and self.corner_at(
            event.position()
        ) is None:
            self.points.insert(edge, self.clamped_to_picture(event.position()))
        else:
            return
        self.update()
        self.changed.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover = event.position()
        if self._dragging is not None:
            self.points[self._dragging] = self.clamped_to_picture(event.position())
            self.update()
            return
        over_corner = self.corner_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.SizeAllCursor if over_corner else Qt.CursorShape.CrossCursor)
        if self.points and not self.closed:
            self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.undo()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(self.points) >= 3:
            self.closed = True
            self.update()
            self.changed.emit()
            return
        super().keyPressEvent(event)

    # ---- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), BACKDROP)
        painter.drawImage(self.picture_rect(), self.image)
        for zone_id, zone in self.zones:
            if zone_id == self.hidden:
                continue
            colour = RULE_COLOURS.get(zone.rule, RULE_COLOURS["forbidden"])
            polygon = QPolygonF([self.to_widget(p) for p in zone.points])
            fill = QColor(colour)
            fill.setAlpha(95 if zone_id == self.highlighted else 55)
            painter.setBrush(fill)
            painter.setPen(QPen(colour, 3 if zone_id == self.highlighted else 2))
            painter.drawPolygon(polygon)
            self._caption(painter, polygon, zone.name, colour)
        if not self.points:
            return
        corners = [self.to_widget(p) for p in self.points]
        painter.setPen(QPen(DRAWING, 2))
        if self.closed:
            fill = QColor(DRAWING)
            fill.setAlpha(50)
            painter.setBrush(fill)
            painter.drawPolygon(QPolygonF(corners))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(corners))
            if self._hover is not None:
                painter.setPen(QPen(DRAWING, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(corners[-1], self._hover)
                if len(corners) >= 2:
                    painter.drawLine(self._hover, corners[0])
        painter.setPen(QPen(QColor("#0b121e"), 1))
        painter.setBrush(DRAWING)
        for corner in corners:
            painter.drawRect(QRectF(corner.x() - 4, corner.y() - 4, 8, 8))

    @staticmethod
    def _caption(painter: QPainter, polygon: QPolygonF, text: str, colour: QColor) -> None:
        box = polygon.boundingRect()
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 12
        label = QRectF(box.center().x() - width / 2, box.center().y() - 11, width, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(11, 18, 30, 200))
        painter.drawRoundedRect(label, 4, 4)
        painter.setPen(colour.lighter(150))
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, text)


def _distance_to_segment(point: QPointF, start: QPointF, end: QPointF) -> float:
    line = QLineF(start, end)
    length_squared = line.dx() ** 2 + line.dy() ** 2
    if length_squared == 0:
        return QLineF(point, start).length()
    along = ((point.x() - start.x()) * line.dx() + (point.y() - start.y()) * line.dy()) / length_squared
    along = min(max(along, 0.0), 1.0)
    return QLineF(point, line.pointAt(along)).length()


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
