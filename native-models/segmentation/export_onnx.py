"""Exports a trained checkpoint to ONNX with a dynamic superpoint count and click count.

  /usr/bin/python3 native-models/segmentation/export_onnx.py runs/model.pt segmentation.onnx

Inputs:  features [N, 23], neighbours [N, 16] (superpoint ids), clicks [C] (superpoint ids, C >= 1), all float32
Outputs: logits [N, 20], affinity [N, 16], prompt [N]  (all float32)
The file's metadata records the feature layout, the neighbour count and the class names, which the
host checks before running it.
"""
import json
import sys

import onnx
import torch

from model import FEATURE_COUNT, SuperpointTransformer


class Exported(torch.nn.Module):
    """Index inputs as float32 (exact below 2^24), cast inside the graph: the host's ONNX runtime
    worker passes float32 tensors only."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, features, neighbours, clicks):
        return self.model(features, neighbours.long(), clicks.long())

NEIGHBOURS = 16
CLASSES = ["wall", "floor", "cabinet", "bed", "chair", "sofa", "table", "door", "window", "bookshelf", "picture", "counter", "desk", "curtain", "refrigerator", "shower curtain", "toilet", "sink", "bathtub", "otherfurniture"]


def main(ckpt_path: str, out_path: str):
    torch.set_num_threads(1)
    ckpt = torch.load(ckpt_path)
    model = SuperpointTransformer(**ckpt["config"])
    model.load_state_dict(ckpt["state"])
    model.eval()
    n = 40
    g = torch.Generator().manual_seed(0)
    features = torch.rand(n, FEATURE_COUNT, generator=g)
    neighbours = torch.randint(0, n, (n, NEIGHBOURS), generator=g)
    clicks = torch.tensor([3], dtype=torch.long)
    torch.onnx.export(
        Exported(model),
        (features, neighbours.float(), clicks.float()),
        out_path,
        input_names=["features", "neighbours", "clicks"],
        output_names=["logits", "affinity", "prompt"],
        dynamic_axes={"features": {0: "N"}, "neighbours": {0: "N"}, "clicks": {0: "C"}, "logits": {0: "N"}, "affinity": {0: "N"}, "prompt": {0: "N"}},
        opset_version=15,
        do_constant_folding=True,
    )
    m = onnx.load(out_path)
    meta = {"scenewright.model": "segmentation-superpoint-transformer", "scenewright.feature_layout": "1", "scenewright.neighbours": str(NEIGHBOURS), "scenewright.classes": json.dumps(CLASSES)}
    for k, v in meta.items():
        p = m.metadata_props.add()
        p.key, p.value = k, v
    onnx.checker.check_model(m)
    onnx.save(m, out_path)
    with torch.no_grad():
        ref = model(features, neighbours, clicks)
    print(f"exported {out_path}: {sum(p.numel() for p in model.parameters())} parameters; logits {tuple(ref[0].shape)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
