"""The connection test opens a real RTSP stream once and says what it sends; a dead one says why."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from tests.video.servers import free_port
from video.opening import CaptureSettings, StreamFailure
from video.probe import probe_stream


def test_rtsp_stream_reports_codec_size_rate_and_a_picture(rtsp_server):
    result = probe_stream(rtsp_server.url("street"))
    assert (result.codec, result.width, result.height) == ("h264", 320, 180)
    assert 10 <= result.fps <= 20  # the clip is 15 fps, measured on the wire
    picture = cv2.imdecode(np.frombuffer(result.snapshot_jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert picture.shape == (180, 320, 3)
    assert picture.std() > 10  # a street scene, not a blank frame
    assert result.summary == f"H264 320x180 {result.fps:.1f} fps"


def test_a_dead_port_is_refused_quickly_with_a_plain_reason():
    with pytest.raises(StreamFailure, match="连接被拒绝 \\(connection refused\\)"):
        probe_stream(f"rtsp://127.0.0.1:{free_port()}/street", settings=CaptureSettings(open_timeout=2))


def test_a_wrong_mount_and_a_bad_address_are_told_apart(rtsp_server):
    with pytest.raises(StreamFailure) as missing:
        probe_stream(rtsp_server.url("no-such-mount"), settings=CaptureSettings(open_timeout=3))
    assert "not found" in missing.value.reason or "invalid data" in missing.value.reason
    with pytest.raises(StreamFailure, match="unsupported URL scheme") as bad:
        probe_stream("ftp://127.0.0.1/x")
    assert bad.value.permanent


def test_a_file_reports_its_own_rate(clip):
    result = probe_stream(str(clip))
    assert (result.width, result.height, result.fps) == (320, 180, 15.0)
