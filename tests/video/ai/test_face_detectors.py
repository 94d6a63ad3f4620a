"""libfacedetection's YuNet and the default MTCNN + YuNet union on real faces: masked faces found, bare
faces still found with landmarks in place, nothing found where nobody is."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from tests.video.ai.clips import astronaut, empty_clip, face_clip
from tests.video.ai.masked_faces import finds, samples, walking
from tests.video.ai.real_faces import MASK_COLOURS
from tools.calibrate_thresholds import PHOTOS, VARIANTS
from video.ai.config import AiConfig, DetectorChoice
from video.ai.face_union import FaceUnionDetector, FaceUnionSettings
from video.ai.libfacedetection import LibfacedetectionFaceDetector, LibfacedetectionSettings
from video.ai.mtcnn import MtcnnFaceDetector, MtcnnSettings
from video.ai.registry import create_detector
from video.ai.runtime import ModelLoadError
from video.demo_scenes import StreetScene
from video.sources import DemoScene


@pytest.fixture(scope="module")
def union(sessions) -> FaceUnionDetector:
    return FaceUnionDetector(FaceUnionSettings(), sessions)


@pytest.fixture(scope="module")
def placer(sessions) -> MtcnnFaceDetector:
    """Finds the bare faces the masks are drawn on, as the calibration does."""
    return MtcnnFaceDetector(MtcnnSettings(min_face_size=20), sessions)


def found(detector, faces) -> tuple[int, int]:
    faces = list(faces)
    return sum(finds(detector.detect(s.image), s) for s in faces), len(faces)


def test_the_default_face_detector_is_the_union_and_loads_from_the_registry(sessions):
    assert AiConfig().face_detector == DetectorChoice("mtcnn+libfacedetection")
    detector = create_detector(AiConfig().face_detector, "face", sessions)
    assert isinstance(detector, FaceUnionDetector)


@pytest.mark.parametrize("colour", list(MASK_COLOURS))
def test_small_masked_faces_of_every_colour_are_found_once_in_every_frame(colour, union):
    frames = list(walking(colour))
    detections = [union.detect(s.image) for s in frames]
    assert all(len(d) == 1 and finds(d, s) for d, s in zip(detections, frames, strict=True))  # no doubles


def test_mtcnn_alone_misses_most_small_pink_masked_faces_which_yunet_finds(mtcnn, sessions):
    yunet = LibfacedetectionFaceDetector(LibfacedetectionSettings(), sessions)
    assert found(mtcnn, walking("pink"))[0] <= 2
    assert found(yunet, walking("pink")) == (12, 12)


def test_pink_masked_photo_faces_which_mtcnn_finds_least_are_found_but_one_at_most(union, placer):
    hits, total = found(union, samples(placer, "pink"))
    assert total == len(PHOTOS) * len(VARIANTS) and hits >= total - 1  # 48 of 48 measured


def test_bare_faces_are_all_still_found(union, placer):
    photos = [s for s in samples(placer, None) if s.variant in ("as taken", "cctv", "dark")]
    hits, total = found(union, photos)
    assert total == 3 * len(PHOTOS) and hits == total
    assert found(union, walking(None)) == (12, 12)


def test_where_both_find_a_face_mtcnn_gives_it(union, mtcnn):
    (face,) = union.detect(astronaut())
    (expected,) = mtcnn.detect(astronaut())
    assert face == expected


def test_nothing_is_found_on_the_demo_street_or_the_empty_scene(union):
    frames = [StreetScene(DemoScene(n, 640, 360)).draw(i) for n in (1, 3, 5) for i in range(0, 180, 30)]
    frames += [f.image for f in empty_clip(8)]
    assert [len(union.detect(frame)) for frame in frames] == [0] * len(frames)


def test_yunet_landmarks_are_where_the_face_is_in_anatomical_order(sessions):
    yunet = LibfacedetectionFaceDetector(LibfacedetectionSettings(), sessions)
    frames = list(face_clip(12))
    for clip_frame in frames:
        (face,) = yunet.detect(clip_frame.image)
        points = np.asarray(face.landmarks)
        assert np.linalg.norm(points - clip_frame.landmarks, axis=1).max() <= 0.25 * clip_frame.face_width
        (le, re, nose, ml, mr) = face.landmarks
        assert le[0] < nose[0] < re[0] and ml[0] < mr[0] and max(le[1], re[1]) < nose[1]


def test_the_frame_is_shrunk_only_when_the_smallest_face_allows(sessions):
    assert LibfacedetectionFaceDetector(LibfacedetectionSettings(), sessions).scale() == 1.0
    halved = LibfacedetectionFaceDetector(LibfacedetectionSettings(min_face_size=96), sessions)
    assert halved.scale() == 0.5
    (face,) = halved.detect(astronaut())  # found in the shrunk frame, reported in the frame's pixels
    assert 170 < face.box.centre[0] < 280 and 60 < face.box.centre[1] < 180


def test_bad_settings_are_refused(sessions):
    with pytest.raises(ModelLoadError, match="min_score"):
        LibfacedetectionFaceDetector(LibfacedetectionSettings(min_score=1.5), sessions)


def test_detection_runs_on_the_calling_thread_only():
    """Its OpenMP would otherwise start a busy-waiting thread per core on the first detection."""
    script = (
        "import os, numpy as np\n"
        "from video.ai.libfacedetection import load_detect\n"
        "detect = load_detect()\n"
        "before = len(os.listdir('/proc/self/task'))\n"
        "detect(np.zeros((360, 640, 3), np.uint8))\n"
        "print(before, len(os.listdir('/proc/self/task')), os.environ.get('OMP_NUM_THREADS'))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    before, after, left = out.split()
    assert after == before and left == "None"  # and the process's own setting is left as it was
