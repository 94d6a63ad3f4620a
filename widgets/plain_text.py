"""Text people typed is shown as typed: labels in plain-text format; tooltips and message
boxes get the text converted to rich text that shows it literally.

A QLabel and a tooltip guess: text whose first tag is an HTML tag is rendered as rich text, so a name
like `<img src=file:///etc/passwd>` would load a local image and `<b>x</b>` would turn bold. Every
label or tooltip that shows a name, an address, a note, a file name or an error (which may quote any
of them) goes through here; labels that build rich text on purpose escape what they interpolate.
"""

from __future__ import annotations

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel


def plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def literal_html(text: str) -> str:
    """Rich text that shows `text` literally: for tooltips and message boxes, which have no text
    format of their own to set."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""
