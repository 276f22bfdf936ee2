"""Exports a trained checkpoint to ONNX with a dynamic token count T and object count M.

  /usr/bin/python3 export_onnx.py data/model.pt layout.onnx

Inputs (float32; ids as floats): tokens [T], names [M, 4], objects [M, 20]
Outputs (float32): intent [6], target [M], reference [M+3] (objects, room, wall, none),
reference2 [M+1] (objects, none), relation [17], direction [5], frame [2], unit [10], sense [2],
span_start [T], span_end [T]. app/layout/model/encode.ts defines every index; the host checks the
declared shapes before it runs the file.
"""
import json
import sys

import onnx
import torch

from model import HEAD_ORDER, NAME_TOKENS, OBJECT_FEATURES, LayoutModel


class Exported(torch.nn.Module):
    """One instruction and one room, no padding; float inputs cast inside the graph (the host's ONNX
    Runtime worker passes float32 tensors only)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, tokens, names, objects):
        t = tokens.long().unsqueeze(0)
        n = names.long().unsqueeze(0)
        f = objects.unsqueeze(0)
        tmask = torch.ones_like(t, dtype=torch.bool)
        omask = torch.ones(n.shape[0], n.shape[1], dtype=torch.bool)
        out = self.model(t, tmask, n, f, omask)
        return tuple(out[k][0] for k in HEAD_ORDER)


def main(ckpt_path: str, out_path: str):
    torch.set_num_threads(1)
    ckpt = torch.load(ckpt_path)
    model = LayoutModel(**ckpt["config"])
    model.load_state_dict(ckpt["state"])
    model.eval()
    wrapped = Exported(model).eval()
    t, m = 12, 7
    tokens = torch.randint(4, ckpt["config"]["vocab"], (t,)).float()
    tokens[0], tokens[-1] = 2, 3
    names = torch.randint(4, ckpt["config"]["vocab"], (m, NAME_TOKENS)).float()
    objects = torch.randn(m, OBJECT_FEATURES)
    dynamic = {"tokens": {0: "T"}, "names": {0: "M"}, "objects": {0: "M"}}
    for k in HEAD_ORDER:
        if k == "target":
            dynamic[k] = {0: "M"}
        elif k == "reference":
            dynamic[k] = {0: "M_plus_3"}
        elif k == "reference2":
            dynamic[k] = {0: "M_plus_1"}
        elif k.startswith("span"):
            dynamic[k] = {0: "T"}
    torch.onnx.export(wrapped, (tokens, names, objects), out_path, input_names=["tokens", "names", "objects"], output_names=HEAD_ORDER, dynamic_axes=dynamic, opset_version=17, do_constant_folding=True)
    proto = onnx.load(out_path)
    onnx.checker.check_model(proto)
    meta = {
        "scenewright.kind": "layout-language-model",
        "scenewright.heads": json.dumps(HEAD_ORDER),
        "scenewright.vocab_size": str(ckpt["config"]["vocab"]),
        "scenewright.object_features": str(OBJECT_FEATURES),
        "scenewright.name_tokens": str(NAME_TOKENS),
        "scenewright.params": str(ckpt.get("params", 0)),
        "scenewright.seed": str(ckpt.get("seed", "")),
    }
    for k, v in meta.items():
        p = proto.metadata_props.add()
        p.key, p.value = k, v
    onnx.save(proto, out_path)
    # The exported graph must answer like the PyTorch model on another shape than the trace's.
    with torch.no_grad():
        t2, m2 = 20, 11
        tok2 = torch.randint(4, ckpt["config"]["vocab"], (t2,)).float()
        nam2 = torch.randint(4, ckpt["config"]["vocab"], (m2, NAME_TOKENS)).float()
        obj2 = torch.randn(m2, OBJECT_FEATURES)
        ref = wrapped(tok2, nam2, obj2)
    try:
        import onnxruntime as ort  # optional here; the host tests run the file with onnxruntime-node
        sess = ort.InferenceSession(out_path)
        got = sess.run(None, {"tokens": tok2.numpy(), "names": nam2.numpy(), "objects": obj2.numpy()})
        worst = max(float((torch.from_numpy(g) - r).abs().max()) for g, r in zip(got, ref))
        print(f"onnxruntime vs torch: max abs difference {worst:.2e}")
    except ImportError:
        print("onnxruntime (Python) not installed; skipped the runtime comparison (the TypeScript tests run the file)")
    print(f"wrote {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
