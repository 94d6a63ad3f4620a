"""A real RTSP server on loopback for the tests and the wall benchmark (GStreamer's rtsp-server).

Run with Debian's /usr/bin/python3 (python3-gi + gir1.2-gst-rtsp-server-1.0):
    /usr/bin/python3 rtsp_server.py PORT /mount1=clip1.mp4 /mount2=clip2.mp4 ...
Each mount serves an MP4 (H.264) file at its own frame rate, without re-encoding; make the file as long
as the test needs (`ffmpeg -stream_loop N -i clip.mp4 -c copy long.mp4`). Prints "ready" once it listens.
"""

import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main() -> None:
    Gst.init(None)
    port, mounts = sys.argv[1], sys.argv[2:]
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    for mount in mounts:
        path, clip = mount.split("=", 1)
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(
            f"( filesrc location={clip} ! qtdemux ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )"
        )
        factory.set_shared(True)
        server.get_mount_points().add_factory(path, factory)
    if server.attach(None) == 0:
        sys.exit(f"cannot listen on 127.0.0.1:{port}")
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
