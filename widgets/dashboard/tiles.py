"""The wall's building blocks: a titled card and a big number with its caption beneath."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from widgets.dashboard.texts import tr


class Card(QFrame):
    """A dark panel with a heading; `body` is where its content goes."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashCard")
        self.title_source = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        self.heading = QLabel()
        self.heading.setObjectName("dashCardTitle")
        layout.addWidget(self.heading)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout.addLayout(self.body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr(self.title_source))


class BigNumber(QWidget):
    """A figure large enough to read from five metres, its caption under it."""

    def __init__(self, caption: str, colour: str, small: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption_source = caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(0)
        self.value = QLabel("—", alignment=Qt.AlignmentFlag.AlignCenter)
        self.value.setObjectName("dashValueSmall" if small else "dashValue")
        self.value.setStyleSheet(f"color: {colour};")
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.caption.setObjectName("dashLabel")
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.retranslate()

    def set_value(self, text: str) -> None:
        self.value.setText(text)

    def retranslate(self) -> None:
        self.caption.setText(tr(self.caption_source))


class NumberRow(Card):
    """A card of big numbers side by side, looked up by key."""

    def __init__(
        self, title: str, figures: list[tuple[str, str, str]], small: bool = False, columns: int = 0
    ) -> None:
        super().__init__(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        per_row = columns or len(figures)
        self.numbers: dict[str, BigNumber] = {}
        for index, (key, caption, colour) in enumerate(figures):
            number = BigNumber(caption, colour, small)
            self.numbers[key] = number
            grid.addWidget(number, index // per_row, index % per_row)
        self.body.addLayout(grid)
        self.body.addStretch(1)

    def set_values(self, values: dict[str, str]) -> None:
        for key, text in values.items():
            self.numbers[key].set_value(text)

    def retranslate(self) -> None:
        super().retranslate()
        for number in getattr(self, "numbers", {}).values():
            number.retranslate()
