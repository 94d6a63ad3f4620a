"""An alarm raised at time T yields a clip of the nearest camera, remuxed from the pre-event buffer
of a worker reading the tests' own RTSP server; on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import UTC

import av
import pytest
from sqlalchemy import select

from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from runtime.alarm_tickets import wire_tickets
from runtime.clips import ClipRecorder, epoch
from tests.video.clips.site import PLACE, site_with_cameras
from video.clip_records import READY, Clip
from video.clip_writer import ClipWindow
from video.prebuffer import PacketPool

WINDOW = ClipWindow(before=3.0, after=3.0)  # the defaults' logic, in seconds a test can afford


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not {what} within {timeout} s"
        time.sleep(0.1)


def buffering(workers, rtsp_server, pool: PacketPool, camera_id: int, seconds: float):
    buffer = pool.buffer_for(camera_id)
    workers(rtsp_server.url("street"), packets=buffer)
    wait_until(lambda: buffer.held_seconds() >= seconds, timeout=30, what=f"{seconds} s buffered")
    return buffer


def raise_sos(alarms: AlarmService) -> int:
    draft = AlarmDraft(kind="sos", priority=Priority.P1, title="SOS 幸福里1号楼", lon=PLACE[0], lat=PLACE[1])
    return alarms.raise_alarm(draft)


def stored_clips(db) -> list[Clip]:
    with db.session() as session:
        clips = session.scalars(select(Clip).order_by(Clip.id)).all()
        session.expunge_all()
        return clips


def test_an_alarm_yields_an_h264_clip_from_before_it_to_after_it(db, rtsp_server, workers, tmp_path):
    site, cameras = site_with_cameras(db, rtsp_server.url("street"))
    pool = PacketPool()
    alarms = AlarmService(db, site.hub, site.seat)
    recorder = ClipRecorder(site, pool, alarms, folder=tmp_path / "clips", window=WINDOW)
    recorder.start()
    buffering(workers, rtsp_server, pool, cameras["near"], WINDOW.before + 2)
    buffering(workers, rtsp_server, pool, cameras["far"], 0.5)  # buffered too, but too far away
    try:
        alarm_id = raise_sos(alarms)
        recorder.wait(30)
    finally:
        recorder.stop()
    [clip] = stored_clips(db)
    assert (clip.alarm_id, clip.camera_id, clip.camera_name, clip.state) == (
        alarm_id,
        cameras["near"],
        "东门",
        READY,
    )
    assert not clip.dropped and clip.note == ""
    event = epoch(clip.event_at)
    with av.open(clip.path) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert (
            f"event_at={clip.event_at.replace(tzinfo=UTC).isoformat(timespec='milliseconds')}"
            in (container.metadata["comment"])
        )
        times = [
            packet.pts * packet.time_base for packet in container.demux(stream) if packet.pts is not None
        ]
    with av.open(clip.path) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert min(times) == 0
    starts = epoch(clip.starts_at)
    assert event - WINDOW.before - 1.1 <= starts <= event - WINDOW.before + 2.0  # a key frame a second
    assert starts + float(max(times)) >= event + WINDOW.after - 0.2  # the last frame: one step short at most
    assert frames == len(times)


def test_a_camera_that_drops_mid_clip_gives_what_was_received_and_says_so(db, rtsp_server, workers, tmp_path):
    site, cameras = site_with_cameras(db, rtsp_server.url("street"))
    pool = PacketPool()
    alarms = AlarmService(db, site.hub, site.seat)
    recorder = ClipRecorder(
        site, pool, alarms, folder=tmp_path / "clips", window=ClipWindow(3.0, 30.0), quiet_s=1.5
    )
    recorder.start()
    buffering(workers, rtsp_server, pool, cameras["near"], 5)
    try:
        raise_sos(alarms)
        time.sleep(1.0)
        rtsp_server.kill()
        recorder.wait(30)
    finally:
        recorder.stop()
    [clip] = stored_clips(db)
    assert clip.state == READY and clip.dropped
    assert "摄像机" in clip.note and ("dropped" in clip.note or "reconnected" in clip.note)
    assert 3.5 <= clip.duration_s <= 6.0  # the seconds before and the one until the server went
    with av.open(clip.path) as container:
        assert sum(1 for _ in container.decode(video=0)) >= 3.5 * 15 - 2


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_an_alarm_with_a_camera_of_its_own_and_an_unbuffered_one(db, rtsp_server, workers, tmp_path):
    site, cameras = site_with_cameras(db, rtsp_server.url("street"))
    pool = PacketPool()
    alarms = AlarmService(db, site.hub, site.seat)
    recorder = ClipRecorder(site, pool, alarms, folder=tmp_path / "clips", window=ClipWindow(1.0, 1.0))
    recorder.start()
    buffering(workers, rtsp_server, pool, cameras["far"], 2)
    try:
        own = alarms.raise_alarm(
            AlarmDraft(
                kind="zone",
                priority=Priority.P2,
                title="区域入侵",
                camera_id=cameras["far"],
                lon=PLACE[0],
                lat=PLACE[1],
            )
        )
        raise_sos(alarms)  # near its place only 东门, which this process does not buffer: no clip
        recorder.wait(30)
    finally:
        recorder.stop()
    [clip] = stored_clips(db)
    assert (clip.alarm_id, clip.camera_id, clip.state) == (own, cameras["far"], READY)
    assert recorder.record_alarm(own) == []  # asked again: the row exists, nothing is written twice
    wire_tickets(alarms)
    recorder.start()
    try:
        ticket_id = alarms.dispatch(own, "派给网格员")
    finally:
        recorder.stop()
    [clip] = stored_clips(db)
    assert clip.ticket_id == ticket_id is not None  # a dispatched alarm's clip is its ticket's too


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_an_ai_event_gives_one_clip_linked_to_it_and_to_the_alarm_it_raised(
    db, rtsp_server, workers, tmp_path
):
    from app.events import AiEventChanged, Change, Topic
    from runtime.ai_alarms import AiAlarms
    from video.ai.records import AiEvent

    site, cameras = site_with_cameras(db, rtsp_server.url("street"))
    pool = PacketPool()
    alarms = AlarmService(db, site.hub, site.seat)
    recorder = ClipRecorder(site, pool, alarms, folder=tmp_path / "clips", window=ClipWindow(1.0, 1.0))
    policy = AiAlarms(site.hub, alarms)
    policy.start()
    recorder.start()
    buffering(workers, rtsp_server, pool, cameras["far"], 2)
    with db.session() as session:
        event = AiEvent(camera_id=cameras["far"], kind="zone", urgent=True, track_id=7, zone="围墙")
        session.add(event)
        session.flush()
        event_id = event.id
    try:
        site.hub.publish(
            Change(Topic.AI_EVENT, (event_id,), AiEventChanged("detected", "zone", True, cameras["far"]))
        )
        recorder.wait(30)
    finally:
        recorder.stop()
        policy.stop()
    [alarm] = alarms.active()
    [clip] = stored_clips(db)
    assert (clip.ai_event_id, clip.alarm_id, clip.camera_id, clip.state) == (
        event_id,
        alarm.id,
        cameras["far"],
        READY,
    )


def test_a_stream_released_for_good_leaves_no_stale_seconds(clip):
    from video.pool import Profile, StreamPool, StreamRequest

    pool = PacketPool()
    streams = StreamPool(packets=pool)
    worker = streams.acquire(StreamRequest(1, Profile.SUB, str(clip)))
    main = streams.acquire(StreamRequest(1, Profile.MAIN, str(clip)))  # a maximised tile's: not kept
    try:
        buffer = pool.get(1)
        wait_until(lambda: buffer.held_seconds() >= 1.0, timeout=15, what="a second buffered")
        assert main.packets is None and len(pool.buffers()) == 1
        streams.release(worker)
        assert buffer.held_bytes == 0 == pool.total_bytes or buffer.held_seconds() < 0.2
    finally:
        streams.close()
