"""What the AI dock shows: the event list's pages and an opened event's pictures, the cameras the zone
editor and enrolment start from, a camera's zones, and who the face gallery holds.

The queries stay with the AI (video.ai.event_list, video.ai.zones, video.ai.gallery, video.cameras):
this reader hands them the site's store, so views never hold a session, and returns their plain values.

A grid worker sees the events and cameras of their subtree only (the cameras standing in it): their
event list is the AI's own query asked once per camera of the subtree and merged newest first, so the
pages and the count are exact without the AI's query knowing about grids.
"""

from __future__ import annotations

import heapq
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select

from app.context import SiteContext
from app.models import Camera
from app.site_clock import SiteClock
from runtime.ai_alarms import EventAcknowledgement, event_acknowledgement
from runtime.read.household import Households
from runtime.read.resident_search import ResidentRow, SearchQuery
from runtime.read.seat_scope import seat_scope, within
from video.ai import event_list, gallery, zones
from video.ai.event_list import PAGE_SIZE, EventFilter, EventRow
from video.ai.gallery import SubjectSummary
from video.ai.records import AiEvent
from video.ai.zones import Zone
from video.cameras import CameraInfo, load_cameras

__all__ = ["PAGE_SIZE", "AiReads", "CameraInfo", "EventFilter", "EventRow", "SubjectSummary", "Zone"]


class AiReads:
    """The AI screens' reads for one site; every call opens and closes its own session."""

    def __init__(self, site: SiteContext, households: Households) -> None:
        self.db = site.db
        self.site = site
        self.households = households

    @property
    def clock(self) -> SiteClock:
        """The site's clock: every time these views show is in the site's zone."""
        return self.site.clock

    def acknowledgement(self, event_id: int) -> EventAcknowledgement | None:
        """Who acknowledged an event (itself, or through the alarm it raised), or None if it is gone."""
        return event_acknowledgement(self.db, event_id)

    def residents(self, text: str, limit: int) -> list[ResidentRow]:
        """Residents to enrol a face for: the roster's own search (name, address, phone, ID tail)."""
        return self.households.search(SearchQuery(text), limit=limit)

    # ---- events -----------------------------------------------------------------------------------

    def event_page(
        self,
        where: EventFilter,
        *,
        before: tuple[datetime, int] | None = None,
        limit: int = PAGE_SIZE,
        names_visible: bool = False,
    ) -> list[EventRow]:
        """Up to `limit` events older than `before` (the previous page's last (at, id)); no pictures."""

        def page(flt: EventFilter) -> list[EventRow]:
            return event_list.event_page(
                self.db, flt, before=before, limit=limit, names_visible=names_visible
            )

        filters = self._per_camera(where)
        if filters is None:
            return page(where)
        merged = heapq.merge(
            *(page(f) for f in filters), key=lambda row: (row.at, row.event_id), reverse=True
        )
        return [row for row, _ in zip(merged, range(limit), strict=False)]

    def count_events(self, where: EventFilter) -> int:
        filters = self._per_camera(where)
        if filters is None:
            return event_list.count_events(self.db, where)
        return sum(event_list.count_events(self.db, f) for f in filters)

    def _per_camera(self, where: EventFilter) -> list[EventFilter] | None:
        """None for the whole site; for a grid worker, the filter once per camera of their subtree it
        may cover (none when it names a camera outside)."""
        scope = seat_scope(self.site)
        if scope is None:
            return None
        mine = self._cameras_within(scope)
        if where.camera_id is not None:
            return [where] if where.camera_id in mine else []
        return [replace(where, camera_id=camera_id) for camera_id in sorted(mine)]

    def _cameras_within(self, scope: frozenset[int]) -> set[int]:
        with self.db.session() as session:
            return set(session.scalars(select(Camera.id).where(*within(Camera.grid_id, scope))))

    def event_cameras(self) -> list[tuple[int, str]]:
        """(id, name) of the cameras that can raise AI events, for the list's camera filter (a grid
        worker's: those of their subtree)."""
        cameras = event_list.event_cameras(self.db)
        scope = seat_scope(self.site)
        if scope is None:
            return cameras
        mine = self._cameras_within(scope)
        return [(camera_id, name) for camera_id, name in cameras if camera_id in mine]

    def event_pictures(self, event_id: int) -> tuple[bytes | None, bytes | None]:
        """An opened event's snapshot and best face crop (JPEG); (None, None) once it is gone or when
        it was seen by a camera outside a grid worker's subtree."""
        scope = seat_scope(self.site)
        if scope is not None:
            with self.db.session() as session:
                camera_id = session.scalar(select(AiEvent.camera_id).where(AiEvent.id == event_id))
            if camera_id not in self._cameras_within(scope):
                return None, None
        return event_list.event_pictures(self.db, event_id)

    # ---- cameras and zones ------------------------------------------------------------------------

    def cameras(self) -> list[CameraInfo]:
        """Every camera to take a live picture from: the AI cameras first (zones are watched only
        there), then by name; a grid worker's: those of their subtree."""
        cameras = load_cameras(self.db, within=seat_scope(self.site))
        return sorted(cameras, key=lambda camera: (not camera.ai_enabled, camera.name))

    def camera_name(self, camera_id: int) -> str | None:
        """A camera's name; None when it is not (or no longer) in the store."""
        with self.db.session() as session:
            return session.scalar(select(Camera.name).where(Camera.id == camera_id))

    def camera_zones(self, camera_id: int) -> list[tuple[int, Zone]]:
        """A camera's enabled zones with their ids, in the order they were drawn."""
        return zones.camera_zones(self.db, camera_id)

    # ---- the face gallery -------------------------------------------------------------------------

    def gallery_subjects(self, list_name: str | None = None) -> list[SubjectSummary]:
        """The residents and watch-list entries the gallery holds (by id: no names)."""
        return gallery.gallery_subjects(self.db, list_name)

    def subject_names(self, subject_ids: list[int]) -> dict[int, str]:
        """Display names (the resident's roster name, or the watch-list label), for seats that may see them."""
        return gallery.subject_names(self.db, subject_ids)

    def resident_subject(self, resident_id: int) -> int | None:
        """The gallery subject already enrolled for a resident, if any."""
        return gallery.resident_subject(self.db, resident_id)
