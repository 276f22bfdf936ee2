"""Seeded CPU training of the layout language model on examples from `scenewright layout synth`.

  /usr/bin/python3 train.py --data data/train.jsonl --out data/model.pt --seed 7 --epochs 3 --threads 1 [--init earlier.pt]

(reproduce.sh has the exact schedule behind layout.onnx.)

Never reads paraphrases-dev.jsonl or paraphrases-test.jsonl (the TypeScript eval scores those).
Holds out --val-share of the generated examples and prints per-head accuracy on them.
"""
import argparse
import json
import random
import time

import torch
from torch import nn

from model import HEAD_ORDER, NAME_TOKENS, OBJECT_FEATURES, LayoutModel

SELECTED_COLUMN = 18  # encode.ts: selected_0, selected_1
IGNORE = -100
POINTERS = {"reference": 3, "reference2": 1}  # extra slots after the objects


def load(path):
    rooms, examples = {}, []
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            if r["type"] == "room":
                assert r["object_features"] == OBJECT_FEATURES and r["name_tokens"] == NAME_TOKENS, "encode.ts and model.py disagree on the object layout"
                m = r["count"]
                rooms[r["room"] if "room" in r else r["key"]] = (
                    torch.tensor(r["names"], dtype=torch.long).reshape(m, NAME_TOKENS),
                    torch.tensor(r["features"], dtype=torch.float32).reshape(m, OBJECT_FEATURES),
                )
            else:
                examples.append(r)
    return rooms, examples


def subsample(e, names, features, limit, rng):
    """Up to `limit` object rows for one training example: every labelled or selected object, every
    object whose category name shares a token with the instruction (the distractors and anchors that
    "the small table by the window" is about), then random others. Attention cost grows with the
    square of the sequence, and this CPU's BLAS is slow; the model is permutation-invariant over
    objects, so it runs on whole rooms at inference. Returns the rows and the remapped labels."""
    m = names.shape[0]
    lab = dict(e["labels"])
    if limit <= 0 or m <= limit:
        return names, features, list(e["selection"]), lab
    must = [lab["target"]] if lab["target"] >= 0 else []
    must += [lab[k] for k in POINTERS if 0 <= lab[k] < m] + list(e["selection"])
    words = set(e["tokens"])
    mentioned = [i for i in range(m) if any(int(x) in words for x in names[i] if x > 0)]
    keep = list(dict.fromkeys(must + mentioned))
    rest = [i for i in range(m) if i not in set(keep)]
    rng.shuffle(rest)
    keep = keep + rest[: max(0, limit - len(keep))]
    rng.shuffle(keep)
    where = {old: new for new, old in enumerate(keep)}
    k = len(keep)
    if lab["target"] >= 0:
        lab["target"] = where[lab["target"]]
    for key in POINTERS:
        if lab[key] >= 0:
            lab[key] = where[lab[key]] if lab[key] < m else k + (lab[key] - m)
    idx = torch.tensor(keep)
    return names[idx], features[idx], [where[i] for i in e["selection"]], lab


def collate(batch, rooms, limit=0, rng=None):
    b = len(batch)
    picked = []
    for e in batch:
        n, f = rooms[e["room"]]
        picked.append(subsample(e, n, f, limit, rng))
    t = max(len(e["tokens"]) for e in batch)
    m = max(p[0].shape[0] for p in picked)
    tokens = torch.zeros(b, t, dtype=torch.long)
    tmask = torch.zeros(b, t, dtype=torch.bool)
    names = torch.zeros(b, m, NAME_TOKENS, dtype=torch.long)
    feats = torch.zeros(b, m, OBJECT_FEATURES)
    omask = torch.zeros(b, m, dtype=torch.bool)
    labels = {k: torch.full((b,), IGNORE, dtype=torch.long) for k in HEAD_ORDER}
    for i, e in enumerate(batch):
        n, f, selection, lab = picked[i]
        k = n.shape[0]
        tokens[i, : len(e["tokens"])] = torch.tensor(e["tokens"])
        tmask[i, : len(e["tokens"])] = True
        names[i, :k] = n
        feats[i, :k] = f
        for j, row in enumerate(selection[:2]):
            feats[i, row, SELECTED_COLUMN + j] = 1.0
        omask[i, :k] = True
        for key in ["intent", "target", "relation", "direction", "frame", "unit", "sense"]:
            labels[key][i] = lab[key]
        for key in POINTERS:
            v = lab[key]
            labels[key][i] = v if v < k else m + (v - k)  # extra slots move with the padding (-100 stays)
        s, en = lab["span"]
        labels["span_start"][i] = s
        labels["span_end"][i] = en
    return tokens, tmask, names, feats, omask, labels


def run_epoch(model, data, rooms, batch_size, opt=None, sched=None, limit=0, rng=None):
    train = opt is not None
    model.train(train)
    ce = nn.CrossEntropyLoss(ignore_index=IGNORE)
    totals = {k: [0, 0] for k in HEAD_ORDER}
    loss_sum = 0.0
    for start in range(0, len(data), batch_size):
        batch = data[start : start + batch_size]
        tokens, tmask, names, feats, omask, labels = collate(batch, rooms, limit, rng)
        with torch.set_grad_enabled(train):
            out = model(tokens, tmask, names, feats, omask)
            loss = sum(ce(out[k], labels[k]) for k in HEAD_ORDER if (labels[k] != IGNORE).any())
        if train:
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
        loss_sum += float(loss) * len(batch)
        if train and (start // batch_size) % 50 == 49:
            print(f"  step {start // batch_size + 1}: loss {float(loss):.3f}", flush=True)
        for k in HEAD_ORDER:
            keep = labels[k] != IGNORE
            totals[k][0] += int((out[k].argmax(-1)[keep] == labels[k][keep]).sum())
            totals[k][1] += int(keep.sum())
    return loss_sum / len(data), {k: (c / n if n else None) for k, (c, n) in totals.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--d", type=int, default=96)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--val-share", type=float, default=0.05)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--max-objects", type=int, default=24, help="object rows per training example (validation uses whole rooms)")
    ap.add_argument("--max-val", type=int, default=600)
    ap.add_argument("--init", help="continue from this checkpoint (same config); its history is kept")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    vocab = len(json.load(open("vocab.json"))["tokens"])
    rooms, examples = load(args.data)
    random.shuffle(examples)
    n_val = max(1, int(len(examples) * args.val_share))
    val, train = examples[:n_val][: args.max_val], examples[n_val:]
    rng = random.Random(args.seed)
    config = {"vocab": vocab, "d": args.d, "layers": args.layers, "heads": args.heads, "ff": 2 * args.d}
    model = LayoutModel(**config)
    earlier = {"history": [], "seconds": 0.0}
    if args.init:
        ckpt = torch.load(args.init)
        same = {k: v for k, v in ckpt["config"].items() if k != "vocab"} == {k: v for k, v in config.items() if k != "vocab"}
        assert same and ckpt["config"]["vocab"] <= config["vocab"], f"--init has config {ckpt['config']}, not {config}"
        state = ckpt["state"]
        for key, value in model.state_dict().items():
            old = state.get(key)
            if old is not None and old.shape != value.shape and old.dim() >= 1 and old.shape[1:] == value.shape[1:] and old.shape[0] < value.shape[0]:
                # A head that gained classes (the intent head's "no edit", the question types, the
                # question-only relations) or an embedding that gained words: keep the trained rows.
                grown = value.clone()
                grown[: old.shape[0]] = old
                state[key] = grown
        model.load_state_dict(state)
        earlier = {"history": ckpt.get("history", []), "seconds": ckpt.get("seconds", 0.0)}
    params = sum(p.numel() for p in model.parameters())
    print(f"{len(train)} training / {len(val)} validation examples over {len(rooms)} rooms; {params} parameters", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps, pct_start=0.1)
    t0 = time.time()
    history = list(earlier["history"])
    for epoch in range(args.epochs):
        random.shuffle(train)
        loss, acc = run_epoch(model, train, rooms, args.batch, opt, sched, args.max_objects, rng)
        vloss, vacc = run_epoch(model, val, rooms, 128)
        history.append({"epoch": len(history) + 1, "loss": loss, "val_loss": vloss, "val_accuracy": vacc, "seconds": time.time() - t0})
        print(f"epoch {epoch + 1}: loss {loss:.3f} val {vloss:.3f} " + " ".join(f"{k}={v:.3f}" for k, v in vacc.items() if v is not None) + f" ({time.time() - t0:.0f} s)", flush=True)
    torch.save({"config": config, "state": model.state_dict(), "params": params, "seconds": earlier["seconds"] + time.time() - t0, "history": history, "seed": args.seed, "examples": len(train), "max_objects": args.max_objects}, args.out)


if __name__ == "__main__":
    main()
