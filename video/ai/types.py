"""The value objects the AI pipeline passes around: boxes, detections, labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Box:
    """An axis-aligned box in frame pixels, corners (x1, y1) inclusive and (x2, y2) exclusive."""

    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def width(self) -> float:
        return max(0.0, self.x2 - self.x1)

    @property
    def height(self) -> float:
        return max(0.0, self.y2 - self.y1)

    @property
    def area(self) -> float:
        return self.width * self.height

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.x1 + self.x2) / 2, (self.y1 + self.y2) / 2)

    def iou(self, other: Box) -> float:
        ix = max(0.0, min(self.x2, other.x2) - max(self.x1, other.x1))
        iy = max(0.0, min(self.y2, other.y2) - max(self.y1, other.y1))
        inter = ix * iy
        union = self.area + other.area - inter
        return inter / union if union > 0 else 0.0

    def shifted(self, dx: float, dy: float) -> Box:
        return Box(self.x1 + dx, self.y1 + dy, self.x2 + dx, self.y2 + dy)

    def clipped(self, width: int, height: int) -> Box:
        return Box(
            min(max(self.x1, 0.0), width),
            min(max(self.y1, 0.0), height),
            min(max(self.x2, 0.0), width),
            min(max(self.y2, 0.0), height),
        )

    def as_int(self) -> tuple[int, int, int, int]:
        return (round(self.x1), round(self.y1), round(self.x2), round(self.y2))


Point = tuple[float, float]


@dataclass(frozen=True)
class Detection:
    """One thing a detector found: a face (with 5 landmarks when the detector gives them) or a person.

    Landmarks are in the order eye, eye, nose, mouth corner, mouth corner, each pair left to right
    as seen in the image.
    """

    kind: str  # "face" or "person"
    box: Box
    score: float
    landmarks: tuple[Point, ...] = ()

    def shifted(self, dx: float, dy: float) -> Detection:
        return Detection(
            self.kind,
            self.box.shifted(dx, dy),
            self.score,
            tuple((x + dx, y + dy) for x, y in self.landmarks),
        )


class Identity(StrEnum):
    """What a face track was decided to be."""

    FACE = "face"  # a face, and no recogniser (or nobody enrolled with it) to say whose
    PENDING = "pending"  # not enough faces seen yet
    RESIDENT = "resident"  # 居民
    STRANGER = "stranger"  # 陌生人
    WATCHLIST = "watchlist"  # 重点人员

    @property
    def zh(self) -> str:
        return {
            "face": "人脸",
            "pending": "识别中",
            "resident": "居民",
            "stranger": "陌生人",
            "watchlist": "重点人员",
        }[self.value]


class MaskState(StrEnum):
    UNKNOWN = "unknown"
    MASK = "mask"
    NO_MASK = "no_mask"

    @property
    def zh(self) -> str:
        return {"unknown": "", "mask": "戴口罩", "no_mask": "未戴口罩"}[self.value]


@dataclass(frozen=True)
class TrackView:
    """What an overlay needs to draw one track: its box, its decided label, its mask state."""

    track_id: int
    kind: str
    box: Box
    identity: Identity = Identity.PENDING
    subject_id: int | None = None  # the gallery subject when recognised
    name: str | None = None  # the resident's name, given only when the seat may see it
    mask: MaskState = MaskState.UNKNOWN
    landmarks: tuple[Point, ...] = ()
    in_zones: tuple[str, ...] = ()
    velocity: tuple[float, float] = (0.0, 0.0)  # pixels per second, so a late result can be drawn ahead


@dataclass(frozen=True)
class FrameAnalysis:
    """The result for one analysed frame of one camera, handed to overlays and tests."""

    camera_id: int
    timestamp: float
    frame_size: tuple[int, int]  # (width, height)
    tracks: tuple[TrackView, ...] = ()
    detector_ran: bool = False
    motion_boxes: tuple[Box, ...] = field(default_factory=tuple)
