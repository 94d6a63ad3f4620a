"""The 公示 of a counted vote printed to PDF (A4): the core's notice page laid out by Qt's rich text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def write_notice_pdf(html: str, path: Path) -> None:
    """Writes `html` (app/grid_work/vote_notice.py) to `path`; OSError when the file cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)
        )
    )
    writer.setResolution(300)
    writer.setTitle("表决结果公示")
    document = QTextDocument()
    document.setDefaultStyleSheet("th, td { padding: 6px; } h1 { font-size: 22pt; }")
    document.setHtml(html)
    document.print_(writer)
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"PDF not written: {path}")
