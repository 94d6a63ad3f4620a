"""The map view exported as a picture: PNG at twice the screen's pixels, or PDF (A4 landscape) with a
title line (the breadcrumb and the site's time) and the legend in its corner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget

from widgets.map.canvas import MapCanvas

PDF_DPI = 150


def export_view(canvas: MapCanvas, legend: QWidget, title: str, font_family: str, path: str | Path) -> Path:
    """The current view as PNG (twice the screen's pixels) or PDF (A4 landscape, titled)."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        _export_pdf(canvas, legend, title, font_family, path)
    else:
        image = canvas.render_image(canvas.size() * 2)
        if not image.save(str(path)):
            raise OSError(f"无法写入图片 {path} (could not write the image)")
    return path


def _export_pdf(canvas: MapCanvas, legend: QWidget, title: str, font_family: str, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setResolution(PDF_DPI)
    writer.setTitle(QCoreApplication.translate("MapPanel", "网格地图"))
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"无法写入 PDF {path} (could not write the PDF)")
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    painter.setFont(QFont(font_family, 12))
    painter.drawText(QRectF(0, 0, page.width(), 40), Qt.AlignmentFlag.AlignVCenter, title)
    painter.translate(0, 50)
    map_height = page.height() - 50
    aspect = canvas.height() / max(canvas.width(), 1)
    size = QSize(page.width(), min(map_height, round(page.width() * aspect)))
    painter.setClipRect(QRectF(0, 0, size.width(), size.height()))
    canvas.render_into(painter, size)
    painter.setClipping(False)
    if legend.isVisible():
        painter.translate(10, size.height() - legend.height() * 2 - 10)
        painter.scale(2, 2)
        legend.render(painter)
    painter.end()
