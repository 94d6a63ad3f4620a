"""The AI screens on a fresh site: a building with residents, two cameras, the real MTCNN and the
generated test embedding model (shared with tests/video/ai)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.config import Seat
from app.models import Building, Camera, Grid, Household, Resident
from app.store import Database
from tests.sealing import sealed
from tests.video.ai.conftest import ai_config, model_dir, mtcnn, recogniser, sessions  # noqa: F401
from tests.widgets.conftest import ADMIN_SEAT
from video.ai.gallery import FaceGallery
from widgets.ai.face_tools import FaceTools, use_tools

RESIDENTS = [
    ("张桂兰", "女", "410102194503120026", "13812345678", "101"),
    ("刘强", "男", "41010219800101123X", "13900001111", "202"),
    ("陈静", "女", "410102198205051521", "13900002222", "202"),
]


@dataclass
class AiSite:
    db: Database
    residents: dict[str, int]
    cameras: dict[str, int]


def fill_site(db: Database) -> AiSite:
    with db.session() as session:
        grid = Grid(code="G01-02-03-04", name="幸福里3号楼", level=4)
        session.add(grid)
        session.flush()
        building = Building(
            grid_id=grid.id, name="3号楼", address="郑州市二七区幸福路8号幸福里3号楼", lon=113.6, lat=34.7
        )
        session.add(building)
        cameras = {}
        for name in ("东门入口", "地下车库"):
            camera = Camera(
                name=name, grid_id=grid.id, lon=113.6, lat=34.7, main_url="demo://scene/1", ai_enabled=True
            )
            session.add(camera)
            session.flush()
            cameras[name] = camera.id
        households: dict[str, Household] = {}
        residents = {}
        for name, sex, id_number, phone, room in RESIDENTS:
            columns = sealed(session, id_number)  # reads the site's key: before anything new is pending
            if room not in households:
                households[room] = Household(building=building, unit="1", room=room)
            resident = Resident(household=households[room], name=name, sex=sex, phone=phone, **columns)
            session.add(resident)
            session.flush()
            residents[name] = resident.id
    return AiSite(db, residents, cameras)


@pytest.fixture
def ai_site(sqlite_db) -> AiSite:
    return fill_site(sqlite_db)


@pytest.fixture
def shell(qapp, ai_site, tmp_path, ai_config, sessions):  # noqa: F811 (fixtures imported above)
    """A shell on the site whose face tools use the test models and a key in the test's folder."""
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    context = build_shell_context(ai_site.db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    gallery = FaceGallery.of_site(ai_site.db, Seat("值班员", "seat-1"), tmp_path / "seat", hub=context.hub)
    use_tools(context, FaceTools(ai_site.db, context.hub, ai_config, gallery, True, sessions))
    yield context
    context.bridge.close()
