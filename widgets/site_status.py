"""What the status bar says about the site itself: the database's health and the device defaults.

Used by the main window and the kiosk alike. The other areas overwrite the device indicators with
their own reports (`context.status.set_indicator("cameras", ...)`); the defaults never overwrite them.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from app.models import Camera
from widgets.shell_context import ShellContext
from widgets.status_bar import IndicatorState

HEALTH_CHECK_MS = 30_000


def tr(source: str) -> str:
    return QCoreApplication.translate("SiteStatus", source)


def describe_database(url: str) -> tuple[str, str]:
    """What the status bar says about the database: a short label and the masked URL for the tooltip."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite · {Path(parsed.database or ':memory:').name}", parsed.database or ":memory:"
    where = f"{parsed.host or 'localhost'}{f':{parsed.port}' if parsed.port else ''}/{parsed.database or ''}"
    return f"PostgreSQL · {where}", parsed.render_as_string(hide_password=True)


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
        db = self._context.db
        board = self._context.status
        label, where = describe_database(db.url)
        prefix, ok_text, error_text = tr("数据库"), tr("正常"), tr("连接失败")

        def check() -> None:
            try:
                with db.engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
            except Exception as error:  # noqa: BLE001 (shown in the status bar)
                board.set_indicator(
                    "db", f"{prefix} {label} · {error_text}", IndicatorState.ERROR, f"{where}\n{error}"
                )
                return
            board.set_indicator("db", f"{prefix} {label} · {ok_text}", IndicatorState.OK, where)

        threading.Thread(target=check, name="db-health", daemon=True).start()

    def report_device_defaults(self) -> None:
        """Defaults until the scheduler, the wall and the dongles report their own state."""
        board = self._context.status
        with self._context.db.sessions() as session:
            cameras = session.scalar(select(func.count(Camera.id))) or 0
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
