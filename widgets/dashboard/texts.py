"""The dashboard's words: Chinese source text, English in resources/i18n/en/dashboard.ts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Dashboard"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def percent(value: float | None) -> str:
    """A rate as the wall shows it: one decimal, or a dash while no ticket has the figure."""
    return "—" if value is None else f"{value * 100:.1f}%"
