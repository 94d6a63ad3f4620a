"""The wall's own look, over the application's theme: near-black, large type, colours that carry meaning
(red overdue and alarms, green closed, amber in progress), legible from five metres at 1920x1080."""

from __future__ import annotations

BACKGROUND = "#05101f"
PANEL = "#0b1d35"
EDGE = "#1d3d66"
TEXT = "#e8f1ff"
MUTED = "#8fb3de"
BLUE = "#38a3ff"
GREEN = "#3ddc84"
AMBER = "#ffc53d"
RED = "#ff4d4f"
CYAN = "#36cfc9"
VIOLET = "#b37feb"


def sheet(font_family: str) -> str:
    """The QSS of the dashboard and everything in it (object names set by its widgets)."""
    return f"""
#dashboardWall {{ background: {BACKGROUND}; font-family: "{font_family}"; }}
#dashboardWall QLabel {{ color: {TEXT}; background: transparent; }}
#dashTitle {{ font-size: 40px; font-weight: 700; letter-spacing: 4px; }}
#dashSite, #dashPageName {{ font-size: 26px; color: {MUTED}; }}
#dashClock {{ font-size: 40px; font-weight: 600; color: {CYAN}; }}
#dashPaused {{ font-size: 22px; color: {AMBER}; }}
#dashHeader {{ border-bottom: 2px solid {EDGE}; }}
#dashCard {{ background: {PANEL}; border: 1px solid {EDGE}; border-radius: 10px; }}
#dashCardTitle {{ font-size: 28px; font-weight: 600; color: {MUTED}; }}
#dashValue {{ font-size: 68px; font-weight: 700; }}
#dashValueSmall {{ font-size: 52px; font-weight: 700; }}
#dashLabel {{ font-size: 24px; color: {MUTED}; }}
#dashListRow {{ background: transparent; border: none; }}
#dashRow {{ font-size: 27px; }}
#dashRowMuted {{ font-size: 24px; color: {MUTED}; }}
#dashEmpty {{ font-size: 28px; color: {MUTED}; }}
#dashDot {{ font-size: 30px; color: {EDGE}; }}
#dashDotOn {{ font-size: 30px; color: {BLUE}; }}
"""
