"""Screenshots of the AI screens for looking at: saved when GCC_SCREENSHOTS names a folder."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget


def save_shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("GCC_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))
