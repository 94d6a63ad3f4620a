"""Walking a window's visible texts for the translation walk (tests/widgets/test_translation_walk.py).

`chrome_texts(root)` lists the words a person reads on a window apart from the cells of item views:
labels, buttons, group and window titles, tabs (every page, not only the current one), headers, combo
items, tool tips, placeholders, menus and actions. Cells of tables and lists are the site's data and are
left out; data that still appears in chrome (a name in a label, a grid in a combo) is told apart by
`SiteData`, the strings the site's database holds.

`WindowCatcher` finds every window that opens while the walk pokes the shell (a menu entry, a button,
a selected row) — modal or not — walks it, and closes it again, so new dialogs are walked without a
list to keep up to date.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from sqlalchemy import String, Text, inspect, select

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
# A word, not part of a code such as demo1234 or A1B2C3.
ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z'’]+(?![A-Za-z0-9_])")
# Literals that read the same in any language: paths, URLs, time-zone ids (Asia/Shanghai), file
# patterns (*.xlsx), file names (demo.sqlite) and command lines (grid-command-centre gui --demo).
LITERAL = re.compile(
    r"[A-Za-z0-9_.:~+-]*/[A-Za-z0-9_./:~+-]+"
    r"|\*\.\w+"
    r"|\b[\w-]+\.(?:sqlite|gccbackup|xlsx|csv|json|html|pdf|png|mp4)\b"
    r"|\bgrid-command-centre(?:\s+-*[a-z][\w-]*)*"
    r"|--[a-z][a-z-]*"
    r"|\b[a-z]+(?:-[a-z]+)+\b"
)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Seen:
    where: str  # window title / class#objectName
    kind: str  # "label", "button", "tooltip", ...
    text: str


def _plain(text: str) -> str:
    return html.unescape(TAG.sub(" ", text)) if "<" in text else text


def _name(widget: QObject) -> str:
    return f"{type(widget).__name__}#{widget.objectName()}" if widget.objectName() else type(widget).__name__


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget is root or widget.isVisibleTo(root)


def _widget_texts(widget: QWidget) -> Iterable[tuple[str, str]]:
    if isinstance(widget, QLabel):
        yield "label", widget.text()
    if isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    if isinstance(widget, QGroupBox):
        yield "group", widget.title()
    if isinstance(widget, QDockWidget):
        yield "dock", widget.windowTitle()
    if isinstance(widget, QLineEdit):
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield "placeholder", widget.placeholderText()
        if widget.isReadOnly():
            yield "text", widget.toPlainText()
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield "combo item", widget.itemText(index)
        if widget.isEditable() and widget.lineEdit() is not None:
            yield "placeholder", widget.lineEdit().placeholderText()
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)
            yield "tooltip", widget.tabToolTip(index)
    if isinstance(widget, QHeaderView) and widget.model() is not None:
        model, orientation = widget.model(), widget.orientation()
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield "header", value
    if isinstance(widget, QMenu):
        yield "menu", widget.title()
    yield "tooltip", QWidget.toolTip(widget)
    yield "status tip", QWidget.statusTip(widget)
    for action in QWidget.actions(widget):
        yield from _action_texts(action)


def _action_texts(action: QAction) -> Iterable[tuple[str, str]]:
    if action.isSeparator() or not action.isVisible():
        return
    yield "action", action.text()
    if action.toolTip() != action.text().replace("&", ""):
        yield "action tooltip", action.toolTip()
    menu = action.menu()
    if menu is not None:
        yield "menu", menu.title()
        for sub in menu.actions():
            yield from _action_texts(sub)


def _collect(root: QWidget, found: set[Seen]) -> None:
    title = root.windowTitle() or _name(root)
    if root.isWindow():
        found.add(Seen(title, "window title", root.windowTitle()))
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget, root):
            continue
        for kind, text in _widget_texts(widget):
            text = _plain(text).strip()
            if text:
                found.add(Seen(f"{title} / {_name(widget)}", kind, text))


def chrome_texts(root: QWidget) -> set[Seen]:
    """Every visible text of `root` outside item-view cells, on every page of every tab widget."""
    found: set[Seen] = set()
    _collect(root, found)
    for tabs in root.findChildren(QTabWidget):
        if not _shown(tabs, root):
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            _collect(tabs.widget(index), found)
        tabs.setCurrentIndex(current)
    return found


class SiteData:
    """The strings a site's database holds: names, addresses, grids, free text. Shown in chrome they are
    data, not words to translate. A stored string the translations know (a category, a tag, a role
    name) is vocabulary, shown translated, so it does not count as data."""

    def __init__(self, db, vocabulary: set[str]) -> None:
        strings: set[str] = set(_household_addresses(db)) | set(_health_notes(db))
        with db.session() as session:
            for table in _tables(session):
                columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
                if not columns:
                    continue
                for row in session.execute(select(*columns)):
                    strings.update(value for value in row if isinstance(value, str))
        self.strings = sorted(
            (s for s in strings if len(s.strip()) >= 2 and s not in vocabulary), key=len, reverse=True
        )
        self._pattern = re.compile("|".join(re.escape(s) for s in self.strings)) if self.strings else None

    def without_data(self, text: str) -> str:
        return self._pattern.sub(" ", text) if self._pattern is not None else text


def _household_addresses(db) -> list[str]:
    """A household's address as the core writes it (building address, unit, room: app/models/residents.py):
    an address is data, whatever the screen's language."""
    from app.models import Household

    with db.session() as session:
        return [household.address for household in session.scalars(select(Household))]


def _health_notes(db) -> list[str]:
    """The residents' health notes, sealed at rest (app/privacy/roster_cipher.py): personal data."""
    from app.models import Resident
    from app.privacy.roster_cipher import RosterCipher

    with db.session() as session:
        cipher = RosterCipher.of_site(session)
        residents = session.scalars(select(Resident).where(Resident.health_sealed.is_not(None)))
        return [note for note in map(cipher.health_note, residents) if note]


def _tables(session):
    from sqlalchemy import MetaData

    metadata = MetaData()
    metadata.reflect(bind=session.get_bind(), only=inspect(session.get_bind()).get_table_names())
    return metadata.sorted_tables


CJK_RUN = re.compile(CJK.pattern + "+")


def untranslated_in_english(seen: Iterable[Seen], data: SiteData) -> list[tuple[Seen, list[str]]]:
    """Texts with Chinese characters left once the site's data is taken out, and those characters."""
    bad = []
    for item in seen:
        runs = CJK_RUN.findall(data.without_data(item.text))
        if runs:
            bad.append((item, runs))
    return sorted(bad, key=lambda pair: (pair[0].where, pair[0].text))


def english_in_chinese(
    seen: Iterable[Seen], data: SiteData, allowed: set[str]
) -> list[tuple[Seen, list[str]]]:
    """Texts with English words outside the allowed proper nouns and units, data taken out."""
    bad = []
    for item in seen:
        text = LITERAL.sub(" ", data.without_data(item.text))
        words = [w for w in ENGLISH_WORD.findall(text) if w not in allowed]
        if words:
            bad.append((item, words))
    return sorted(bad, key=lambda pair: (pair[0].where, pair[0].text))


class WindowCatcher(QObject):
    """Walks and closes every window that shows while installed (dialogs, message boxes, file dialogs,
    popups), modal ones inside their own event loop; nested ones (a dialog opened by a dialog) too."""

    def __init__(self, main_window: QWidget, on_window: Callable[[QWidget], None]) -> None:
        super().__init__()
        self.main_window = main_window
        self.on_window = on_window
        self.caught: list[str] = []
        self._pending: list[QWidget] = []

    def __enter__(self) -> WindowCatcher:
        QApplication.instance().installEventFilter(self)
        return self

    def __exit__(self, *exc) -> None:
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self.main_window
            and watched.windowType() != Qt.WindowType.ToolTip
            and watched not in self._pending
        ):
            self._pending.append(watched)
            QTimer.singleShot(0, lambda w=watched: self._walk_and_close(w))
        return False

    def _walk_and_close(self, window: QWidget) -> None:
        try:
            if window.isVisible():
                self.caught.append(window.windowTitle() or _name(window))
                self.on_window(window)
                if isinstance(window, QDialog):
                    window.reject()
                window.close()
        finally:
            self._pending.remove(window)

    def settle(self, rounds: int = 5) -> None:
        """Let every caught window be walked and closed (a modal one returns from its exec)."""
        for _ in range(rounds):
            QApplication.processEvents()
            if not self._pending:
                break


def clickable_buttons(root: QWidget) -> list[QAbstractButton]:
    return [
        b
        for b in root.findChildren(QAbstractButton)
        if b.isVisibleTo(root) and b.isEnabled() and not isinstance(b.parent(), QTabBar)
    ]


def item_views(root: QWidget) -> list[QAbstractItemView]:
    return [
        v
        for v in root.findChildren(QAbstractItemView)
        if v.isVisibleTo(root) and not isinstance(v, QHeaderView)
    ]
