"""Feeds a camera's capture worker into the inference service at the camera's detection rate."""

from __future__ import annotations

from collections.abc import Callable

from video.ai.service import InferenceService
from video.capture import CaptureWorker
from video.frames import DecodedFrame


def feed_from_worker(service: InferenceService, camera_id: int, worker: CaptureWorker) -> Callable[[], None]:
    """Hand the worker's frames to the service (converted to BGR on the capture thread, a copy the
    service may keep); returns a function that stops feeding."""
    fps = service.pipeline(camera_id).detect_fps

    def on_frame(frame: DecodedFrame) -> None:
        service.submit(camera_id, frame.bgr(), frame.captured_at)

    return worker.add_frame_listener(on_frame, fps)
