"""The category tree with a search box; the chosen category's time limit and case type under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.tickets.categories import Category, CategoryBook, Limit
from app.tickets.states import LEVEL_ZH
from widgets.plain_text import literal_html

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


UNITS = {
    (False, "m"): "个工作分钟",
    (False, "h"): "个工作小时",
    (False, "d"): "个工作日",
    (True, "m"): "分钟",
    (True, "h"): "小时",
    (True, "d"): "天",
}


def limit_words(limit: Limit, natural: bool) -> str:
    amount = int(limit.amount) if limit.amount.is_integer() else limit.amount
    return f"{amount}{tr(UNITS[(natural, limit.unit)])}"


def limit_text(category: Category) -> str:
    """ "即办件 · 时限 4个工作小时（升级后 二级网格 2个工作小时…）· 响应 1个工作小时" in the operator's words."""
    natural = category.natural_clock
    base = category.limit(3)
    text = f"{tr(category.case_type.value)} · {tr('时限')} {limit_words(base, natural)}"
    later = [
        f"{tr(LEVEL_ZH[level])} {limit_words(category.limit(level), natural)}"
        for level in (2, 1, 0)
        if category.limit(level) != base
    ]
    if later:
        text += f"（{tr('升级后')} " + "，".join(later) + "）"
    text += f" · {tr('响应')} {limit_words(category.response, natural)}"
    if natural:
        text += f" · {tr('全天候计时')}"
    return text


class CategoryPicker(QWidget):
    """Groups and their categories; typing filters by name, code or group (中文 or English)."""

    chosen = Signal(object)  # the category code, or None

    def __init__(self, book: CategoryBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索分类，如 路灯、垃圾、噪音"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[str, QTreeWidgetItem] = {}
        groups: dict[str, QTreeWidgetItem] = {}
        for category in book:
            group = groups.get(category.group_code)
            if group is None:
                group = QTreeWidgetItem([tr(category.group_name), ""])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[category.group_code] = group
                self.tree.addTopLevelItem(group)
            limit = limit_words(category.limit(3), category.natural_clock)  # 2个工作日, never 2d
            item = QTreeWidgetItem([tr(category.name), f"{tr(category.case_type.value)} {limit}"])
            item.setData(0, CODE_ROLE, category.code)
            item.setToolTip(0, literal_html(f"{category.code} {category.path}\n{limit_text(category)}"))
            item.setForeground(1, Qt.GlobalColor.gray)
            group.addChild(item)
            self._items[category.code] = item
        self.tree.itemSelectionChanged.connect(self._selected)
        self.info = QLabel(tr("未选择分类"))
        self.info.setObjectName("categoryInfo")
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.info)

    def code(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, CODE_ROLE) if items else None

    def select(self, code: str) -> None:
        item = self._items.get(code)
        if item is not None:
            self.tree.setCurrentItem(item)
            item.setSelected(True)
            self.tree.scrollToItem(item)

    def _selected(self) -> None:
        code = self.code()
        if code is None:
            self.info.setText(tr("未选择分类"))
        else:
            category = self.book[code]
            self.info.setText(f"{tr(category.group_name)} / {tr(category.name)}：{limit_text(category)}")
        self.chosen.emit(code)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        shown: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            any_child = False
            for c in range(group.childCount()):
                item = group.child(c)
                category = self.book[item.data(0, CODE_ROLE)]
                haystack = " ".join(
                    (category.code, category.name, category.name_en, category.group_name, item.text(0))
                ).lower()
                visible = not needle or needle in haystack
                item.setHidden(not visible)
                if visible:
                    shown.append(item)
                    any_child = True
            group.setHidden(not any_child)
            group.setExpanded(bool(needle) and any_child)
        if needle and len(shown) == 1:
            self.select(shown[0].data(0, CODE_ROLE))
