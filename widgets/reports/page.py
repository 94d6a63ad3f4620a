"""A flowing A4 page for QPdfWriter (or the preview's images): text, tables and charts laid out top to bottom, a new page when
the next block does not fit, the report's title and a page number at the foot of each page.

Coordinates are the writer's device units (its resolution per inch); everything is drawn as vectors
and text, so the PDF stays sharp at any zoom and its text can be searched and copied.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

# DejaVu Sans first for Latin letters and digits: with Droid first, Qt's PDF text map loses the digits
# of a run mixing them with other text (a receipt "BJ-202610-024" reads "BJ- -", "（70 件）" reads
# "（ 件）"). Chinese then comes from Droid Sans Fallback: Qt writes the PDF's text map from the font's
# cmap, and Noto CJK maps many ideographs' glyphs from the Kangxi radicals too (⼯ for 工), so its text
# copied or searched in a PDF is wrong; Droid's is right. Noto CJK still draws anything Droid lacks.
# Droid and Noto come from .ci/install, DejaVu Sans with fontconfig (fonts-dejavu-core). The report, the
# fund statement and the postcards share this list.
FONT_FAMILIES = ["DejaVu Sans", "Droid Sans Fallback", "Noto Sans CJK SC"]
RESOLUTION = 300  # device units per inch
HEADER_BG = QColor("#1f4e79")
ROW_ALT = QColor("#eef3f8")


MARGIN_MM = 15
A4_MM = (210.0, 297.0)


class PdfSheets:
    """The pages of a PDF file (QPdfWriter), drawn in RESOLUTION units per inch inside the margins."""

    def __init__(self, path: str, title: str) -> None:
        self.writer = QPdfWriter(path)
        self.writer.setResolution(RESOLUTION)
        self.writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.A4),
                QPageLayout.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Millimeter,
            )
        )
        self.writer.setTitle(title)
        self.writer.setCreator("网格指挥中心 Grid Command Centre")
        self.painter = QPainter(self.writer)
        area = self.writer.pageLayout().paintRectPixels(RESOLUTION)
        self.width, self.height = float(area.width()), float(area.height())

    def new_page(self) -> None:
        self.writer.newPage()

    def close(self) -> None:
        self.painter.end()


class ImageSheets:
    """The same pages as images (the export dialog's preview): each a whole white A4 sheet at `dpi`,
    drawn in the PDF's units, so the preview is laid out, wrapped and paged exactly like the file.
    Painting on a QImage is allowed off the GUI thread."""

    def __init__(self, dpi: float) -> None:
        self.dpi = dpi
        self.images: list[QImage] = []
        mm = RESOLUTION / 25.4
        self.width = (A4_MM[0] - 2 * MARGIN_MM) * mm
        self.height = (A4_MM[1] - 2 * MARGIN_MM) * mm
        self.painter = QPainter()
        self.new_page()

    def new_page(self) -> None:
        if self.painter.isActive():
            self.painter.end()
        image = QImage(
            round(A4_MM[0] / 25.4 * self.dpi), round(A4_MM[1] / 25.4 * self.dpi), QImage.Format_RGB32
        )
        image.fill(QColor("white"))
        dots_per_metre = round(RESOLUTION / 0.0254)  # fonts sized in points for the PDF's units
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        self.images.append(image)
        self.painter.begin(image)
        self.painter.scale(self.dpi / RESOLUTION, self.dpi / RESOLUTION)
        self.painter.translate(MARGIN_MM * RESOLUTION / 25.4, MARGIN_MM * RESOLUTION / 25.4)

    def close(self) -> None:
        self.painter.end()


class PdfPage:
    """Flows the report's blocks down the pages of `sheets` (a PDF file or preview images)."""

    def __init__(self, sheets: PdfSheets | ImageSheets, footer: str) -> None:
        self.sheets = sheets
        self.painter = sheets.painter
        self.painter.setRenderHint(QPainter.Antialiasing)
        self.width, self.height = sheets.width, sheets.height
        self.footer, self.page, self.y = footer, 1, 0.0
        self.mm = RESOLUTION / 25.4

    def font(self, points: float) -> QFont:
        """The report's font. Never bold: Droid Sans Fallback has no bold face, and the bold Qt
        synthesises smears ideographs; headings stand out by size and colour instead."""
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPointSizeF(points)
        return font

    def finish(self) -> None:
        self._foot()
        self.sheets.close()

    def room(self, height: float) -> None:
        """A new page unless `height` still fits on this one."""
        if self.y + height > self.height - 10 * self.mm:
            self._foot()
            self.sheets.new_page()
            self.painter.setRenderHint(QPainter.Antialiasing)
            self.page += 1
            self.y = 0.0

    def _foot(self) -> None:
        self.painter.setFont(self.font(8))
        self.painter.setPen(QColor("#666666"))
        rect = QRectF(0, self.height - 6 * self.mm, self.width, 6 * self.mm)
        self.painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, self.footer)
        self.painter.drawText(rect, Qt.AlignRight | Qt.AlignVCenter, f"第 {self.page} 页")
        self.painter.setPen(QColor("black"))

    def text(
        self, text: str, points: float = 10.5, bold: bool = False, gap_mm: float = 2.0, align=Qt.AlignLeft
    ) -> None:
        self.painter.setFont(self.font(points))
        self.painter.setPen(HEADER_BG if bold else QColor("black"))
        bounds = self.painter.boundingRect(
            QRectF(0, 0, self.width, 10_000), int(align | Qt.TextWordWrap), text
        )
        self.room(bounds.height())
        self.painter.drawText(
            QRectF(0, self.y, self.width, bounds.height()), int(align | Qt.TextWordWrap), text
        )
        self.painter.setPen(QColor("black"))
        self.y += bounds.height() + gap_mm * self.mm

    def gap(self, mm: float) -> None:
        self.y += mm * self.mm

    def table_height(self, rows: int, points: float = 8.5) -> float:
        """How tall a table of `rows` rows and its header is (to keep a short table on one page)."""
        return (rows + 1) * points * 2.1 / 72 * RESOLUTION

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        shares: Sequence[float],
        points: float = 8.5,
    ) -> None:
        """A table across the page; the header is repeated on each page it runs onto."""
        widths = [self.width * s / sum(shares) for s in shares]
        line = points * 2.1 / 72 * RESOLUTION
        self.room(line * 2)
        self._row(headers, widths, line, points, header=True)
        for n, row in enumerate(rows):
            if self.y + line > self.height - 10 * self.mm:
                self.room(line * 2)
                self._row(headers, widths, line, points, header=True)
            self._row(row, widths, line, points, shade=n % 2 == 1)
        self.gap(4)

    def _row(
        self,
        cells: Sequence[str],
        widths: Sequence[float],
        line: float,
        points: float,
        *,
        header: bool = False,
        shade: bool = False,
    ) -> None:
        painter, x = self.painter, 0.0
        if header or shade:
            painter.fillRect(QRectF(0, self.y, sum(widths), line), HEADER_BG if header else ROW_ALT)
        painter.setFont(self.font(points))
        painter.setPen(QColor("white") if header else QColor("black"))
        pad = 1.2 * self.mm
        for cell, width in zip(cells, widths, strict=True):
            rect = QRectF(x + pad, self.y, width - 2 * pad, line)
            text = painter.fontMetrics().elidedText(str(cell), Qt.ElideRight, int(rect.width()))
            painter.drawText(rect, int(Qt.AlignVCenter | Qt.AlignLeft), text)
            x += width
        painter.setPen(QPen(QColor("#c8d2dc"), 0))
        painter.drawLine(0, self.y + line, sum(widths), self.y + line)
        painter.setPen(QColor("black"))
        self.y += line
