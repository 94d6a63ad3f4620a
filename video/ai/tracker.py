"""IoU tracking and per-track label aggregation.

A person walking past is one track and so one event; the label (resident, stranger, watch-list hit)
and the mask state are decided from several faces of the track, as Frigate's face recognition does
with `min_faces` and its unknown score (here the recogniser's match threshold). One exception: a single
face that matches a watch-list entry at the recogniser's "confident" similarity (stricter than the
match threshold; calibrated, resources/models/README.md) decides the track at once, so the P1 alarm
does not wait for two more faces; later faces still vote, and the label follows their majority.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from video.ai.types import Box, Detection, Identity, MaskState


@dataclass(frozen=True)
class TrackingSettings:
    iou_threshold: float = 0.2  # least overlap with the predicted box to continue a track
    max_jump: float = 1.5  # or: centre moved at most this many box sizes since the predicted place
    max_lost_s: float = 2.0  # a track not seen for this long (while the detector looked) ends
    min_faces: int = 3  # faces needed before a track's identity is decided
    max_faces: int = 8  # faces embedded per track at most: after that the label is settled
    recheck_s: float = 2.0  # once decided, a track's face is embedded again at most this often
    majority: float = 0.6  # share of the faces that must agree on one person


@dataclass(frozen=True)
class FaceVote:
    subject_id: int | None
    list_name: str | None  # "resident" or "watchlist"
    score: float


@dataclass
class Track:
    track_id: int
    kind: str
    box: Box
    first_seen: float
    last_seen: float
    score: float
    landmarks: tuple = ()
    hits: int = 1
    velocity: tuple[float, float] = (0.0, 0.0)  # pixels per second, for predicting the next box
    missed: int = 0  # detector looks at its place that did not find it since it was last seen
    votes: list[FaceVote] = field(default_factory=list)
    mask_votes: list[MaskState] = field(default_factory=list)
    best_face_score: float = 0.0
    best_face: np.ndarray | None = None  # the sharpest, most confident crop seen, for events
    last_embedded: float | None = None  # when a face of the track was last embedded
    events_raised: set[str] = field(default_factory=set)

    def predicted(self, now: float) -> Box:
        dt = now - self.last_seen
        return self.box.shifted(self.velocity[0] * dt, self.velocity[1] * dt)

    def identity(
        self, settings: TrackingSettings, match_threshold: float, confident: float | None = None
    ) -> tuple[Identity, int | None, float]:
        """The decided label, the subject it points to, and the mean similarity of the agreeing faces.

        A face below `match_threshold` (the recogniser's) is nobody in the gallery. Before `min_faces`
        faces, a watch-list face at `confident` or above (None: never) decides the track alone."""
        if len(self.votes) < settings.min_faces:
            if confident is not None:
                best = max(self.votes, key=lambda v: v.score, default=None)
                if best is not None and best.list_name == "watchlist" and best.score >= confident:
                    return Identity.WATCHLIST, best.subject_id, best.score
            return Identity.PENDING, None, 0.0
        known = [v for v in self.votes if v.subject_id is not None and v.score >= match_threshold]
        if known:
            (subject, list_name), count = Counter((v.subject_id, v.list_name) for v in known).most_common(1)[
                0
            ]
            if count / len(self.votes) >= settings.majority:
                score = float(np.mean([v.score for v in known if v.subject_id == subject]))
                kind = Identity.WATCHLIST if list_name == "watchlist" else Identity.RESIDENT
                return kind, subject, score
        return Identity.STRANGER, None, 0.0

    def mask(self) -> MaskState:
        states = [m for m in self.mask_votes if m is not MaskState.UNKNOWN]
        if not states:
            return MaskState.UNKNOWN
        return Counter(states).most_common(1)[0][0]


class IouTracker:
    """Greedy IoU matching of new detections to live tracks of the same kind."""

    def __init__(self, settings: TrackingSettings) -> None:
        self.settings = settings
        self.tracks: dict[int, Track] = {}
        self._next_id = 1

    def update(self, detections: list[Detection], now: float, searched: list[Box] | None) -> list[Track]:
        """Match detections; `searched` is where the detector looked (None: the whole frame).

        Tracks outside the searched regions are kept as they are: a still person is not lost just
        because motion gating did not send their part of the picture to the detector. Returns the
        tracks updated by this frame's detections.
        """
        pairs = []
        for d_index, detection in enumerate(detections):
            for track in self.tracks.values():
                if track.kind == detection.kind:
                    affinity = self._affinity(track.predicted(now), detection.box)
                    if affinity > 0:
                        pairs.append((affinity, d_index, track.track_id))
        pairs.sort(reverse=True)
        used_d: set[int] = set()
        used_t: set[int] = set()
        updated = []
        for _, d_index, track_id in pairs:
            if d_index in used_d or track_id in used_t:
                continue
            used_d.add(d_index)
            used_t.add(track_id)
            track = self.tracks[track_id]
            detection = detections[d_index]
            dt = now - track.last_seen
            if dt > 0:
                (ox, oy), (nx, ny) = track.box.centre, detection.box.centre
                track.velocity = ((nx - ox) / dt, (ny - oy) / dt)
            track.box, track.score, track.landmarks = detection.box, detection.score, detection.landmarks
            track.last_seen = now
            track.hits += 1
            track.missed = 0
            updated.append(track)
        for d_index, detection in enumerate(detections):
            if d_index in used_d:
                continue
            track = Track(
                self._next_id, detection.kind, detection.box, now, now, detection.score, detection.landmarks
            )
            self.tracks[track.track_id] = track
            self._next_id += 1
            updated.append(track)
        self._expire(now, searched, used_t)
        return updated

    def _affinity(self, predicted: Box, box: Box) -> float:
        """How well a detection continues a track: IoU with the prediction, else a weak score when the
        centre is within `max_jump` box sizes (a face moves more than its width between 5 fps looks)."""
        overlap = predicted.iou(box)
        if overlap >= self.settings.iou_threshold:
            return overlap
        (px, py), (bx, by) = predicted.centre, box.centre
        size = max(predicted.width, predicted.height, box.width, box.height, 1.0)
        distance = ((px - bx) ** 2 + (py - by) ** 2) ** 0.5 / size
        similar = 0.5 < box.area / max(predicted.area, 1.0) < 2.0
        if distance <= self.settings.max_jump and similar:
            return 0.01 * (1 - distance / self.settings.max_jump) + 1e-6
        return 0.0

    def _expire(self, now: float, searched: list[Box] | None, matched: set[int]) -> None:
        for track_id, track in list(self.tracks.items()):
            if track_id in matched or track.last_seen == now:
                continue
            looked = searched is None or any(region.iou(track.box) > 0 for region in searched)
            if not looked:
                continue
            track.missed += 1
            if now - track.last_seen > self.settings.max_lost_s:
                del self.tracks[track_id]

    def expire_idle(self, now: float, limit_s: float) -> list[Track]:
        """End tracks nobody has confirmed for `limit_s` (a still scene where the detector stopped looking)."""
        ended = [t for t in self.tracks.values() if now - t.last_seen > limit_s]
        for track in ended:
            del self.tracks[track.track_id]
        return ended
