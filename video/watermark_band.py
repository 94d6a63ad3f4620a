"""The watermark band every picture taken out of a clip carries (an export's every frame, a snapshot):
a dark line across the foot of the picture with white text saying the site, the camera, the event
time, who exported it and when.

Drawn here without Qt (Pillow's FreeType), so the window's 导出 and the command line's `clips export`
burn in the same band. The text is Chinese or English and names Chinese places and people, so the font
is the window's own CJK family (`widgets/theme.UI_FONTS`, Noto Sans CJK SC first), found through
fontconfig or the usual Windows and macOS files; without one the export stops with a clear message
rather than drawing empty boxes.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

BAND_SHARE = 16  # the band is a sixteenth of the picture's height (at least 14 pixels)
BAND_ALPHA = 150
TEXT_ALPHA = 235
TEXT_SHARE = 0.62  # the text's pixel size as a share of the band's height
MARGIN_PX = 6
LINE_SHARE = 1.4  # a line's height as a share of the text's pixel size
SEPARATOR = " · "  # between the line's parts: where a long line is broken
# the window's CJK families in its order (widgets/theme.UI_FONTS: this module cannot import Qt)
FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")
KNOWN_FILES = (  # where those families live when there is no fontconfig to ask (Windows, macOS)
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


class WatermarkFontError(Exception):
    """No font that draws Chinese is installed; the message says what to install."""


def band_height(picture_height: int) -> int:
    return max(14, picture_height // BAND_SHARE)


@lru_cache(maxsize=1)
def font_file() -> tuple[str, int]:
    """(file, face index) of the first installed family of FAMILIES."""
    if shutil.which("fc-match"):
        for family in FAMILIES:
            answer = subprocess.run(
                ["fc-match", "-f", "%{family}|%{file}|%{index}", family],
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            ).stdout
            names, _, rest = answer.partition("|")
            path, _, index = rest.partition("|")
            if family in names.split(",") and Path(path).is_file():
                return path, int(index or 0)
    for path in KNOWN_FILES:
        if Path(path).is_file():
            return path, _face_index(path)
    raise WatermarkFontError(
        "没有可显示中文的字体，无法加水印：请安装 fonts-noto-cjk "
        "(no font that draws Chinese is installed for the watermark: install fonts-noto-cjk)"
    )


def _face_index(path: str) -> int:
    """The simplified-Chinese face of a font collection (Noto's .ttc holds JP, KR, SC, ...)."""
    for index in range(8):
        try:
            name = ImageFont.truetype(path, 12, index=index).getname()[0]
        except OSError:
            break
        if name in FAMILIES:
            return index
    return 0


def watermark_pixels(text: str, width: int, height: int) -> np.ndarray:
    """The band for a picture `width` x `height`: an (h, width, 4) RGBA array, straight alpha. A line
    too long for a narrow picture goes on as many lines as it needs, broken at its " · " parts, so who
    exported it and when are never cut off."""
    path, index = font_file()
    size = max(9, int(band_height(height) * TEXT_SHARE))
    font = ImageFont.truetype(path, size, index=index)
    lines = _wrapped(text, font, width - 2 * MARGIN_PX)
    step = round(size * LINE_SHARE)
    band_h = max(band_height(height), step * len(lines) + (band_height(height) - step))
    band = Image.new("RGBA", (width, band_h), (0, 0, 0, BAND_ALPHA))
    text_layer = Image.new("RGBA", (width, band_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(text_layer)
    top = (band_h - step * len(lines)) / 2
    for number, line in enumerate(lines):
        middle = top + step * (number + 0.5)
        draw.text((MARGIN_PX, middle), line, font=font, fill=(255, 255, 255, TEXT_ALPHA), anchor="lm")
    return np.asarray(Image.alpha_composite(band, text_layer)).copy()


def _wrapped(text: str, font: ImageFont.FreeTypeFont, room: float) -> list[str]:
    """`text` as lines no wider than `room`, broken between its " · " parts (a part wider than the
    room stays whole on its own line: nothing of it is dropped)."""
    lines: list[str] = []
    for part in text.split(SEPARATOR):
        joined = f"{lines[-1]}{SEPARATOR}{part}" if lines else part
        if lines and font.getlength(joined) > room:
            lines.append(part)
        elif lines:
            lines[-1] = joined
        else:
            lines.append(part)
    return lines


def blend_foot(rgb: np.ndarray, overlay: np.ndarray) -> np.ndarray:
    """`rgb` (h, w, 3) with `overlay` (oh, ow, 4 RGBA) blended over its bottom-left corner."""
    height = min(overlay.shape[0], rgb.shape[0])
    width = min(overlay.shape[1], rgb.shape[1])
    patch = overlay[-height:, :width].astype(np.uint16)
    alpha = patch[..., 3:4]
    foot = rgb[-height:, :width].astype(np.uint16)
    out = rgb.copy()
    out[-height:, :width] = ((patch[..., :3] * alpha + foot * (255 - alpha)) // 255).astype(np.uint8)
    return out


def watermarked(rgb: np.ndarray, text: str) -> np.ndarray:
    """A copy of the picture `rgb` (h, w, 3) with the band across its foot."""
    return blend_foot(rgb, watermark_pixels(text, rgb.shape[1], rgb.shape[0]))
