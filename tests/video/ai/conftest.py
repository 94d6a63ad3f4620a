"""Fixtures for the AI tests: shared sessions, the real MTCNN, generated stand-in models."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import Seat
from tests.video.ai.onnx_models import embedding_model, mask_model
from video.ai.config import AiConfig
from video.ai.gallery import FaceGallery
from video.ai.mtcnn import MtcnnFaceDetector, MtcnnSettings
from video.ai.recognition import FaceRecogniser, RecogniserSettings
from video.ai.runtime import SessionCache

# The generated embedding model is cruder than SFace: same-face similarity ~0.98, different faces < 0.5.
TEST_MATCH_THRESHOLD = 0.6


@pytest.fixture(scope="session")
def sessions() -> SessionCache:
    return SessionCache()


@pytest.fixture(scope="session")
def mtcnn(sessions) -> MtcnnFaceDetector:
    return MtcnnFaceDetector(MtcnnSettings(min_face_size=40), sessions)


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("models")
    embedding_model(folder / "test_sface.onnx")
    mask_model(folder / "test_mask.onnx")
    return folder


@pytest.fixture(scope="session")
def recogniser(sessions, model_dir) -> FaceRecogniser:
    return FaceRecogniser(
        RecogniserSettings(model=str(model_dir / "test_sface.onnx"), match_threshold=TEST_MATCH_THRESHOLD),
        sessions,
    )


@pytest.fixture
def ai_config(model_dir) -> AiConfig:
    from video.ai.config import parse

    return parse(
        {
            "face_detector": {"type": "mtcnn", "min_face_size": 40},
            "recogniser": {
                "model": str(model_dir / "test_sface.onnx"),
                "match_threshold": TEST_MATCH_THRESHOLD,
            },
            "mask": {"model": str(model_dir / "test_mask.onnx")},
            "tracking": {"min_faces": 2},
        }
    )


@pytest.fixture
def seat_folder(tmp_path) -> Path:
    """This seat's data folder, where it keeps the site secret."""
    return tmp_path / "seat"


@pytest.fixture
def gallery(sqlite_db, seat_folder) -> FaceGallery:
    return FaceGallery.of_site(sqlite_db, Seat("tester", "test-host"), seat_folder)


def add_camera(db, camera_id: int = 17) -> int:
    """A camera in a one-building test grid (created on first use)."""
    from app.models import Camera, Grid

    with db.session() as session:
        grid = session.query(Grid).filter_by(code="T-4").one_or_none()
        if grid is None:
            grid = Grid(code="T-4", name="测试楼栋", level=4)
            session.add(grid)
            session.flush()
        if session.get(Camera, camera_id) is None:
            session.add(
                Camera(
                    id=camera_id,
                    name=f"摄像头{camera_id}",
                    grid_id=grid.id,
                    lon=116.4,
                    lat=39.9,
                    main_url=f"demo://scene/{camera_id}",
                )
            )
        return camera_id


def add_resident(db, name: str = "王秀英") -> int:
    """A resident in the test building (camera 17 is made alongside, for events)."""
    from app.models import Building, Grid, Household, Resident

    add_camera(db, 17)
    with db.session() as session:
        grid = session.query(Grid).filter_by(code="T-4").one()
        building = Building(grid_id=grid.id, name="1号楼", address=f"幸福路{name}", lon=116.4, lat=39.9)
        household = Household(building=building, unit="1", room=str(abs(hash(name)) % 900 + 100))
        resident = Resident(household=household, name=name, sex="女")
        session.add(resident)
        session.flush()
        return resident.id
