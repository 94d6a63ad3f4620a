"""The AI section of the site configuration: strict (unknown keys are errors), one dataclass per part.

Read from `ai.toml` in the user data folder when present; every value has a working default, so a
fresh install detects faces (MTCNN), recognises them (dlib) and tells masks (the shipped classifier)
with the weights the project's install brings.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

from video.ai.face_quality import FaceQualitySettings
from video.ai.mask import MaskSettings
from video.ai.motion import MotionSettings
from video.ai.recognition import RecogniserSettings
from video.ai.tracker import TrackingSettings


class AiConfigError(ValueError):
    """The AI configuration has a key or value that is not understood (the message says where)."""


@dataclass(frozen=True)
class DetectorChoice:
    """A registry key ("mtcnn+libfacedetection", "mtcnn", "libfacedetection", "yunet", "yolo", "hog",
    "from_faces", "none") and that detector's settings."""

    type: str
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EventSettings:
    stranger_linger_min: float = 5.0  # a stranger seen this long on one camera raises an event
    night_start_hour: int = 22  # strangers between these hours on the site's clock raise an event at once
    night_end_hour: int = 6
    zone_min_s: float = 1.0  # a person must be inside a zone this long before it counts
    snapshot_quality: int = 80  # JPEG quality of event snapshots


@dataclass(frozen=True)
class AiConfig:
    detect_fps: float = 5.0
    face_detector: DetectorChoice = DetectorChoice("mtcnn+libfacedetection")  # finds masked faces too
    person_detector: DetectorChoice = DetectorChoice("none")
    recogniser: RecogniserSettings = RecogniserSettings()
    mask: MaskSettings = MaskSettings()
    motion: MotionSettings = MotionSettings()
    tracking: TrackingSettings = TrackingSettings()
    face_quality: FaceQualitySettings = FaceQualitySettings()  # which faces are recognised
    events: EventSettings = EventSettings()
    keep_raw_images: bool = False  # keep the enrolment photo (encrypted) after the template is made


def build(cls: type, data: dict[str, Any], where: str) -> Any:
    """A settings dataclass from a mapping, refusing unknown keys and values of the wrong type."""
    if not isinstance(data, dict):
        raise AiConfigError(f"配置错误 config error: [{where}] must be a table")
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise AiConfigError(f"配置错误 config error: unknown key(s) in [{where}]: {', '.join(unknown)}")
    hints = get_type_hints(cls)
    values = {}
    for key, value in data.items():
        expected = hints[key]
        default = next(f for f in dataclasses.fields(cls) if f.name == key)
        current = default.default if default.default is not dataclasses.MISSING else None
        if isinstance(current, tuple) and isinstance(value, list):
            value = tuple(value)
        if isinstance(current, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if current is not None and not isinstance(value, type(current)):
            raise AiConfigError(
                f"配置错误 config error: [{where}] {key} should be {type(current).__name__}, got {value!r} ({expected})"
            )
        values[key] = value
    return cls(**values)


def _detector(data: Any, where: str) -> DetectorChoice:
    if not isinstance(data, dict) or "type" not in data:
        raise AiConfigError(f"配置错误 config error: [{where}] needs a type key")
    settings = dict(data)
    return DetectorChoice(str(settings.pop("type")), settings)


SECTIONS = {
    "recogniser": RecogniserSettings,
    "mask": MaskSettings,
    "motion": MotionSettings,
    "tracking": TrackingSettings,
    "face_quality": FaceQualitySettings,
    "events": EventSettings,
}


def parse(data: dict[str, Any]) -> AiConfig:
    top = dict(data)
    values: dict[str, Any] = {}
    for key in ("face_detector", "person_detector"):
        if key in top:
            values[key] = _detector(top.pop(key), key)
    tracking = top.get("tracking")
    if isinstance(tracking, dict) and "unknown_score" in tracking:
        raise AiConfigError(
            "配置错误 config error: [tracking] unknown_score 已改为 [recogniser] match_threshold "
            "(moved; leave it out to use the calibrated threshold)"
        )
    for key, cls in SECTIONS.items():
        if key in top:
            values[key] = build(cls, top.pop(key), key)
    if "name_roles" in top:  # who sees names is the permission table's, not a file's (issue 18)
        raise AiConfigError(
            "配置错误 config error: name_roles 已不再使用，能否看到居民姓名由用户的角色决定（设置 → 用户）；"
            "请删除这一行 name_roles is gone: the signed-in user's role decides (see_face_names)"
        )
    try:
        values.get("recogniser", RecogniserSettings()).threshold()
        values.get("mask", MaskSettings()).check()
        values.get("face_quality", FaceQualitySettings()).check()
    except ValueError as error:
        raise AiConfigError(f"配置错误 config error: {error}") from error
    scalars = build(_Scalars, top, "ai")
    return AiConfig(**values, **dataclasses.asdict(scalars))


@dataclass(frozen=True)
class _Scalars:
    detect_fps: float = AiConfig.detect_fps
    keep_raw_images: bool = AiConfig.keep_raw_images


def load(path: Path) -> AiConfig:
    """The configuration in `path`, or the defaults when the file does not exist."""
    if not path.is_file():
        return AiConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise AiConfigError(f"无法读取 AI 配置 cannot read {path}: {error}") from error
    return parse(data)
