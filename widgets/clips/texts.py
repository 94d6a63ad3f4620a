"""The clip views' translation context (English in resources/i18n/en/clips_ui.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("ClipsUi", text)
