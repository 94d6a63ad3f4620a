"""ONVIF: the profiles and RTSP addresses read from a SOAP device on 127.0.0.1 that checks the digest."""

from __future__ import annotations

import pytest

from tests.video.onvif_responder import OnvifDevice, Profile
from tests.video.servers import free_port
from video.onvif import OnvifError, device_url, read_streams
from video.probe import probe_stream

PROFILES = [
    Profile("Profile_1", "mainStream", 1920, 1080, "rtsp://10.0.0.5:554/Streaming/Channels/101"),
    Profile("Profile_2", "subStream", 640, 360, "rtsp://10.0.0.5:554/Streaming/Channels/102"),
    Profile("Profile_3", "thirdStream", 1280, 720, "rtsp://10.0.0.5:554/Streaming/Channels/103", "H265"),
]


@pytest.fixture
def device():
    started = []

    def start(profiles=PROFILES, **kwargs) -> OnvifDevice:
        started.append(OnvifDevice("admin", "Secret#12", list(profiles), **kwargs).start())
        return started[-1]

    yield start
    for one in started:
        one.stop()


def test_profiles_are_read_and_the_largest_is_main_and_the_smallest_sub(device):
    camera = device()
    streams = read_streams(camera.address, "admin", "Secret#12")
    assert [(p.name, p.encoding, p.width, p.height) for p in streams.profiles] == [
        ("mainStream", "H264", 1920, 1080),
        ("subStream", "H264", 640, 360),
        ("thirdStream", "H265", 1280, 720),
    ]  # the metadata-only profile has no stream and is left out
    assert streams.main.uri.endswith("/101") and streams.sub.uri.endswith("/102")
    assert camera.calls == ["GetCapabilities", "GetProfiles", "GetStreamUri", "GetStreamUri", "GetStreamUri"]


def test_a_wrong_password_is_a_clear_not_authorized(device):
    camera = device()
    with pytest.raises(OnvifError, match="用户名或密码错误 \\(NotAuthorized"):
        read_streams(camera.address, "admin", "wrong")
    assert camera.calls == ["GetCapabilities"]
    plain = device(plain_401=True)
    with pytest.raises(OnvifError, match="401 NotAuthorized"):
        read_streams(f"http://{plain.address}/onvif/device_service", "admin", "Secret#12x")


def test_a_single_profile_has_no_sub_stream(device):
    camera = device(PROFILES[:1])
    streams = read_streams(camera.address, "admin", "Secret#12")
    assert streams.sub is None and streams.main.name == "mainStream"


def test_nothing_listening_and_a_bad_address_say_so():
    with pytest.raises(OnvifError, match="连接被拒绝"):
        read_streams(f"127.0.0.1:{free_port()}", "admin", "x", timeout=2)
    with pytest.raises(OnvifError, match="设备地址"):
        read_streams("", "admin", "x")
    assert device_url("192.168.1.64") == "http://192.168.1.64/onvif/device_service"
    assert device_url("http://192.168.1.64:8080/") == "http://192.168.1.64:8080/onvif/device_service"


def test_the_main_stream_onvif_names_plays_from_the_tests_own_rtsp_server(device, rtsp_server):
    camera = device([Profile("Profile_1", "main", 320, 180, rtsp_server.url("street"))])
    streams = read_streams(camera.address, "admin", "Secret#12")
    result = probe_stream(streams.main.uri)
    assert (result.codec, result.width, result.height) == ("h264", 320, 180)
