"""Questions and short results in message boxes, in one place so tests can answer them."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from widgets.plain_text import literal_html


def ask_to_confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question whose safe answer (No) is the default."""
    answer = QMessageBox.warning(
        parent,
        title,
        literal_html(text),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget | None, title: str, text: str, *, failed: bool = False) -> None:
    (QMessageBox.warning if failed else QMessageBox.information)(parent, title, literal_html(text))
