"""The demo's 16 ordinary + 5 AI cameras and the elderly-care sensors in the detailed community."""

from __future__ import annotations

import random

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.models import Camera, Sensor
from app.models.devices import SENSOR_KIND_ZH

ORDINARY_CAMERAS = 16
AI_CAMERA_NAMES = ("东门人脸抓拍", "南门人脸抓拍", "北门人脸抓拍", "中心广场", "地下车库入口")
# Each elderly-care household gets the usual telecare kit: an SOS button, a motion sensor, a door contact,
# and every other one a smoke detector. They carry their kind's name, as the site workbook names them.
SENSOR_KIT = (("sos", "rf433"), ("pir", "rf433"), ("door", "rf433"))
CARE_HOUSEHOLDS = 6


def demo_camera_url(scene: int, width: int, height: int) -> str:
    """Locally generated scenes: the video package plays them like a real stream (see video/)."""
    return f"demo://scene/{scene}?w={width}&h={height}"


def build_cameras(session: Session, rng: random.Random, compound_grid_id: int, building_sites: list) -> None:
    rows = []
    for scene in range(1, ORDINARY_CAMERAS + len(AI_CAMERA_NAMES) + 1):
        site = building_sites[(scene * 7) % len(building_sites)]
        ai = scene > ORDINARY_CAMERAS
        name = (
            AI_CAMERA_NAMES[scene - ORDINARY_CAMERAS - 1]
            if ai
            else f"{site.number}号楼{rng.choice('东南西北')}侧"
        )
        rows.append(
            {
                "name": name,
                "grid_id": compound_grid_id if ai else site.grid_id,
                "lon": site.lon + rng.uniform(-0.0002, 0.0002),
                "lat": site.lat + rng.uniform(-0.0002, 0.0002),
                "main_url": demo_camera_url(scene, 1280, 720),
                "sub_url": demo_camera_url(scene, 640, 360),
                "transport": "tcp",
                "ai_enabled": ai,
            }
        )
    session.execute(insert(Camera), rows)


def build_sensors(session: Session, rng: random.Random, households: list[tuple[int, int]]) -> None:
    """`households`: (household id, grid id of its building) of elderly people living alone."""
    rows, codes = [], set()
    for index, (household_id, grid_id) in enumerate(households[:CARE_HOUSEHOLDS]):
        kit = SENSOR_KIT + ((("smoke", "zigbee"),) if index % 2 == 0 else ())
        for kind, protocol in kit:
            if protocol == "rf433":
                code = _unique_code(rng, codes)
            else:
                code = f"smoke_{household_id}"
            rows.append(
                {
                    "name": SENSOR_KIND_ZH[kind],
                    "kind": kind,
                    "protocol": protocol,
                    "device_code": code,
                    "grid_id": grid_id,
                    "household_id": household_id,
                }
            )
    session.execute(insert(Sensor), rows)


def _unique_code(rng: random.Random, taken: set[str]) -> str:
    """An EV1527 24-bit code as six upper-case hex digits."""
    while True:
        code = f"{rng.randrange(1 << 24):06X}"
        if code not in taken:
            taken.add(code)
            return code
