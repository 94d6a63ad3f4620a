"""A site with two cameras for the clip tests: 东门 at the alarm's place and 北门 a kilometre away."""

from __future__ import annotations

from app.context import SiteContext
from app.events import EventHub
from app.models import Camera, Grid

PLACE = (113.6100, 34.7100)  # where the alarms are raised
FAR = (113.6100, 34.7200)  # ~1.1 km north


def site_with_cameras(db, url: str) -> tuple[SiteContext, dict[str, int]]:
    with db.session() as session:
        grid = Grid(code="W-1", name="幸福里1号楼", level=4, centre_lon=PLACE[0], centre_lat=PLACE[1])
        session.add(grid)
        session.flush()
        near = Camera(
            name="东门", grid_id=grid.id, lon=PLACE[0] + 0.0005, lat=PLACE[1], main_url=url, sub_url=url
        )
        far = Camera(name="北门", grid_id=grid.id, lon=FAR[0], lat=FAR[1], main_url=url, sub_url=url)
        session.add_all([near, far])
        session.flush()
        ids = {"near": near.id, "far": far.id}
    return SiteContext(db, EventHub()), ids
