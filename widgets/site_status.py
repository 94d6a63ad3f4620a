"""What the status bar says about the site itself: the database's health and the device defaults.

Used by the main window and the kiosk alike. The other areas overwrite the device indicators with
their own reports (`context.status.set_indicator("cameras", ...)`); the defaults never overwrite them.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from widgets.shell_context import ShellContext
from widgets.status_bar import IndicatorState

HEALTH_CHECK_MS = 30_000


def tr(source: str) -> str:
    return QCoreApplication.translate("SiteStatus", source)


class SiteStatusReporter(QObject):
    """Checks the database every 30 s on a worker thread and fills in device indicators nobody set."""

    def __init__(self, context: ShellContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._default_texts: dict[str, str] = {}  # indicators showing our defaults, not an area's report
        self._timer = QTimer(self, interval=HEALTH_CHECK_MS)
        self._timer.timeout.connect(self.report_database)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Report everything again (after a language switch, too)."""
        self.report_database()
        self.report_device_defaults()

    def report_database(self) -> None:
        """Check the connection on a worker thread (a dead PostgreSQL host must not freeze the window)."""
        stats = self._context.reads.stats
        board = self._context.status
        label, where = stats.describe_database()
        prefix, ok_text, error_text = tr("数据库"), tr("正常"), tr("连接失败")

        def check() -> None:
            problem = stats.database_problem()
            if problem is not None:
                board.set_indicator(
                    "db", f"{prefix} {label} · {error_text}", IndicatorState.ERROR, f"{where}\n{problem}"
                )
                return
            board.set_indicator("db", f"{prefix} {label} · {ok_text}", IndicatorState.OK, where)

        threading.Thread(target=check, name="db-health", daemon=True).start()

    def report_device_defaults(self) -> None:
        """Defaults until the scheduler, the wall and the dongles report their own state."""
        board = self._context.status
        cameras = self._context.reads.stats.cameras()
        defaults = {
            "scheduler": (tr("调度 未启动"), IndicatorState.IDLE),
            "cameras": (
                tr("摄像机 在线 {live}/{total}").replace("{live}", "0").replace("{total}", str(cameras)),
                IndicatorState.IDLE,
            ),
            "dongles": (tr("接收器 0"), IndicatorState.IDLE),
        }
        for key, (text_, state) in defaults.items():
            current = board.indicator(key)
            if current is None or current.text == self._default_texts.get(key):
                board.set_indicator(key, text_, state)
                self._default_texts[key] = text_
