"""设置 → 工单分类与时限…: every ticket category with the time limits this site uses, and an editor
for one category's limits (per handling level and the response limit), stored and audited per site.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import SiteContext
from app.tickets.categories import LEVELS, CategoryBook, CategoryError
from app.tickets.site_limits import reset_limits, save_limits
from runtime.site_setup import SiteCategories, site_categories
from widgets.jobs import Jobs
from widgets.plain_text import plain
from widgets.site_wizard.texts import tr
from widgets.theme import COLOURS
from widgets.tickets.category_picker import limit_words

CODE_ROLE = Qt.ItemDataRole.UserRole


def _level_names() -> dict[int, str]:
    return {3: tr("三级网格"), 2: tr("二级网格"), 1: tr("一级网格"), 0: tr("包联县级领导")}


class CategoryLimitsDialog(QDialog):
    def __init__(self, site: SiteContext, base: CategoryBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoryLimitsDialog")
        self.setWindowTitle(tr("工单分类与时限"))
        self.site, self.base = site, base
        self.jobs = Jobs(self)
        self.current: SiteCategories | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("categoryTree")
        names = _level_names()
        self.tree.setHeaderLabels([tr("分类"), tr("办件类型")] + [names[lv] for lv in LEVELS] + [tr("签收")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda _item, _old: self._fill_editor())
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr("时限按工作时间计（h 工作小时，d 工作日，m 工作分钟）；修改从下一张工单起生效。"),
                wordWrap=True,
            )
        )
        layout.addWidget(self.tree, 1)
        layout.addLayout(self._editor())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 640)
        self.reload()

    def _editor(self) -> QHBoxLayout:
        self.edits = {level: QLineEdit() for level in LEVELS}
        self.response_edit = QLineEdit()
        form = QFormLayout()
        names = _level_names()
        for level in LEVELS:
            self.edits[level].setObjectName(f"limit{level}")
            form.addRow(names[level], self.edits[level])
        form.addRow(tr("签收时限"), self.response_edit)
        self.message = QLabel(wordWrap=True)
        plain(self.message)
        self.message.setObjectName("limitsMessage")
        self.save_button = QPushButton(tr("保存"))
        self.save_button.setObjectName("saveLimits")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(tr("恢复默认"))
        self.reset_button.setObjectName("resetLimits")
        self.reset_button.clicked.connect(self.reset)
        side = QVBoxLayout()
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.save_button)
        side.addWidget(self.reset_button)
        row = QHBoxLayout()
        row.addLayout(form, 2)
        row.addLayout(side, 1)
        return row

    def reload(self, select_code: str | None = None) -> None:
        db, base = self.site.db, self.base
        self.jobs.submit("read", lambda: site_categories(db, base), lambda c: self._show(c, select_code))

    def _show(self, categories: SiteCategories, select_code: str | None) -> None:
        self.current = categories
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for category in categories.book:
            group = groups.get(category.group_code)
            if group is None:
                group = groups[category.group_code] = QTreeWidgetItem(self.tree, [tr(category.group_name)])
                group.setExpanded(True)
            natural = category.natural_clock
            limits = [limit_words(category.limit(level), natural) for level in LEVELS]
            item = QTreeWidgetItem(
                group,
                [tr(category.name), tr(category.case_type.value), *limits, limit_words(category.response, natural)],
            )
            item.setData(0, CODE_ROLE, category.code)
            if category.code in categories.overridden:
                item.setForeground(0, QColor(COLOURS["accent"]))
                item.setToolTip(0, tr("本站点已修改时限"))
            if category.code == select_code:
                self.tree.setCurrentItem(item)
        self._fill_editor()

    def selected_code(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, CODE_ROLE)

    def _fill_editor(self) -> None:
        code = self.selected_code()
        enabled = code is not None and self.current is not None
        for edit in [*self.edits.values(), self.response_edit]:
            edit.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.reset_button.setEnabled(enabled and code in self.current.overridden)
        if not enabled:
            return
        category = self.current.book[code]
        for level, edit in self.edits.items():
            edit.setText(str(category.limit(level)))
        self.response_edit.setText(str(category.response))

    def save(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        limits = {level: edit.text() for level, edit in self.edits.items()}
        response = self.response_edit.text()
        db, seat, base = self.site.db, self.site.seat, self.base
        self.jobs.submit(
            "write",
            lambda: save_limits(db, seat, base, code, limits, response),
            lambda _v: self._done(code),
            self._failed,
        )

    def reset(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        db, seat = self.site.db, self.site.seat
        self.jobs.submit(
            "write", lambda: reset_limits(db, seat, code), lambda _v: self._done(code), self._failed
        )

    def _done(self, code: str) -> None:
        self.message.setStyleSheet(f"color: {COLOURS['ok']};")
        self.message.setText(tr("已保存，从下一张工单起生效。"))
        self.reload(code)

    def _failed(self, error: Exception) -> None:
        self.message.setStyleSheet(f"color: {COLOURS['danger']};")
        text = (
            str(error) if isinstance(error, CategoryError | KeyError) else f"{type(error).__name__}: {error}"
        )
        self.message.setText(tr("未保存：") + text)
