"""A real RTSP server on loopback for the tests and the wall benchmark (GStreamer's rtsp-server).

Run with Debian's /usr/bin/python3 (python3-gi + gir1.2-gst-rtsp-server-1.0):
    /usr/bin/python3 rtsp_server.py PORT /mount1=clip1.mp4 /mount2=clip2.mp4 ...
Each mount serves an MP4 (H.264) file at its own frame rate, without re-encoding; make the file as long
as the test needs (`ffmpeg -stream_loop N -i clip.mp4 -c copy long.mp4`). Prints "ready" once it listens.
A mount matches its path whatever the query (a recorder's `?starttime=...`); with RTSP_REQUEST_LOG set,
every DESCRIBE's full URL is appended to that file, so a test sees the query a client asked for.
"""

import os
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def _log_describes(client, log: str) -> None:
    def describe(_client, context) -> None:
        with open(log, "a", encoding="utf-8") as out:
            out.write(context.uri.get_request_uri() + "\n")

    client.connect("describe-request", describe)


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
    log = os.environ.get("RTSP_REQUEST_LOG")
    if log:
        server.connect("client-connected", lambda _server, client: _log_describes(client, log))
    if server.attach(None) == 0:
        sys.exit(f"cannot listen on 127.0.0.1:{port}")
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
