"""The site service's own capture: with no window open, an alarm raised in `serve`'s runtime gets its
clip from the packets the service read itself (demux only), and a camera edited is read again."""

from __future__ import annotations

import time

import av
from sqlalchemy import select

from alarms.models import Priority
from alarms.service import AlarmDraft
from app.events import CameraChanged, Change, Topic
from app.models import Camera
from runtime.leadership import Duties
from runtime.site import RuntimeOptions, SiteRuntime
from tests.video.clips.site import PLACE, site_with_cameras
from video.clip_records import READY, Clip
from video.clip_writer import ClipWindow


def wait_until(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_the_service_buffers_every_camera_and_writes_an_alarms_clip(db, rtsp_server, tmp_path):
    site, cameras = site_with_cameras(db, rtsp_server.url("street"))
    with db.session() as session:  # a demo scene is not read by the service
        session.get(Camera, cameras["far"]).sub_url = "demo://scene/2?w=320&h=180"
    options = RuntimeOptions(
        duties=Duties.STANDBY, sensors=False, clip_capture=True, clip_window=ClipWindow(2.0, 2.0)
    )
    runtime = SiteRuntime(site, options)
    runtime.clips.folder = tmp_path / "clips"
    runtime.start()
    try:
        assert runtime.clip_capture.cameras == [cameras["near"]]
        near = runtime.packets.buffer_for(cameras["near"])
        wait_until(lambda: near.held_seconds() >= 3.5, 30)
        runtime.alarms.raise_alarm(
            AlarmDraft(kind="sos", priority=Priority.P1, title="SOS", lon=PLACE[0], lat=PLACE[1])
        )
        runtime.clips.wait(30)
        generation = near.generation
        with db.session() as session:  # a new address: read again from a new stream
            session.get(Camera, cameras["near"]).sub_url = rtsp_server.url("street") + "?again"
        site.hub.publish(Change(Topic.CAMERA, (cameras["near"],), CameraChanged("edited")))
        wait_until(lambda: near.generation > generation and near.held_seconds() > 0.5, 30)
        with db.session() as session:  # no address any more (as a deleted camera): not read, forgotten
            session.get(Camera, cameras["near"]).sub_url = None
            session.get(Camera, cameras["near"]).main_url = ""
        site.hub.publish(Change(Topic.CAMERA, (cameras["near"],), CameraChanged("edited")))
        wait_until(lambda: runtime.clip_capture.cameras == [] and near.held_bytes == 0, 10)
    finally:
        runtime.stop()
    with db.session() as session:
        clip = session.scalars(select(Clip)).one()
        assert (clip.camera_id, clip.state, clip.dropped) == (cameras["near"], READY, False)
        path = clip.path
    with av.open(path) as container:
        assert container.streams.video[0].codec_context.name == "h264"
        assert sum(1 for _ in container.decode(video=0)) >= 3.5 * 15
