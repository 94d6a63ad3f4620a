"""What the wiring tests build on: a camera at the site's gate and the shell signed in as a role."""

from __future__ import annotations

from sqlalchemy import select

from app.access import User
from app.config import Seat
from app.models import Camera, Grid
from widgets.shell_context import ShellSettings, build_shell_context


def add_camera(
    db, *, name: str = "东门人脸抓拍", url: str = "rtsp://127.0.0.1:1/none", ai: bool = True
) -> int:
    """A camera on a one-building grid (created on first use) at the site's gate."""
    with db.session() as session:
        grid = session.scalar(select(Grid).where(Grid.code == "W-4"))
        if grid is None:
            grid = Grid(code="W-4", name="幸福里3号楼", level=4)
            session.add(grid)
            session.flush()
        camera = Camera(name=name, grid_id=grid.id, lon=113.6, lat=34.7, main_url=url, ai_enabled=ai)
        session.add(camera)
        session.flush()
        return camera.id


def context_on(db, tmp_path, role: str | None = None):
    """The shell signed in as a user of `role` (nobody: the local system, which may see nothing)."""
    seat = Seat.signed_in(User(1, "测试用户", role)) if role else Seat()
    return build_shell_context(db, ShellSettings(path=tmp_path / "window.ini"), seat)
