"""One camera's analysis: rate, motion gate, detectors on the moving regions, tracker, labels, events."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import numpy as np

from app.calendar import SITE_ZONE_DEFAULT
from video.ai.config import AiConfig
from video.ai.events import AiEventRecorder, EventRules
from video.ai.face_quality import worth_recognising
from video.ai.gallery import FaceGallery
from video.ai.models import AiModels
from video.ai.motion import MotionGate, detection_regions
from video.ai.nms import nms
from video.ai.recognition import Recogniser
from video.ai.registry import Detector, persons_from_faces
from video.ai.tracker import FaceVote, IouTracker, Track
from video.ai.types import Box, Detection, FrameAnalysis, Identity, TrackView
from video.ai.zones import Zone

log = logging.getLogger(__name__)

KEEPALIVE_S = 1.0  # with no motion, look again at live tracks this often
IDLE_END_S = 10.0  # with no motion, tracks nobody confirmed for this long end
FULL_FRAME_SHARE = 0.6  # regions covering more than this of the frame: run on the whole frame


@dataclass
class CameraStats:
    frames_offered: int = 0
    frames_analysed: int = 0
    detector_calls: int = 0  # detector runs (one per region per detector)
    frames_with_detection: int = 0
    faces_embedded: int = 0
    faces_skipped: int = 0  # looks at a face too small or too turned to recognise
    no_mask_tracks: int = 0  # tracks decided "no mask" (each also stored as a counted no_mask event)


class CameraPipeline:
    """Holds one camera's state; `analyse` must be called for one frame at a time, in order."""

    def __init__(
        self,
        camera_id: int,
        config: AiConfig,
        models: AiModels,
        *,
        gallery: FaceGallery | None = None,
        recorder: AiEventRecorder | None = None,
        zones: list[Zone] | None = None,
        detect_fps: float | None = None,
        names_visible: bool = False,
        site_zone: ZoneInfo = SITE_ZONE_DEFAULT,
    ) -> None:
        self.camera_id = camera_id
        self.config = config
        self.models = models
        self.gallery = gallery
        self.recorder = recorder
        self.zones = list(zones or [])
        self.detect_fps = detect_fps or config.detect_fps
        self.names_visible = names_visible
        self.gating = config.motion.enabled
        self.gate = MotionGate(config.motion)
        self.tracker = IouTracker(config.tracking)
        has_persons = models.person is not None or models.persons_from_faces is not None
        self.rules = EventRules(
            config.events,
            config.mask.alert,
            "person" if has_persons else "face",
            config.tracking.min_faces,
            site_zone,
        )
        self.stats = CameraStats()
        self._last_taken: float | None = None
        self._last_detect = -1e18
        self._last_full_scan = -1e18
        self._names: dict[int, str] = {}
        self._confident = config.recogniser.confident_threshold()

    def take(self, timestamp: float) -> bool:
        """Whether a frame at this time is to be analysed (at `detect_fps`); if so it is counted as taken."""
        self.stats.frames_offered += 1
        if self._last_taken is not None and timestamp - self._last_taken < 0.75 / self.detect_fps:
            return False
        self._last_taken = timestamp
        return True

    def analyse(self, frame: np.ndarray, timestamp: float) -> FrameAnalysis:
        self.stats.frames_analysed += 1
        height, width = frame.shape[:2]
        motion = self.gate.update(frame) if self.gating else []
        regions, run = self._regions(motion, width, height, timestamp)
        if not run:
            for track in self.tracker.expire_idle(timestamp, IDLE_END_S):
                self.rules.forget_track(track.track_id)
            return self._result(timestamp, (width, height), False, motion)
        self._last_detect = timestamp
        self.stats.frames_with_detection += 1
        detections = self._detect(frame, regions)
        self.tracker.update(detections, timestamp, regions)
        for track in list(self.tracker.tracks.values()):
            if track.last_seen == timestamp:
                self._observe(track, frame, timestamp)
        return self._result(timestamp, (width, height), True, motion)

    def _regions(
        self, motion: list[Box], width: int, height: int, now: float
    ) -> tuple[list[Box] | None, bool]:
        """Where to run the detector (None: whole frame) and whether to run it at all."""
        if not self.gating or now - self._last_full_scan >= self.config.motion.full_scan_s:
            self._last_full_scan = now
            return None, True
        tracks = [t.box for t in self.tracker.tracks.values()]
        if motion:
            boxes = motion + tracks
        elif tracks and now - self._last_detect >= KEEPALIVE_S:
            boxes = tracks
        else:
            return [], False
        regions = detection_regions(boxes, width, height, self.config.motion)
        if sum(r.area for r in regions) > FULL_FRAME_SHARE * width * height:
            self._last_full_scan = now
            return None, True
        return regions, True

    def _detect(self, frame: np.ndarray, regions: list[Box] | None) -> list[Detection]:
        height, width = frame.shape[:2]
        faces = self._run(self.models.face, frame, regions)
        persons = self._run(self.models.person, frame, regions)
        if self.models.persons_from_faces is not None:
            persons = persons_from_faces(faces, self.models.persons_from_faces, width, height)
        return faces + persons

    def _run(
        self, detector: Detector | None, frame: np.ndarray, regions: list[Box] | None
    ) -> list[Detection]:
        if detector is None:
            return []
        if regions is None:
            self.stats.detector_calls += 1
            return detector.detect(frame)
        found: list[Detection] = []
        for region in regions:
            x1, y1, x2, y2 = region.as_int()
            if x2 - x1 < 12 or y2 - y1 < 12:
                continue
            self.stats.detector_calls += 1
            found.extend(d.shifted(x1, y1) for d in detector.detect(frame[y1:y2, x1:x2]))
        if len(regions) > 1 and len(found) > 1:  # a face on the border of two regions: keep one
            rows = np.array([[d.box.x1, d.box.y1, d.box.x2, d.box.y2, d.score] for d in found])
            found = [found[i] for i in nms(rows, 0.5)]
        return found

    def _observe(self, track: Track, frame: np.ndarray, now: float) -> None:
        """Recognise and classify a track's face (while its label settles) and check the event rules."""
        settings = self.config.tracking
        if track.kind == "face" and track.landmarks:
            self._keep_best_face(track, frame)
            recogniser = self._comparing_recogniser()
            if recogniser is not None and self._due_for_recognition(track, now):
                self._recognise(recogniser, track, frame, now)
            mask = self.models.mask
            if mask is not None and len(track.mask_votes) < settings.max_faces:
                state, _ = mask.classify(frame, track.box)
                track.mask_votes.append(state)
        identity = self._identity(track)
        drafts = self.rules.check(
            self.camera_id, track, identity, self.zones, (frame.shape[1], frame.shape[0]), now
        )
        self.stats.no_mask_tracks += sum(1 for d in drafts if d.kind == "no_mask")
        if self.recorder is not None:
            for draft in drafts:
                try:
                    self.recorder.record(draft, frame, track.best_face)
                except Exception:  # the wall must keep running when the store is briefly away
                    log.exception("could not store AI event %s for camera %s", draft.kind, self.camera_id)

    def _due_for_recognition(self, track: Track, now: float) -> bool:
        """Embed a large, frontal face on every look until the track is decided, then re-check it every
        `recheck_s`, `max_faces` times in all: one track costs a few embeddings, not one per frame."""
        settings = self.config.tracking
        if len(track.votes) >= settings.max_faces:
            return False
        if not worth_recognising(track.box, track.landmarks, self.config.face_quality):
            self.stats.faces_skipped += 1
            return False
        if track.last_embedded is None or self._identity(track)[0] is Identity.PENDING:
            return True
        return now - track.last_embedded >= settings.recheck_s

    def _recognise(self, recogniser: Recogniser, track: Track, frame: np.ndarray, now: float) -> None:
        vector = recogniser.embed(frame, track.landmarks)
        if vector is None:
            return
        self.stats.faces_embedded += 1
        track.last_embedded = now
        match = self.gallery.match(vector, recogniser.model_tag) if self.gallery is not None else None
        if match is None or match.subject_id is None:
            track.votes.append(FaceVote(None, None, 0.0))
        else:
            track.votes.append(FaceVote(match.subject_id, match.list_name, match.score))

    def _identity(self, track: Track) -> tuple[Identity, int | None, float]:
        if track.kind != "face":
            return Identity.PENDING, None, 0.0
        recogniser = self._comparing_recogniser()
        if recogniser is None:
            return Identity.FACE, None, 0.0
        return track.identity(self.config.tracking, recogniser.match_threshold, self._confident)

    def _comparing_recogniser(self) -> Recogniser | None:
        """The recogniser, when the gallery holds templates of its model to compare faces with.

        With none (nobody enrolled yet, or everybody enrolled with a model no longer in use) every face
        would be a stranger and raise stranger alarms: such faces stay plain faces, and cost no embedding.
        """
        recogniser = self.models.recogniser
        if recogniser is None or self.gallery is None or not self.gallery.holds(recogniser.model_tag):
            return None
        return recogniser

    @staticmethod
    def _keep_best_face(track: Track, frame: np.ndarray) -> None:
        quality = track.score * min(1.0, track.box.width / 80.0)
        if quality <= track.best_face_score:
            return
        height, width = frame.shape[:2]
        pad_x, pad_y = track.box.width * 0.2, track.box.height * 0.2
        x1, y1, x2, y2 = (
            Box(track.box.x1 - pad_x, track.box.y1 - pad_y, track.box.x2 + pad_x, track.box.y2 + pad_y)
            .clipped(width, height)
            .as_int()
        )
        if x2 > x1 and y2 > y1:
            track.best_face = frame[y1:y2, x1:x2].copy()
            track.best_face_score = quality

    def _result(self, timestamp: float, size: tuple[int, int], ran: bool, motion: list[Box]) -> FrameAnalysis:
        views = []
        for track in self.tracker.tracks.values():
            if track.missed:  # the detector looked and did not find it: do not draw a stale box
                continue
            identity, subject_id, _ = self._identity(track)
            views.append(
                TrackView(
                    track.track_id,
                    track.kind,
                    track.box,
                    identity,
                    subject_id,
                    self._name(subject_id),
                    track.mask(),
                    track.landmarks,
                    tuple(z.name for z in self.zones if z.contains(track.box, size)),
                    track.velocity,
                )
            )
        return FrameAnalysis(self.camera_id, timestamp, size, tuple(views), ran, tuple(motion))

    def _name(self, subject_id: int | None) -> str | None:
        if subject_id is None or not self.names_visible or self.gallery is None:
            return None
        if subject_id not in self._names:
            self._names.update(self.gallery.names([subject_id]))
        return self._names.get(subject_id)
