"""Which faces are worth recognising: large enough and turned towards the camera, from the five points.

The recogniser was trained on near-frontal faces. A face seen from the side, or tipped far up or down,
gives a vector that matches nobody well (a resident who turns away would vote "stranger") and costs
as much as a good one, so such faces are not embedded; the track waits for a better look.

The head's turn (yaw) and nod (pitch) are estimated from the detector's five landmarks with a mean
face's proportions (dlib's mean face shape for the 2-D layout; the nose tip taken to stand 0.4 eye
distances in front of the eyes and the mouth corners level with them, as in common 3-D head models),
so they are estimates, good to about ten degrees on a typical face. Roll (a tilt of the head to the
side) is not limited: the alignment turns it upright, and the same real photographs rotated by up to
75° still matched well above the threshold (issue 22's measurements in resources/models/README.md).

Too small faces are skipped too: on the real test photos shrunk to a 20-pixel face the same person fell
below the match threshold and another came closer; from 28 pixels both stayed as at full size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from video.ai.types import Box, Point

# the mean face in eye distances, eye midpoint at the origin (dlib's mean shape, see dlib_face.py)
NOSE_BELOW_EYES = 0.566
MOUTH_BELOW_EYES = 1.066
NOSE_DEPTH = 0.4  # nose tip in front of the eyes; the mouth corners are taken level with the eyes

BOUNDS = {  # what an office may set: beyond these nearly every face, or hardly any, would be skipped
    "min_face_px": (24, 160),
    "max_yaw_deg": (15.0, 60.0),
    "max_pitch_deg": (15.0, 60.0),
}


@dataclass(frozen=True)
class FaceQualitySettings:
    min_face_px: int = 32  # face box width in frame pixels from which a face is recognised
    max_yaw_deg: float = 35.0  # head turned left or right at most this much
    max_pitch_deg: float = 35.0  # head tipped up or down at most this much

    def check(self) -> None:
        """ValueError (in both languages) when a value is outside its bounds."""
        for name, (low, high) in BOUNDS.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise ValueError(
                    f"人脸质量设置超出范围 [face_quality] {name} {value} is outside {low}..{high}"
                )


@dataclass(frozen=True)
class HeadPose:
    yaw: float  # degrees; the sign says which way, the gate uses the size
    pitch: float
    roll: float


def head_pose(landmarks: tuple[Point, ...]) -> HeadPose:
    """The head's estimated turn, nod and tilt from five points (eyes, nose, mouth corners)."""
    (lx, ly), (rx, ry), (nx, ny), (mlx, mly), (mrx, mry) = landmarks
    roll = math.atan2(ry - ly, rx - lx)
    eye_distance = math.hypot(rx - lx, ry - ly)
    if eye_distance <= 0:
        return HeadPose(90.0, 90.0, math.degrees(roll))
    cos, sin = math.cos(-roll), math.sin(-roll)
    cx, cy = (lx + rx) / 2, (ly + ry) / 2

    def upright(x: float, y: float) -> tuple[float, float]:  # roll undone, in eye distances
        x, y = x - cx, y - cy
        return (x * cos - y * sin) / eye_distance, (x * sin + y * cos) / eye_distance

    nose_x, nose_y = upright(nx, ny)
    mouth_y = (upright(mlx, mly)[1] + upright(mrx, mry)[1]) / 2
    # turned by yaw, the eyes close in by cos(yaw) while the nose tip moves aside by its depth * sin(yaw)
    yaw = math.atan2(nose_x, NOSE_DEPTH)
    # nodded by pitch, the nose tip moves down by its depth * sin(pitch) against the eye-mouth height
    scale = mouth_y / MOUTH_BELOW_EYES if mouth_y > 0 else 1.0
    pitch = math.atan2(nose_y / scale - NOSE_BELOW_EYES, NOSE_DEPTH)
    return HeadPose(math.degrees(yaw), math.degrees(pitch), math.degrees(roll))


def worth_recognising(box: Box, landmarks: tuple[Point, ...], settings: FaceQualitySettings) -> bool:
    """Whether this face is large and frontal enough to be embedded."""
    if len(landmarks) != 5 or box.width < settings.min_face_px:
        return False
    pose = head_pose(landmarks)
    return abs(pose.yaw) <= settings.max_yaw_deg and abs(pose.pitch) <= settings.max_pitch_deg
