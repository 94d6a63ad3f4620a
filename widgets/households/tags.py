"""How resident tags look everywhere in the shell: coloured chips with an icon and a translated name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from runtime.types import TAG_ZH
from widgets.theme import icon

TAG_COLOURS = {
    "party_member": "#d93636",
    "elderly_alone": "#e8833a",
    "disabled": "#3f8fd8",
    "key_person": "#c9302c",
    "low_income": "#2e9e6b",
    "veteran": "#7a5cc9",
    "minor": "#2aa3b8",
    "floating": "#6b7d99",
}
OTHER_COLOUR = "#56657d"


def tag_colour(tag: str) -> str:
    return TAG_COLOURS.get(tag, OTHER_COLOUR)


def tag_icon_name(tag: str) -> str:
    return f"tag_{tag}" if tag in TAG_COLOURS else "tag_other"


def tag_text(tag: str) -> str:
    """The tag's name in the current language (Chinese source from the model, English from shell.ts)."""
    return QCoreApplication.translate("Tags", TAG_ZH.get(tag, tag))


CHIP_HEIGHT = 20
CHIP_ICON = 12
CHIP_PADDING = 6
CHIP_GAP = 4


def chip_width(metrics: QFontMetrics, tag: str) -> int:
    return CHIP_PADDING * 2 + CHIP_ICON + 4 + metrics.horizontalAdvance(tag_text(tag))


def paint_chips(painter: QPainter, rect: QRect, tags: tuple[str, ...]) -> None:
    """Draw tags as coloured chips left to right, vertically centred in `rect`, clipped to it."""
    metrics = painter.fontMetrics()
    x = rect.left()
    top = rect.top() + (rect.height() - CHIP_HEIGHT) // 2
    painter.save()
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for tag in tags:
        width = chip_width(metrics, tag)
        chip = QRect(x, top, width, CHIP_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tag_colour(tag)))
        painter.drawRoundedRect(chip, CHIP_HEIGHT / 2, CHIP_HEIGHT / 2)
        glyph = QRect(x + CHIP_PADDING, top + (CHIP_HEIGHT - CHIP_ICON) // 2, CHIP_ICON, CHIP_ICON)
        icon(tag_icon_name(tag), "#ffffff").paint(painter, glyph)
        painter.setPen(QColor("#ffffff"))
        text_rect = QRect(glyph.right() + 5, top, width - CHIP_PADDING - CHIP_ICON - 4, CHIP_HEIGHT)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, tag_text(tag))
        x += width + CHIP_GAP
    painter.restore()


def chips_width(metrics: QFontMetrics, tags: tuple[str, ...]) -> int:
    return sum(chip_width(metrics, tag) for tag in tags) + CHIP_GAP * max(len(tags) - 1, 0)


class TagChips(QWidget):
    """A row of tag chips (the household card uses one per person)."""

    def __init__(self, tags: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tags = tags
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip("、".join(tag_text(tag) for tag in tags))

    def sizeHint(self) -> QSize:
        return QSize(chips_width(self.fontMetrics(), self.tags), CHIP_HEIGHT + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_chips(painter, self.rect(), self.tags)
        painter.end()


class TagChipsDelegate(QStyledItemDelegate):
    """Paints the tags column of a results list as chips (the model's TAGS_ROLE gives the tag values)."""

    def __init__(self, tags_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._role = tags_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        tags = index.data(self._role) or ()
        text_less = QStyleOptionViewItem(option)
        self.initStyleOption(text_less, index)
        text_less.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_less, painter, option.widget)
        paint_chips(painter, option.rect.adjusted(6, 0, -4, 0), tuple(tags))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        tags = index.data(self._role) or ()
        return QSize(chips_width(option.fontMetrics, tuple(tags)) + 12, CHIP_HEIGHT + 8)
