"""Looks the AI screens need beyond the shell's dark theme (radio buttons, check boxes, group boxes,
picture frames), in the theme's colours; and the one way their tables are set up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView, QWidget

STYLE = """
QGroupBox { border: 1px solid #24344f; border-radius: 6px; margin-top: 14px; padding: 8px 6px 6px 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #2f8cff; font-weight: bold; }
QRadioButton::indicator, QCheckBox::indicator {
    width: 14px; height: 14px; border: 1px solid #3a5580; background: #0e1624;
}
QRadioButton::indicator { border-radius: 8px; }
QRadioButton::indicator:checked { width: 8px; height: 8px; border: 4px solid #2f8cff; background: #e6f0ff; }
QCheckBox::indicator { border-radius: 3px; }
QCheckBox::indicator:checked { background: #2f8cff; border-color: #2f8cff; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #24344f; background: #131e30; }
QCheckBox:disabled, QRadioButton:disabled { color: #5b6b82; }
QPushButton#primary:disabled { background: #131e30; border-color: #24344f; color: #5b6b82; }
QLabel#picture { background: #0b121e; border: 1px solid #24344f; border-radius: 4px; color: #5b6f8c; }
QLabel#eventTitle { font-size: 13pt; font-weight: bold; color: #ffffff; }
QLabel#fieldName { color: #8fa3bf; }
QLabel#resultCount { color: #8fa3bf; }
"""


def quiet_buttons(dialog: QWidget) -> None:
    """Only the primary button answers Enter in a dialog; the others (delete!) never turn default."""
    for button in dialog.findChildren(QPushButton):
        if button.objectName() != "primary":
            button.setAutoDefault(False)
            button.setDefault(False)


def setup_table(table: QTableView, widths: Sequence[int], stretch: int | None = None) -> None:
    """Whole-row single selection, no editing, fixed starting widths (the theme's cell padding makes
    ResizeToContents cut texts short), one column taking the rest."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
