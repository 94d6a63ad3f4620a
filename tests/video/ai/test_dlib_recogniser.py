"""The real recogniser a fresh install runs (dlib's ResNet from face-recognition-models) on real photos."""

from __future__ import annotations

from datetime import date

import dlib
import numpy as np
import pytest

from app.config import Seat
from main import main
from tests.video.ai.conftest import add_resident
from tests.video.ai.real_faces import SAME_PERSON, photo
from video.ai.config import AiConfig, AiConfigError, parse
from video.ai.dlib_face import DlibFaceRecogniser, weights_path
from video.ai.gallery import Consent, FaceGallery
from video.ai.models import AiModels
from video.ai.recognition import RecogniserSettings
from video.ai.template_models import stale_subjects

CONSENT = Consent(date(2026, 11, 2), "书面签字 signed form")


@pytest.fixture(scope="module")
def dlib_recogniser(sessions) -> DlibFaceRecogniser:
    return DlibFaceRecogniser(RecogniserSettings(), sessions)


def biggest_face(mtcnn, image):
    return max(mtcnn.detect(image), key=lambda d: d.box.area)


def test_the_default_config_loads_dlib_with_its_calibrated_threshold(sessions):
    models = AiModels.load(AiConfig(), sessions, strict=True)
    assert isinstance(models.recogniser, DlibFaceRecogniser)
    assert models.recogniser.match_threshold == pytest.approx(0.93)
    assert models.recogniser.model_tag.startswith("dlib_face_recognition_resnet_model_v1@55533b28a958")


def test_our_alignment_gives_the_vector_dlibs_own_pipeline_gives(mtcnn, dlib_recogniser):
    """Cutting the chip from MTCNN's points must reproduce what the network was trained on: dlib's
    own 5-point landmarks and chip, run on the same photos."""
    shapes = dlib.shape_predictor(str(weights_path().parent / "shape_predictor_5_face_landmarks.dat"))
    finder = dlib.get_frontal_face_detector()
    for name in (*SAME_PERSON, "biden.jpg", "astronaut"):
        image = photo(name)
        rgb = np.ascontiguousarray(image[:, :, ::-1])
        box = max(finder(rgb, 1), key=lambda r: r.area())
        reference = np.asarray(dlib_recogniser._net.compute_face_descriptor(rgb, shapes(rgb, box)))
        reference /= np.linalg.norm(reference)
        ours = dlib_recogniser.embed(image, biggest_face(mtcnn, image).landmarks)
        assert float(ours @ reference) > 0.97, name


def test_enrolled_resident_is_recognised_in_other_photos_and_others_are_not(
    sqlite_db, gallery, mtcnn, dlib_recogniser
):
    resident = add_resident(sqlite_db)
    subject = gallery.enrol(photo("obama.jpg"), CONSENT, mtcnn, dlib_recogniser, resident_id=resident)
    threshold = dlib_recogniser.match_threshold
    for name in SAME_PERSON[1:]:
        image = photo(name)
        match = gallery.match(
            dlib_recogniser.embed(image, biggest_face(mtcnn, image).landmarks), dlib_recogniser.model_tag
        )
        assert match.subject_id == subject and match.score >= threshold, (name, match.score)
    for name in ("biden.jpg", "astronaut", "grace_hopper.jpg", "cameraman"):
        image = photo(name)
        match = gallery.match(
            dlib_recogniser.embed(image, biggest_face(mtcnn, image).landmarks), dlib_recogniser.model_tag
        )
        assert match.score < threshold, (name, match.score)


def test_templates_of_another_model_are_not_compared_and_ask_for_re_enrolment(
    db, mtcnn, recogniser, dlib_recogniser, capsys, monkeypatch, tmp_path, cli_user
):
    """A resident enrolled with the old (here: generated SFace) model is not matched by dlib at all,
    and `ai gallery` / `ai models` name them and the command that re-enrols them."""
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    gallery = FaceGallery.of_site(db, Seat("tester", "test-host"), tmp_path / "data")
    old = gallery.enrol(photo("obama.jpg"), CONSENT, mtcnn, recogniser, resident_id=add_resident(db))
    image = photo("obama2.jpg")
    vector = dlib_recogniser.embed(image, biggest_face(mtcnn, image).landmarks)
    assert gallery.match(vector, dlib_recogniser.model_tag).subject_id is None
    assert [s.subject_id for s in stale_subjects(db, dlib_recogniser.model_tag)] == [old]

    config = tmp_path / "ai.toml"
    config.write_text('[face_detector]\ntype = "mtcnn"\n', encoding="utf-8")
    cli_user(db.url)  # `ai gallery` needs manage_faces
    assert main(["ai", "--config", str(config), "gallery", "--db", db.url]) == 0
    out = capsys.readouterr().out
    assert f"#{old} resident" in out and "需重新录入 re-enrol" in out
    assert "ai enrol --person ID PHOTO" in out

    gallery.enrol(photo("obama.jpg"), CONSENT, mtcnn, dlib_recogniser, resident_id=1)
    assert stale_subjects(db, dlib_recogniser.model_tag) == []
    assert gallery.match(vector, dlib_recogniser.model_tag).subject_id == old


def test_match_threshold_is_a_site_setting_within_bounds(sessions):
    assert parse({"recogniser": {"match_threshold": 0.93}}).recogniser.threshold() == 0.93
    with pytest.raises(AiConfigError, match="0.8..0.97"):
        parse({"recogniser": {"match_threshold": 0.5}})
    with pytest.raises(AiConfigError, match="recogniser] match_threshold"):
        parse({"tracking": {"unknown_score": 0.4}})
    with pytest.raises(AiConfigError, match="unknown recogniser type"):
        parse({"recogniser": {"type": "facenet"}})
    assert AiModels.load(parse({"recogniser": {"type": "none"}}), sessions).recogniser is None


def test_missing_weights_are_reported_with_the_install_step(sessions, monkeypatch):
    monkeypatch.setattr("video.ai.dlib_face.WEIGHTS_DISTRIBUTION", "face-recognition-models-absent")
    models = AiModels.load(AiConfig(), sessions)
    (status,) = [s for s in models.status if s.job.startswith("人脸识别")]
    assert models.recogniser is None and not status.loaded
    assert "pip install face-recognition-models" in status.message and ".ci/install" in status.message
