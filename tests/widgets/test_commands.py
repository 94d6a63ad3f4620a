"""The `gui` command: offscreen screenshots of the window or one panel, and plain errors."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

import main

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))


def test_screenshot_of_the_main_window_has_the_requested_size(qapp, small_site, tmp_path, capsys):
    target = tmp_path / "shots" / "window.png"
    code = main.main(["gui", "--db", small_site.db.url, "--screenshot", str(target), "--size", "1366x768"])
    assert code == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1366, 768)
    assert "1366x768" in capsys.readouterr().out


def test_a_wide_screenshot_shows_only_the_three_column_arrangements_tabs(
    qapp, small_site, tmp_path, monkeypatch
):
    """The window starts at the offscreen screen's size (the compact arrangement) and is then widened:
    the tab bar of the compact arrangement's side column must not stay on screen over the panels."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTabBar

    from widgets import commands

    shown_tabs = []
    save = commands._save

    def save_noting_tab_bars(image, target):
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        bars = window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
        shown_tabs.extend(
            sorted(
                tuple(bar.tabText(i) for i in range(bar.count()))
                for bar in bars
                if bar.isVisible() and bar.count()
            )
        )
        save(image, target)

    monkeypatch.setattr(commands, "_save", save_noting_tab_bars)
    target = tmp_path / "wide.png"
    assert (
        main.main(["gui", "--db", small_site.db.url, "--screenshot", str(target), "--size", "1920x1080"]) == 0
    )
    assert shown_tabs == [("告警", "AI识别"), ("网格地图", "居民花名册")]


def test_screenshot_of_one_view(qapp, small_site, tmp_path):
    target = tmp_path / "roster.png"
    assert (
        main.main(
            [
                "gui",
                "--db",
                small_site.db.url,
                "--screenshot",
                str(target),
                "--size",
                "900x500",
                "--view",
                "roster",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    image = QImage(str(target))
    assert (image.width(), image.height()) == (900, 500)
    # not one flat colour: the panel drew something
    colours = {image.pixel(x, y) for x in range(0, 900, 50) for y in range(0, 500, 50)}
    assert len(colours) > 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--size", "big"], "尺寸格式错误"),
        (["--view", "nowhere"], "未知视图"),
    ],
)
def test_bad_options_are_plain_errors(qapp, small_site, tmp_path, capsys, extra, message):
    code = main.main(["gui", "--db", small_site.db.url, "--screenshot", str(tmp_path / "x.png"), *extra])
    assert code != 0
    assert message in capsys.readouterr().err


def test_a_database_that_cannot_be_opened_is_a_chinese_message_not_a_traceback(qapp, tmp_path, capsys):
    code = main.main(
        ["gui", "--db", "postgresql://nobody@127.0.0.1:1/none", "--screenshot", str(tmp_path / "x.png")]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert "无法连接数据库" in err or "无法打开数据库" in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


def test_kiosk_on_a_missing_screen_or_without_a_pin_is_a_plain_error(qapp, small_site, tmp_path, capsys):
    args = ["gui", "--db", small_site.db.url, "--kiosk", "--view", "stats", "--no-keeper"]
    assert main.main([*args, "--screen", "9"]) != 0
    assert "屏幕 9 不存在" in capsys.readouterr().err
    assert main.main([*args, "--screen", "0"]) != 0  # no supervisor PIN set on this seat yet
    assert "未设置值班长密码" in capsys.readouterr().err
