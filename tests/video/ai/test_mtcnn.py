"""MTCNN on the real weights: faces found with landmarks where they are; nothing where nobody is."""

from __future__ import annotations

import numpy as np

from tests.video.ai.clips import astronaut, empty_clip, face_clip
from video.ai.mtcnn import MtcnnFaceDetector, MtcnnSettings, weights_dir


def test_weights_are_found_in_the_installed_distribution():
    folder = weights_dir()
    assert {p.name for p in folder.glob("*.onnx")} == {"pnet.onnx", "rnet.onnx", "onet.onnx"}


def test_face_in_a_moving_clip_is_found_in_95_percent_of_frames_with_landmarks_in_place(mtcnn):
    frames = list(face_clip(20))
    found = 0
    for clip_frame in frames:
        faces = mtcnn.detect(clip_frame.image)
        if len(faces) != 1:
            continue
        points = np.asarray(faces[0].landmarks)
        error = np.linalg.norm(points - clip_frame.landmarks, axis=1).max()
        if error <= 0.25 * clip_frame.face_width:  # a quarter of the eye distance, about 6 px here
            found += 1
    assert found / len(frames) >= 0.95


def test_landmarks_are_in_anatomical_order(mtcnn):
    (face,) = mtcnn.detect(astronaut())
    (le, re, nose, ml, mr) = face.landmarks
    assert le[0] < nose[0] < re[0] and ml[0] < mr[0]
    assert max(le[1], re[1]) < nose[1] < min(ml[1], mr[1])
    assert all(face.box.x1 <= x <= face.box.x2 and face.box.y1 <= y <= face.box.y2 for x, y in face.landmarks)


def test_a_clip_without_people_reports_nothing(mtcnn):
    assert all(mtcnn.detect(f.image) == [] for f in empty_clip(12))


def test_minimum_face_size_prunes_the_pyramid(sessions):
    small = MtcnnFaceDetector(MtcnnSettings(min_face_size=20), sessions)
    large = MtcnnFaceDetector(MtcnnSettings(min_face_size=80), sessions)
    assert len(large.scales(360, 640)) < len(small.scales(360, 640))
    assert large.detect(astronaut()[::4, ::4].copy()) == []  # the face is ~25 px there: below 80
