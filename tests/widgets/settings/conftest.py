"""The clips and the RTSP server of tests/video, and the ONVIF responder, for the settings dialogs."""

from __future__ import annotations

from tests.video import conftest as video_fixtures

clip = video_fixtures.clip
long_clip = video_fixtures.long_clip
rtsp_server = video_fixtures.rtsp_server
