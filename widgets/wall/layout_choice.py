"""Choosing the wall's arrangement: the preset, custom and saved layouts in the panel's layout box, the
seat's last layout restored on start, and saving or deleting a named one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from video.layouts import PRESETS, WallLayout, custom_layout
from widgets.plain_text import literal_html

LAST_LAYOUT_KEY = "wall/last_layout"
PRESET_LABELS = {
    "1": "1 画面",
    "4": "4 画面",
    "9": "9 画面",
    "16": "16 画面",
    "25": "25 画面",
    "1+5": "1+5 画面",
    "1+7": "1+7 画面",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("WallPanel", text)


class CustomLayoutDialog(QDialog):
    """Rows, columns and the size of a large top-left tile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("自定义布局"))
        form = QFormLayout(self)
        self.rows = QSpinBox(minimum=1, maximum=8, value=3)
        self.cols = QSpinBox(minimum=1, maximum=8, value=4)
        self.big = QSpinBox(minimum=1, maximum=7, value=2)
        form.addRow(tr("行数"), self.rows)
        form.addRow(tr("列数"), self.cols)
        form.addRow(tr("左上大画面占格"), self.big)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def layout_chosen(self) -> WallLayout:
        return custom_layout(self.rows.value(), self.cols.value(), self.big.value())


class WallLayouts:
    """The `WallPanel`'s layout box and the layouts it applies, saves and deletes."""

    def _fill_layout_box(self) -> None:
        self.layout_box.clear()
        for name in PRESETS:
            self.layout_box.addItem(tr(PRESET_LABELS[name]), ("preset", name))
        self.layout_box.addItem(tr("自定义…"), ("custom", ""))
        for name in self.layouts.names():
            self.layout_box.addItem(f"★ {name}", ("saved", name))

    def _restore_layout(self) -> None:
        saved = self.context.seat_state.value(LAST_LAYOUT_KEY)
        layout = None
        if saved:
            try:
                layout = WallLayout.from_json("last", str(saved))
            except (ValueError, KeyError, TypeError):
                layout = None
        if layout is None:  # first start: as many cameras as a standard layout holds
            count = len(self._cameras)
            name = next((n for n in ("4", "9", "16", "25") if PRESETS[n].tile_count >= count), "25")
            layout = PRESETS[name].with_cameras(list(self._cameras)[: PRESETS[name].tile_count])
        self.wall.apply_layout(layout)

    def _remember_layout(self, layout: WallLayout) -> None:
        self.context.seat_state.setValue(LAST_LAYOUT_KEY, layout.to_json())
        for index in range(self.layout_box.count()):  # show which arrangement the wall has
            kind, name = self.layout_box.itemData(index)
            preset = PRESETS.get(name) if kind == "preset" else None
            if preset is not None and (preset.rows, preset.cols, preset.cells) == (
                layout.rows,
                layout.cols,
                layout.cells,
            ):
                self.layout_box.setCurrentIndex(index)
                return

    def _layout_chosen(self, index: int) -> None:
        kind, name = self.layout_box.itemData(index)
        if kind == "preset":
            self.wall.apply_layout(PRESETS[name])
        elif kind == "custom":
            dialog = CustomLayoutDialog(self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.wall.apply_layout(dialog.layout_chosen())
        else:
            try:
                self.wall.apply_layout(self.layouts.load(name))
            except (KeyError, ValueError) as error:
                self.message.setText(str(error))

    def save_layout(self, name: str | None = None) -> None:
        """Save the wall's arrangement and cameras under a name (asked for when not given)."""
        if name is None:
            name, ok = QInputDialog.getText(self, tr("保存布局"), tr("布局名称"))
            if not ok:
                return
        try:
            self.layouts.save(
                self.wall.current_layout.with_cameras(self.wall.current_layout.cameras, name.strip())
            )
        except ValueError as error:
            self.message.setText(str(error))
            return
        self._fill_layout_box()
        self.message.setText(tr("布局已保存: %1").replace("%1", name.strip()))

    def delete_layout(self) -> None:
        kind, name = self.layout_box.currentData()
        if kind != "saved":
            self.message.setText(tr("只能删除已保存的布局"))
            return
        if QMessageBox.question(
            self, tr("删除布局"), literal_html(tr("删除布局“%1”？").replace("%1", name))
        ) != (QMessageBox.StandardButton.Yes):
            return
        self.layouts.delete(name)
        self._fill_layout_box()
