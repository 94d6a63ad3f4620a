"""The watermark band drawn without Qt: one line across a wide picture, as many as it needs on a narrow
one (who exported it and when are never cut off), and a clear refusal when no font draws Chinese."""

from __future__ import annotations

import numpy as np
import pytest

from video import watermark_band
from video.watermark_band import WatermarkFontError, band_height, watermark_pixels

LINE = "幸福里社区 · 东门 · event 2026-12-08 06:57:24 · exported by zhibanzhang 2026-12-08 07:05:38"


def _text_rows(band: np.ndarray) -> list[int]:
    """Rows holding the band's white letters."""
    return [row for row in range(band.shape[0]) if (band[row, :, :3].min(axis=1) > 200).any()]


def test_a_wide_picture_gets_one_line_and_a_narrow_one_as_many_as_the_text_needs():
    wide = watermark_pixels(LINE, 1920, 1080)
    assert wide.shape == (band_height(1080), 1920, 4) and _text_rows(wide)
    narrow = watermark_pixels(LINE, 320, 180)
    assert narrow.shape[1] == 320 and narrow.shape[0] >= 2 * band_height(180) - 4
    rows = _text_rows(narrow)
    assert rows[0] < narrow.shape[0] / 2 < rows[-1]  # letters in the upper and the lower line
    assert (narrow[..., 3] >= watermark_band.BAND_ALPHA).all()  # a dark band behind all of it


def test_no_font_that_draws_chinese_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(watermark_band.shutil, "which", lambda _name: None)
    monkeypatch.setattr(watermark_band, "KNOWN_FILES", ("/nonexistent/font.ttc",))
    watermark_band.font_file.cache_clear()
    try:
        with pytest.raises(WatermarkFontError, match="fonts-noto-cjk"):
            watermark_pixels(LINE, 640, 360)
    finally:
        watermark_band.font_file.cache_clear()
