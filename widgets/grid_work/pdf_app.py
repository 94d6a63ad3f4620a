"""The Qt application a command needs to write a PDF (fonts live in a GUI application): started
offscreen when there is no display, so the commands run on a server too (as `report` does)."""

from __future__ import annotations

import os


def pdf_application() -> object:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    # a QApplication, not a bare QGuiApplication: a window opened later in the same process (a test
    # run, a seat printing) needs the widgets' application, and there is only ever one
    return QApplication.instance() or QApplication([])
