"""The dark control-room look: QSS theme, palette, a readable CJK font, and the SVG icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
THEMES = RESOURCES / "themes"
ICONS = RESOURCES / "icons"

# Noto Sans CJK SC ships with fonts-noto-cjk; the others are what a Chinese Windows or macOS seat has.
UI_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei"]
UI_FONT_SIZE_PT = 10

COLOURS = {
    "window": "#0e1624",
    "panel": "#131e30",
    "raised": "#1a2840",
    "border": "#24344f",
    "text": "#dce6f2",
    "muted": "#8fa3bf",
    "accent": "#2f8cff",
    "danger": "#ef5350",
    "warn": "#f0b429",
    "ok": "#35c27a",
}


def ui_font_family() -> str:
    """The first installed family of UI_FONTS (Qt's default when none is installed)."""
    installed = set(QFontDatabase.families())
    return next((family for family in UI_FONTS if family in installed), QFont().family())


def apply_theme(app: QApplication, name: str = "dark") -> None:
    """Style the whole application: font, palette (for native parts) and the QSS sheet."""
    font = QFont(ui_font_family(), UI_FONT_SIZE_PT)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    app.setStyleSheet((THEMES / f"{name}.qss").read_text(encoding="utf-8"))


def dark_palette() -> QPalette:
    palette = QPalette()
    c = {key: QColor(value) for key, value in COLOURS.items()}
    roles = QPalette.ColorRole
    palette.setColor(roles.Window, c["window"])
    palette.setColor(roles.WindowText, c["text"])
    palette.setColor(roles.Base, c["panel"])
    palette.setColor(roles.AlternateBase, c["raised"])
    palette.setColor(roles.Text, c["text"])
    palette.setColor(roles.Button, c["raised"])
    palette.setColor(roles.ButtonText, c["text"])
    palette.setColor(roles.Highlight, c["accent"])
    palette.setColor(roles.HighlightedText, QColor("#ffffff"))
    palette.setColor(roles.ToolTipBase, c["raised"])
    palette.setColor(roles.ToolTipText, c["text"])
    palette.setColor(roles.PlaceholderText, c["muted"])
    palette.setColor(roles.Link, c["accent"])
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, c["muted"])
    return palette


@cache
def icon(name: str, colour: str = COLOURS["text"]) -> QIcon:
    """An icon from resources/icons/<name>.svg drawn in `colour` (the SVGs use currentColor)."""
    path = ICONS / f"{name}.svg"
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(svg.encode("utf-8"))
    result = QIcon()
    for size in (16, 20, 24, 26, 32, 40, 48, 52, 64, 96):  # the larger ones serve high-DPI screens
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
