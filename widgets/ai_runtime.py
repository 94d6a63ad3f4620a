"""The AI of a running seat: models loaded off the GUI thread, every AI camera's sub-stream analysed,
and the boxes drawn over that camera on every wall of the process.

Frames come from the wall's capture pool (a camera on the wall and in the AI is decoded once). The
overlay is handed to the walls at once and draws nothing until the first results arrive, so the wall
never waits for the models. Whether residents' names are shown is the signed-in user's permission
(`Permission.SEE_FACE_NAMES` in app.access).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.access import Permission
from video.ai.site import AiSite, open_ai
from video.ai.zones import load_zones
from video.cameras import load_cameras
from video.capture import CaptureWorker
from video.pool import Profile, StreamPool
from widgets.ai_overlay import AiOverlay
from widgets.shell_context import ShellContext
from widgets.status_bar import IndicatorState

log = logging.getLogger(__name__)

INDICATOR = "ai"
Opener = Callable[..., AiSite]


def tr(text: str) -> str:
    return QCoreApplication.translate("AiRuntime", text)


def names_visible_for(context: ShellContext) -> bool:
    """Whether this seat may see residents' names on recognised faces: the signed-in user's role."""
    return context.may(Permission.SEE_FACE_NAMES)


class AiRuntime:
    """Starts the AI for the site's AI cameras and stops it again, joining its threads."""

    def __init__(
        self,
        context: ShellContext,
        pool: StreamPool,
        *,
        opener: Opener = open_ai,
        config_path: Path | None = None,
    ) -> None:
        self.context = context
        self.pool = pool
        self.overlay = AiOverlay()
        self.site: AiSite | None = None
        self.error: str = ""
        self.cameras = 0  # AI cameras being analysed
        self._opener = opener
        self._config_path = config_path
        self._workers: dict[int, CaptureWorker] = {}
        self._remove_listener: Callable[[], None] | None = None
        self._loader: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def camera_ids(self) -> list[int]:
        with self._lock:
            return list(self._workers)

    def start(self, set_overlay_source: Callable[[ShellContext, Callable | None], None]) -> None:
        """Give the walls the overlay (GUI thread), then load the models and start watching (worker)."""
        set_overlay_source(self.context, self.overlay.overlay_for)
        self.context.status.set_indicator(INDICATOR, tr("AI 加载中…"), IndicatorState.IDLE)
        self._loader = threading.Thread(target=self._load, name="ai-start", daemon=True)
        self._loader.start()

    def wait_started(self, timeout: float | None = None) -> bool:
        if self._loader is None:
            return True
        self._loader.join(timeout)
        return not self._loader.is_alive()

    def _load(self) -> None:
        context = self.context
        cameras = [camera for camera in load_cameras(context.db) if camera.ai_enabled]
        if not cameras:  # no AI camera: no models to load
            self.retranslate()
            return
        try:
            names_visible = names_visible_for(context)
            site = self._opener(context.site, names_visible=names_visible, config_path=self._config_path)
        except Exception as error:  # noqa: BLE001 (the wall keeps working without AI; the bar says why)
            log.exception("the AI did not start")
            self.error = str(error)
            self.retranslate()
            return
        with self._lock:
            if self._stopped:
                site.close()
                return
            self.site = site
            self._remove_listener = site.service.add_listener(self.overlay.on_analysis)
            for camera in cameras:
                worker = self.pool.acquire(camera.stream(Profile.SUB))
                self._workers[camera.id] = worker
                site.watch(camera.id, worker)
                self.overlay.set_zones(camera.id, load_zones(context.db, camera.id))
            self.cameras = len(cameras)
        self.retranslate()

    def retranslate(self) -> None:
        """Report the AI's state in the status bar (again, in the current language)."""
        board, site = self.context.status, self.site
        if self.error:
            board.set_indicator(INDICATOR, tr("AI 未启动"), IndicatorState.ERROR, self.error)
            return
        if site is None:
            board.set_indicator(INDICATOR, tr("AI 无摄像机"), IndicatorState.IDLE, tr("没有启用 AI 的摄像机"))
            return
        failed = [status for status in site.models.status if not status.loaded]
        names = tr("显示居民姓名") if site.service.names_visible else tr("不显示居民姓名")
        tip = "\n".join(
            [f"{tr('AI 摄像机')} {self.cameras} · {names}"]
            + [f"{s.job}: {s.configured} ✗ {s.message}" for s in failed]
        )
        state = IndicatorState.OK if self.cameras else IndicatorState.IDLE
        board.set_indicator(INDICATOR, tr("AI %1 路").replace("%1", str(self.cameras)), state, tip)

    def stop(self) -> None:
        """Stop feeding frames, let the inference pool finish and release the streams."""
        with self._lock:
            self._stopped = True
        if self._loader is not None:
            self._loader.join()
        with self._lock:
            site, self.site = self.site, None
            workers, self._workers = dict(self._workers), {}
            remove, self._remove_listener = self._remove_listener, None
        if remove is not None:
            remove()
        if site is not None:
            site.close()
        for worker in workers.values():
            self.pool.release(worker)
