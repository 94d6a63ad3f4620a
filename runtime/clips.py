"""Event clips, written by the process that holds the cameras' capture (its pre-event buffers).

An alarm raised anywhere on the site (relayed ones too: the sensor's alarm is often raised by `serve`,
while the window holds the capture) asks for a clip of its own camera, else of the cameras nearest its
place that this process buffers; an AI event asks for one of its camera. Each clip is a row first
(`recording`): the row's unique (alarm, camera) and (AI event, camera) make one process of the site
write it even when two windows buffer the same camera. The file is written on a thread of its own,
and the row is marked `ready` only after the file was renamed into place and synced.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from alarms.models import Alarm
from alarms.service import AlarmService
from app.config import data_dir
from app.context import SiteContext
from app.events import Change, ClipChanged, Topic
from app.models import Camera
from app.store.base import utcnow
from grid_map.nearby import nearest
from video.ai.records import AiEvent
from video.clip_records import FAILED, READY, Clip
from video.clip_writer import ClipError, ClipWindow, write_clip
from video.prebuffer import PacketPool

log = logging.getLogger(__name__)

CAMERAS_PER_ALARM = 2  # an alarm at a place with no camera of its own: its two nearest buffered ones


@dataclass(frozen=True)
class ClipLink:
    """What a clip is kept with."""

    alarm_id: int | None = None
    ai_event_id: int | None = None
    ticket_id: int | None = None


def clips_folder() -> Path:
    return data_dir() / "clips"


def epoch(when: datetime) -> float:
    """Wall-clock seconds of a stored (naive UTC) time."""
    return when.replace(tzinfo=UTC).timestamp()


class ClipRecorder:
    """Asks for clips when alarms and AI events happen, and writes them from this process's buffers."""

    def __init__(
        self,
        site: SiteContext,
        packets: PacketPool,
        alarms: AlarmService,
        folder: Path | None = None,
        window: ClipWindow | None = None,
        quiet_s: float = 5.0,
    ) -> None:
        self.site = site
        self.packets = packets
        self.alarms = alarms
        self.folder = folder or clips_folder()
        self.window = window or ClipWindow()
        self.quiet_s = quiet_s
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._unsubscribe: list[Callable[[], None]] = []

    def start(self) -> None:
        self._stop.clear()
        hub = self.site.hub
        self._unsubscribe = [
            hub.subscribe(Topic.ALARM, self._alarm),
            hub.subscribe(Topic.AI_EVENT, self._ai_event),
        ]

    def stop(self, wait: float = 10.0) -> None:
        """Stop asking for clips; clips being written end with what they have and are kept."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self._stop.set()
        with self._lock:
            threads, self._threads = self._threads, []
        for thread in threads:
            thread.join(wait)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the clips being written (tests, benchmarks)."""
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout)

    # ---- triggers ---------------------------------------------------------------------------------
    def _alarm(self, change: Change) -> None:
        if change.payload.what == "handled":
            self._link_tickets(change.ids)
            return
        if change.payload.what != "raised":
            return
        for alarm_id in change.ids:
            try:
                self.record_alarm(alarm_id)
            except Exception:  # a clip that cannot be asked for must not stop the alarm's delivery
                log.exception("could not ask for the clip of alarm %s", alarm_id)

    def _ai_event(self, change: Change) -> None:
        """An urgent AI event's clip (a mask not worn is counted, not filmed); relayed events too: the
        process that buffers the camera may not be the one whose AI saw it."""
        payload = change.payload
        if payload.what != "detected" or not payload.urgent or payload.camera_id is None:
            return
        for event_id in change.ids:
            try:
                with self.site.db.session() as session:
                    event = session.get(AiEvent, event_id)
                    at = event.at if event is not None else None
                if at is not None:
                    self.record(payload.camera_id, at, ClipLink(ai_event_id=event_id))
            except Exception:
                log.exception("could not ask for the clip of AI event %s", event_id)

    def _link_tickets(self, alarm_ids: tuple[int, ...]) -> None:
        """An alarm dispatched as a ticket: its clips are the ticket's too (every process may do it:
        the same update twice changes nothing)."""
        try:
            with self.site.db.session() as session:
                for alarm_id in alarm_ids:
                    ticket_id = session.scalar(select(Alarm.ticket_id).where(Alarm.id == alarm_id))
                    if ticket_id is not None:
                        session.execute(
                            update(Clip)
                            .where(Clip.alarm_id == alarm_id, Clip.ticket_id.is_(None))
                            .values(ticket_id=ticket_id)
                        )
        except Exception:
            log.exception("could not link the clips of alarms %s to their tickets", alarm_ids)

    def record_alarm(self, alarm_id: int) -> list[int]:
        """Ask for the clips of one alarm: its camera, else the nearest buffered ones; their ids."""
        alarm = self.alarms.get(alarm_id)
        if alarm is None:
            return []
        link = ClipLink(
            alarm_id=alarm.id, ai_event_id=alarm.detail.get("ai_event_id"), ticket_id=alarm.ticket_id
        )
        clip_ids = []
        for camera_id in self.cameras_for(alarm.camera_id, alarm.lon, alarm.lat):
            clip_id = self.record(camera_id, alarm.raised_at, link)
            if clip_id is not None:
                clip_ids.append(clip_id)
        return clip_ids

    def cameras_for(self, camera_id: int | None, lon: float | None, lat: float | None) -> list[int]:
        """The alarm's own camera if buffered here, else up to two buffered cameras nearest its place."""
        now = time.time()
        buffered = {
            b.camera_id for b in self.packets.buffers() if b.held_bytes and b.receiving(now, self.quiet_s)
        }
        if camera_id is not None:
            return [camera_id] if camera_id in buffered else []
        if not buffered:
            return []
        with self.site.db.session() as session:
            cameras = session.execute(
                select(Camera.id, Camera.lon, Camera.lat).where(Camera.id.in_(buffered))
            ).all()
        return [camera.id for camera, _ in nearest(cameras, lon, lat)[:CAMERAS_PER_ALARM]]

    # ---- one clip ---------------------------------------------------------------------------------
    def record(
        self, camera_id: int, event_at: datetime, link: ClipLink, window: ClipWindow | None = None
    ) -> int | None:
        """Start writing the clip of `camera_id` around `event_at` (naive UTC); its row id, or None when
        this process is not reading this camera now or another process of the site already writes it."""
        buffer = self.packets.get(camera_id)
        if buffer is None or not buffer.held_bytes or not buffer.receiving(time.time(), self.quiet_s):
            return None
        window = window or self.window
        clip_id = self._claim(camera_id, event_at, link, window)
        if clip_id is None:
            return None
        thread = threading.Thread(
            target=self._write,
            args=(clip_id, camera_id, event_at, window),
            name=f"clip {clip_id}",
            daemon=True,
        )
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return clip_id

    def _claim(self, camera_id: int, event_at: datetime, link: ClipLink, window: ClipWindow) -> int | None:
        try:
            with self.site.db.session() as session:
                name = session.scalar(select(Camera.name).where(Camera.id == camera_id)) or f"#{camera_id}"
                clip = Clip(
                    camera_id=camera_id,
                    camera_name=name,
                    alarm_id=link.alarm_id,
                    ai_event_id=link.ai_event_id,
                    ticket_id=link.ticket_id,
                    event_at=event_at,
                    before_s=window.before,
                    after_s=window.after,
                    host=self.site.seat.host,
                    path="",
                    note="",
                    dropped=False,
                )
                session.add(clip)
                session.flush()
                clip.path = str(
                    self.folder / event_at.strftime("%Y-%m") / f"clip-{clip.id}-cam{camera_id}.mp4"
                )
                return clip.id
        except IntegrityError:  # already asked for, here or by another process of the site
            if link.alarm_id is not None and link.ai_event_id is not None:
                self._link_alarm(camera_id, link)
            return None

    def _link_alarm(self, camera_id: int, link: ClipLink) -> None:
        """The AI event's clip is also its alarm's (the alarm was raised for that event)."""
        with self.site.db.session() as session:
            session.execute(
                update(Clip)
                .where(
                    Clip.ai_event_id == link.ai_event_id, Clip.camera_id == camera_id, Clip.alarm_id.is_(None)
                )
                .values(alarm_id=link.alarm_id)
            )

    def _write(self, clip_id: int, camera_id: int, event_at: datetime, window: ClipWindow) -> None:
        with self.site.db.session() as session:
            path = Path(session.get(Clip, clip_id).path)
        buffer = self.packets.get(camera_id)
        try:
            result = write_clip(buffer, epoch(event_at), path, window, quiet_s=self.quiet_s, stop=self._stop)
        except (ClipError, OSError) as error:
            log.warning("clip %s of camera %s failed: %s", clip_id, camera_id, error)
            self._finish(clip_id, state=FAILED, note=str(error))
            return
        except Exception as error:  # a muxer error: the row says so instead of staying "recording"
            log.exception("clip %s of camera %s failed", clip_id, camera_id)
            self._finish(clip_id, state=FAILED, note=f"写入失败 (write failed): {error}"[:500])
            return
        self._finish(
            clip_id,
            state=READY,
            starts_at=datetime.fromtimestamp(result.starts_at, UTC).replace(tzinfo=None),
            duration_s=round(result.duration_s, 3),
            size_bytes=result.size_bytes,
            dropped=result.dropped,
            note=result.note,
            ready_at=utcnow(),
        )
        log.info(
            "clip %s ready: %s (%.1f s%s)",
            clip_id,
            path,
            result.duration_s,
            ", dropped" if result.dropped else "",
        )

    def _finish(self, clip_id: int, **values) -> None:
        """Store how the clip ended and tell the site (the lists' 回放 counts, a ticket's timeline)."""
        with self.site.db.session() as session:
            session.execute(update(Clip).where(Clip.id == clip_id).values(**values))
            row = session.get(Clip, clip_id)
            changed = ClipChanged(
                values["state"], row.alarm_id, row.ai_event_id, row.ticket_id, row.camera_id
            )
        self.site.hub.publish(Change(Topic.CLIP, (clip_id,), changed))
