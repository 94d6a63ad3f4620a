"""Small ONNX models with the signatures of the real ones (SFace, mask classifier, YOLO), for tests.

No package ships those weights, so the tests build stand-ins that run through the same loading,
pre-processing and post-processing code as the real models would.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = [helper.make_opsetid("", 17)]


def _save(graph: onnx.GraphProto, path: Path) -> Path:
    model = helper.make_model(graph, opset_imports=OPSET)
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def embedding_model(path: Path) -> Path:
    """SFace signature: [1,3,112,112] RGB 0-255 -> [1,128].

    The vector is the aligned face's grey picture pooled to a 16x8 grid, with its local mean removed
    (a high-pass, so two faces differ by their features rather than by overall shading): a deterministic
    function of the aligned crop that tells two different faces apart and the same face at two sizes not.
    """
    grey_weights = np.array([0.299, 0.587, 0.114], dtype=np.float32).reshape(1, 3, 1, 1)
    nodes = [
        helper.make_node("Conv", ["data", "grey_w"], ["grey"]),
        helper.make_node("AveragePool", ["grey"], ["cells"], kernel_shape=[7, 14], strides=[7, 14]),
        helper.make_node(
            "AveragePool",
            ["cells"],
            ["local"],
            kernel_shape=[3, 3],
            strides=[1, 1],
            pads=[1, 1, 1, 1],
            count_include_pad=0,
        ),
        helper.make_node("Sub", ["cells", "local"], ["detail"]),
        helper.make_node("Flatten", ["detail"], ["fc1"], axis=1),
    ]
    graph = helper.make_graph(
        nodes,
        "test_sface",
        [helper.make_tensor_value_info("data", TensorProto.FLOAT, [1, 3, 112, 112])],
        [helper.make_tensor_value_info("fc1", TensorProto.FLOAT, [1, 128])],
        [numpy_helper.from_array(grey_weights, "grey_w")],
    )
    return _save(graph, path)


def mask_model(path: Path, size: int = 64) -> Path:
    """Mask classifier signature: [1,3,S,S] RGB 0-1 -> [1,2] logits (mask, no mask).

    Decides by the lower half of the face: a surgical mask is bluer than red, skin is redder than blue.
    """
    half = size // 2
    nodes = [
        helper.make_node("Slice", ["input", "starts", "ends", "axes"], ["lower"]),
        helper.make_node("ReduceMean", ["lower"], ["channel_means"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["channel_means", "weights"], ["logits"]),
    ]
    # logits: mask = 20 * (B - R), no mask = 20 * (R - B)
    weights = np.array([[-20.0, 20.0], [0.0, 0.0], [20.0, -20.0]], dtype=np.float32)
    inits = [
        numpy_helper.from_array(np.array([half], dtype=np.int64), "starts"),
        numpy_helper.from_array(np.array([size], dtype=np.int64), "ends"),
        numpy_helper.from_array(np.array([2], dtype=np.int64), "axes"),
        numpy_helper.from_array(weights, "weights"),
    ]
    graph = helper.make_graph(
        nodes,
        "test_mask",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, size, size])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 2])],
        inits,
    )
    return _save(graph, path)


def yolo_model(path: Path, boxes: np.ndarray, size: int = 320, classes: int = 80) -> Path:
    """YOLOv8 signature: [1,3,S,S] -> [1,4+classes,N]. Outputs the given rows (cx,cy,w,h,person score),
    the scores scaled by the input's brightness (capped at 1), so the output depends on the picture."""
    n = boxes.shape[0]
    table = np.zeros((1, 4 + classes, n), dtype=np.float32)
    table[0, :4] = boxes[:, :4].T
    table[0, 4] = boxes[:, 4]
    nodes = [
        helper.make_node("ReduceMean", ["images"], ["brightness"], keepdims=0),
        helper.make_node("Mul", ["brightness", "four"], ["gain_raw"]),
        helper.make_node("Min", ["gain_raw", "one"], ["gain"]),
        helper.make_node("Mul", ["table", "mask"], ["scores_only"]),
        helper.make_node("Mul", ["scores_only", "gain"], ["scaled_scores"]),
        helper.make_node("Mul", ["table", "inverse_mask"], ["coords"]),
        helper.make_node("Add", ["coords", "scaled_scores"], ["output0"]),
    ]
    score_mask = np.zeros_like(table)
    score_mask[0, 4:] = 1.0
    inits = [
        numpy_helper.from_array(table, "table"),
        numpy_helper.from_array(score_mask, "mask"),
        numpy_helper.from_array(1.0 - score_mask, "inverse_mask"),
        numpy_helper.from_array(np.array(4.0, dtype=np.float32), "four"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one"),
    ]
    graph = helper.make_graph(
        nodes,
        "test_yolo",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, [1, 3, size, size])],
        [helper.make_tensor_value_info("output0", TensorProto.FLOAT, [1, 4 + classes, n])],
        inits,
    )
    return _save(graph, path)
