"""The calibrated defaults do what resources/models/README.md says, on part of the labelled set.

The whole set (tools/calibrate_thresholds.py, eight variants per photo) takes about a minute of CPU;
here the photos as taken and mirrored, where the documented rates are zero on both sides.
"""

from __future__ import annotations

import numpy as np

from tools.calibrate_thresholds import labelled_faces, recognition_rates, recognition_scores
from video.ai.dlib_face import DlibFaceRecogniser
from video.ai.mask import MaskClassifier, MaskSettings
from video.ai.recognition import RecogniserSettings

VARIANTS = ("as taken", "mirrored")


def test_default_match_threshold_separates_people_across_photos(mtcnn, sessions):
    recogniser = DlibFaceRecogniser(RecogniserSettings(), sessions)
    same, other, count = recognition_scores(mtcnn, recogniser, VARIANTS)
    assert count == 14 and same.size == 12 and other.size == 72
    assert recognition_rates(same, other, recogniser.match_threshold) == (0.0, 0.0)


def test_default_mask_threshold_separates_bare_and_masked_faces(mtcnn, sessions):
    classifier = MaskClassifier(MaskSettings(), sessions)
    bare = [
        classifier.classify(f.image, f.detection.box)[1] for f in labelled_faces(mtcnn, variants=VARIANTS)
    ]
    masked = [
        classifier.classify(f.image, f.detection.box)[1]
        for f in labelled_faces(mtcnn, masked="pale blue", variants=VARIANTS)
    ]
    assert len(bare) == 14 and len(masked) >= 12
    assert np.max(bare) < classifier.settings.threshold <= np.min(masked)
