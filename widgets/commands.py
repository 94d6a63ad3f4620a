"""`gui`: the application window, kiosk mode, and offscreen screenshots for the README and for checks."""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from app.cli import CommandError
from app.commands.signin import add_sign_in_options
from app.config import data_dir, default_db_url
from runtime.launcher import CHILD_FLAG

SETTLE_SECONDS = 1.5  # screenshot: time for async loaders (searches, counts, first frames) to land
SIZE_PATTERN = re.compile(r"^(\d{2,5})[xX×](\d{2,5})$")
DEFAULT_SCREENSHOT_SIZE = (1920, 1080)
ORGANISATION = "grid-command-centre"


def register(subparsers: argparse._SubParsersAction) -> None:
    gui = subparsers.add_parser("gui", help="网格指挥中心 the application window")
    gui.add_argument(
        "--demo", action="store_true", help="open the demo site (its own database file unless --db)"
    )
    gui.add_argument(
        "--kiosk", action="store_true", help="frameless full screen on one monitor; PIN to leave"
    )
    gui.add_argument("--screen", type=int, default=0, help="kiosk: monitor number, from 0 (default 0)")
    gui.add_argument("--screenshot", metavar="FILE", help="render offscreen to this PNG and exit")
    gui.add_argument("--size", default=None, help="screenshot size WxH (default 1920x1080)")
    gui.add_argument(
        "--view", default=None, help="one panel only: wall, map, tickets, alarms, roster, stats, dashboard"
    )
    gui.add_argument(
        "--page-seconds",
        type=int,
        default=20,
        help="the wall dashboard (--view dashboard): seconds each page shows (default 20, at least 3)",
    )
    gui.add_argument(
        "--popup",
        metavar="FILE",
        help="screenshot: also save the alarm popup (when an alarm is open) to FILE",
    )
    gui.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="interface language")
    gui.add_argument(
        "--settle",
        "--wait",
        dest="settle",
        type=float,
        default=SETTLE_SECONDS,
        help=f"screenshot: seconds the window runs (loaders, cameras) before it is taken (default {SETTLE_SECONDS})",
    )
    gui.add_argument(
        "--layout-json",
        metavar="FILE",
        type=Path,
        default=None,
        help="screenshot: also write each panel's name and geometry (window coordinates) to FILE as JSON",
    )
    gui.add_argument(
        "--trace-changes",
        metavar="FILE",
        type=Path,
        default=None,
        help="append every change this seat hears to FILE, one JSON line each (support, tests)",
    )
    gui.add_argument(
        "--no-keeper",
        action="store_true",
        help="run the window in this process only: not started again after a crash",
    )
    gui.add_argument(CHILD_FLAG, action="store_true", help=argparse.SUPPRESS)
    add_sign_in_options(gui)  # the window asks in its sign-in dialog; a screenshot signs in with these
    gui.set_defaults(handler=run_gui)


def parse_size(value: str | None) -> tuple[int, int]:
    if value is None:
        return DEFAULT_SCREENSHOT_SIZE
    match = SIZE_PATTERN.match(value.strip())
    if not match:
        raise CommandError(f"尺寸格式错误 bad --size {value!r}: use WIDTHxHEIGHT, e.g. 1920x1080")
    return int(match.group(1)), int(match.group(2))


def demo_db_url() -> str:
    return f"sqlite:///{data_dir() / 'demo.sqlite'}"


def run_gui(args: argparse.Namespace) -> int:
    from widgets.panels import PANELS, WALL_VIEWS

    known_views = [p.key for p in PANELS + WALL_VIEWS]
    if args.layout_json is not None and (not args.screenshot or args.view):
        raise CommandError(
            "--layout-json 需要 --screenshot 且不能与 --view 同用 (needs --screenshot, the whole window)"
        )
    if args.view is not None and args.view not in known_views:
        raise CommandError(f"未知视图 unknown --view {args.view!r}: use one of {', '.join(known_views)}")
    if args.view in {p.key for p in WALL_VIEWS} and not (args.kiosk or args.screenshot):
        raise CommandError(f"--view {args.view} 是大屏视图，需与 --kiosk 同用 (a wall view: use it with --kiosk)")
    size = parse_size(args.size)
    if not (args.screenshot or args.no_keeper or args.supervised):
        from runtime.launcher import keep_window

        return keep_window(args.raw_argv)  # this process keeps the window; the child shows it
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a screenshot never needs a display
    else:
        from runtime.logs import setup_logging

        setup_logging(data_dir() / "logs" / "gui.log", verbose=args.verbose)
    url = demo_db_url() if args.demo and args.db in (None, default_db_url()) else args.db

    from PySide6.QtWidgets import QApplication, QMessageBox

    from widgets.plain_text import literal_html
    from widgets.site_runtime import collect_garbage_on_gui_thread
    from widgets.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("网格指挥中心")
    app.setOrganizationName(ORGANISATION)
    apply_theme(app)
    garbage_collector = collect_garbage_on_gui_thread()  # noqa: F841 (lives as long as the window)
    try:
        db = _open_site(url, demo=args.demo, announce=not args.screenshot, demo_extras=args.demo_extras)
    except CommandError as error:
        if not args.screenshot and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, "网格指挥中心", literal_html(f"无法打开数据库。\n\n{error}"))
        raise
    try:
        return _show(app, db, args, size)
    finally:
        db.dispose()


def _open_site(url: str, demo: bool, announce: bool = False, demo_extras=()):
    from app.commands.db import open_database

    db = open_database(url)
    if demo:
        try:
            from app.demo.site import ensure_demo_site, site_is_empty
        except ImportError as error:
            db.dispose()
            raise CommandError(f"演示站点无法加载 demo site not available: {error}") from error
        notice = _building_demo_notice() if announce and site_is_empty(db) else None
        try:
            ensure_demo_site(db, extras=demo_extras)
        finally:
            if notice is not None:
                notice.close()
    return db


def _building_demo_notice():
    """A small window saying the demo site is being built (the first start takes some seconds)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication, QLabel

    notice = QLabel(
        QCoreApplication.translate("MainWindow", "正在生成演示站点（首次启动约需 20 秒）…"),
        alignment=Qt.AlignmentFlag.AlignCenter,
    )
    notice.setObjectName("startupNotice")
    notice.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    notice.resize(460, 120)
    notice.show()
    for _ in range(5):  # paint it before the build holds the thread
        QApplication.processEvents()
    return notice


def _show(app, db, args: argparse.Namespace, size: tuple[int, int]) -> int:
    from widgets.i18n import LanguageSwitcher
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.site_runtime import SeatRuntime

    settings = ShellSettings(
        demo=args.demo,
        kiosk=args.kiosk,
        screen=args.screen,
        view=args.view,
        kept=args.supervised,
        page_seconds=args.page_seconds,
    )
    languages = LanguageSwitcher(app)
    if args.lang:  # the sign-in dialog already in the language asked for
        languages.switch(args.lang)
    seat = _seat(db, args)
    if seat is None:
        return 0  # the sign-in was cancelled: no window
    context = build_shell_context(db, settings, seat)
    if args.trace_changes is not None:
        from widgets.change_trace import ChangeTrace

        ChangeTrace(context.bridge, args.trace_changes, context.bridge)  # lives as long as the bridge
    languages.switch(args.lang or _start_language(context))

    if args.screenshot:
        # The AI runs when a wall is in the picture, so the screenshot shows its boxes.
        runtime = SeatRuntime(context, ai=args.view in (None, "wall"))
        popup = Path(args.popup) if args.popup else None
        return _screenshot(
            context,
            runtime,
            languages,
            args.view,
            size,
            Path(args.screenshot),
            args.settle,
            popup,
            args.layout_json,
        )

    runtime = SeatRuntime(context)
    window = _kiosk(db, args, context, runtime) if args.kiosk else _desk(args, context, languages, runtime)
    try:
        return app.exec()
    finally:
        _close(context, runtime, window)


def _kiosk(db, args: argparse.Namespace, context, runtime):
    """The wall's kiosk window on its screen, the runtime started (stopped again if it cannot show)."""
    from app.access.kiosk_pin import KioskPin
    from widgets.kiosk import KioskError, KioskWindow, choose_screen

    pins = KioskPin(db, context.seat)
    if args.demo:
        pins.ensure_demo_pin()
    try:
        choose_screen(args.screen)  # before any panel starts its cameras
        runtime.start()
        window = KioskWindow(context, view=args.view or "wall", pins=pins)
        window.show_on_screen(args.screen)
    except KioskError as error:
        runtime.stop()
        raise CommandError(str(error)) from error
    return window


def _desk(args: argparse.Namespace, context, languages, runtime):
    """The main window of a desk seat, the runtime started and attached to it."""
    from widgets.main_window import MainWindow

    runtime.start()
    window = MainWindow(context, languages)
    runtime.attach(window)
    window.account.start_idle_lock(_alarm_popup(window))
    window.show_on_start()
    if args.view:
        window.show_panel(args.view)
    return window


def _start_language(context) -> str:
    """This seat's own choice, else the site's default language (设置 in the new-site wizard)."""
    from widgets.i18n import DEFAULT_LANGUAGE, LANGUAGES

    chosen = str(context.seat_state.value("language") or context.site.language)
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def _seat(db, args: argparse.Namespace):
    """Who the window acts for (widgets/accounts/startup.py); None when the sign-in was cancelled."""
    from app.config import Seat
    from widgets.accounts.startup import command_line_seat, screenshot_seat, sign_in_at_start

    if args.screenshot:
        return screenshot_seat(db, args)
    if args.kiosk:
        return Seat()
    if not args.demo:
        _first_start_wizard(db)
    return command_line_seat(db, args) or sign_in_at_start(db, demo=args.demo, name=args.user or "")


def _first_start_wizard(db) -> None:
    """An empty database that was never named opens the 新建站点 wizard before the window (its first
    step makes the administrator); cancelled, the window opens on the empty site after the first
    administrator is made, and 设置 offers the same steps."""
    from app.context import SiteContext
    from runtime.site_setup import needs_setup

    if needs_setup(db):
        from widgets.site_wizard.wizard import SiteWizard

        SiteWizard(SiteContext(db)).exec()


def _save(image, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise CommandError(f"无法写入截图 cannot write screenshot {target}")
    print(f"screenshot {image.width()}x{image.height()} → {target}")


def _alarm_popup(widget):
    """The alarm popup of a main window or of the alarm panel shown alone, if it has one."""
    panels = getattr(widget, "panel_widgets", {"alarms": widget})
    desk = getattr(panels.get("alarms"), "desk", None)
    return desk.popup if desk is not None else None


def _close(context, runtime, window) -> None:
    """Stop the site's background parts, then delete the window while everything it uses still lives
    (left to Python's exit, Qt objects would go in any order and their signals find others gone)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    runtime.stop()
    context.bridge.close()
    if window.isVisible():
        window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _screenshot(
    context,
    runtime,
    languages,
    view: str | None,
    size: tuple[int, int],
    target: Path,
    settle: float,
    popup_target: Path | None = None,
    layout_target: Path | None = None,
) -> int:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from widgets.main_window import MainWindow
    from widgets.panels import panel

    runtime.start()
    if view:
        widget = panel(view).factory(context)
    else:
        widget = MainWindow(context, languages, remember_layout=False)
        runtime.attach(widget)
    try:
        widget.resize(*size)
        widget.show()
        if not view:
            widget.apply_default_sizes()
        deadline = time.monotonic() + max(settle, 0.0)
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # no half-finished relayout
        QApplication.processEvents()
        _save(widget.grab().toImage(), target)
        if layout_target is not None:
            from widgets.layout_report import write_layout_json

            write_layout_json(widget, widget.docks, layout_target)
            print(f"layout → {layout_target}")
        if popup_target is not None:
            popup = _alarm_popup(widget)
            if popup is None or not popup.isVisible():
                raise CommandError("没有打开的告警弹窗 no alarm popup is open to take a screenshot of")
            _save(popup.grab().toImage(), popup_target)
    finally:
        _close(context, runtime, widget)
    return 0
