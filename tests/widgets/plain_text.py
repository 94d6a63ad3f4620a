"""Feeding markup through a view: what a person typed must show as typed, never as HTML.

`markup_leaks(root)` lists every label, text view and tooltip under `root` that would render the
hostile strings as HTML (a local image loaded, bold text); `shown_text(root)` is what the user reads,
so a test can also check the strings arrived at all (a test that shows nothing proves nothing).
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    Qt,  # QtGui's Qt namespace holds mightBeRichText
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QWidget

IMAGE = "<img src=file:///etc/passwd>"
BOLD = "<b>x</b>"
HOSTILE = (IMAGE, BOLD)
_RENDERED = re.compile(r"<img[^>]*etc/passwd|font-weight:\s*(?:600|700|bold);?\">x<")


def _is_rich(text: str, text_format: Qt.TextFormat) -> bool:
    return text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )


def renders_markup(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether Qt would render the hostile strings in `text` as HTML (AutoText: as tooltips do)."""
    return any(hostile in text for hostile in HOSTILE) and _is_rich(text, text_format)


def markup_leaks(root: QWidget) -> list[str]:
    leaks = []
    for widget in (root, *root.findChildren(QWidget)):
        where = f"{type(widget).__name__}({widget.objectName() or '-'})"
        if isinstance(widget, QLabel) and renders_markup(widget.text(), widget.textFormat()):
            leaks.append(f"{where}: {widget.text()[:120]}")
        if isinstance(widget, QTextEdit) and _RENDERED.search(widget.toHtml()):
            leaks.append(f"{where} renders the markup")
        if renders_markup(widget.toolTip(), Qt.TextFormat.AutoText):
            leaks.append(f"{where} tooltip: {widget.toolTip()[:120]}")
    return leaks


def shown_text(root: QWidget) -> str:
    parts = []
    for widget in (root, *root.findChildren(QWidget)):
        if isinstance(widget, QLabel):
            text = widget.text()
            if _is_rich(text, widget.textFormat()):
                document = QTextDocument()
                document.setHtml(text)
                text = document.toPlainText()
            parts.append(text)
        elif isinstance(widget, QTextEdit):
            parts.append(widget.toPlainText())
    return "\n".join(parts)
