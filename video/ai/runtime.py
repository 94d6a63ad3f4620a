"""Shared onnxruntime sessions and the size of the inference pool on this machine.

One session per model file for the whole process (onnxruntime sessions are safe to run from several
threads), each limited to one intra-op thread: the pool, not the session, decides how many cores AI uses.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import onnxruntime as ort


class ModelLoadError(Exception):
    """A model file is missing or is not a usable ONNX model (the message says which and why)."""


class SessionCache:
    """Opens each model file once and hands the same session to every camera."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[Path, ort.InferenceSession] = {}

    def get(self, path: str | Path) -> ort.InferenceSession:
        key = Path(path).resolve()
        with self._lock:
            session = self._sessions.get(key)
            if session is None:
                session = self._open(key)
                self._sessions[key] = session
            return session

    @staticmethod
    def _open(path: Path) -> ort.InferenceSession:
        if not path.is_file():
            raise ModelLoadError(f"模型文件不存在 model file not found: {path}")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3
        try:
            return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises several private exception types
            raise ModelLoadError(f"模型无法加载 cannot load model {path}: {error}") from error

    def __len__(self) -> int:
        return len(self._sessions)


def pool_size(cpu_count: int | None = None) -> int:
    """Inference workers for this machine: leave one core for decoding and the UI, use at most four."""
    cores = cpu_count if cpu_count is not None else (os.cpu_count() or 2)
    return max(1, min(4, cores - 1))
