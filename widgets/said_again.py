"""Fixed words of a widget said again when the language changes.

A widget that builds its labels once (`QLabel(tr("范围"))`) keeps them in the language it was built in.
`SaidAgain(owner, tr)` makes them instead — `words.label("范围")`, `words.button("统计")`,
`words.tab(tabs, widget, "工单队列")`, `words.text(widget.setToolTip, "…")`, `words.counted(label.setText,
"共 {0} 件")(23)` — and sets every one again
from its Chinese source when Qt sends the owner LanguageChange.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QWidget

Translate = Callable[[str], str]


class SaidAgain(QObject):
    def __init__(self, owner: QWidget, translate: Translate) -> None:
        super().__init__(owner)
        self._translate = translate
        self._setters: list[Callable[[], None]] = []
        owner.installEventFilter(self)

    def text(self, setter: Callable[[str], object], *sources: str, join: str = "") -> None:
        """Call `setter` with the sources translated (and joined) now and after every language change."""

        def say() -> None:
            setter(join.join(self._translate(source) for source in sources))

        say()
        self._setters.append(say)

    def counted(self, setter: Callable[[str], object], source: str) -> Callable[..., None]:
        """For a text with figures ("共 {0} 件"): returns the function to call with the figures; the
        last ones are said again in the new language."""
        figures: list[object] = []

        def show(*values: object) -> None:
            figures[:] = values
            setter(self._translate(source).format(*values))

        self._setters.append(lambda: show(*figures) if figures else None)
        return show

    def label(self, source: str) -> QLabel:
        label = QLabel()
        self.text(label.setText, source)
        return label

    def button(self, *sources: str) -> QPushButton:
        button = QPushButton()
        self.text(button.setText, *sources)
        return button

    def tab(self, tabs: QTabWidget, page: QWidget, source: str) -> int:
        index = tabs.addTab(page, "")
        self.text(lambda text: tabs.setTabText(tabs.indexOf(page), text), source)
        return index

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            for say in self._setters:
                say()
        return False
