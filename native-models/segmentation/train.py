"""Trains the superpoint transformer on CPU from a seed.

  /usr/bin/python3 native-models/segmentation/train.py --data native-models/segmentation/data \
      --out native-models/segmentation/runs/model.pt --seed 7 --epochs 24

Data: <data>/sim/sim-<seed> (simulated rooms; seeds >= 1,000,000 are held out and refused here) and
<data>/real/<scene>-<variant> (ScanNet scenes, every superpoint variant, repeated --real-repeat times
per epoch). The same seed, data and thread count give the same weights.
"""
import argparse
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

from data import HELD_OUT_SEED, augment, load_folder, to_tensors
from model import NUM_CLASSES, SuperpointTransformer


def set_seed(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def class_weights(examples):
    counts = np.zeros(NUM_CLASSES)
    for ex in examples:
        s = ex.semantic[ex.semantic >= 0]
        counts += np.bincount(s, minlength=NUM_CLASSES)
    freq = counts / max(1, counts.sum())
    w = np.where(counts > 0, 1.0 / np.sqrt(freq + 1e-4), 0.0)
    return torch.tensor(w / w[counts > 0].mean(), dtype=torch.float32), counts


def input_stats(model, examples):
    xs = []
    with torch.no_grad():
        for ex in examples:
            x, _ = model.inputs(torch.from_numpy(ex.features))
            xs.append(x)
    x = torch.cat(xs)
    return x.mean(0), x.std(0).clamp_min(1e-3)


def losses(model, ex, features, rng, weights):
    feats, nbr, sem, inst = to_tensors(ex, features)
    n = feats.shape[0]
    valid_inst = inst >= 0
    ids = torch.unique(inst[valid_inst]) if valid_inst.any() else torch.empty(0, dtype=torch.long)
    if len(ids):
        target_id = ids[int(rng.integers(0, len(ids)))]
        members = torch.nonzero(inst == target_id).squeeze(1)
        c = 1 if rng.random() < 0.7 or len(members) < 2 else 2
        clicks = members[torch.from_numpy(rng.choice(len(members), size=c, replace=False))]
    else:
        target_id = None
        clicks = torch.zeros(1, dtype=torch.long)
    logits, affinity, prompt = model(feats, nbr, clicks)
    loss_sem = F.cross_entropy(logits, sem, weight=weights, ignore_index=-1) if (sem >= 0).any() else logits.sum() * 0
    loss_aff = affinity.sum() * 0
    loss_prompt = prompt.sum() * 0
    if target_id is not None:
        pair_valid = valid_inst.unsqueeze(1) & valid_inst[nbr]
        pair_valid[:, 0] = False  # self
        same = (inst.unsqueeze(1) == inst[nbr]).float()
        if pair_valid.any():
            loss_aff = F.binary_cross_entropy_with_logits(affinity[pair_valid], same[pair_valid])
        target = (inst == target_id).float()
        keep = valid_inst | (target > 0)
        p = torch.sigmoid(prompt[keep])
        t = target[keep]
        dice = 1 - (2 * (p * t).sum() + 1) / (p.sum() + t.sum() + 1)
        loss_prompt = F.binary_cross_entropy_with_logits(prompt[keep], t) + dice
    return loss_sem, loss_aff, loss_prompt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--epochs", type=int, default=24)
    ap.add_argument("--d", type=int, default=96)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--real-repeat", type=int, default=6)
    ap.add_argument("--sim-seeds", default="", help="seed ranges to train on, e.g. 0:300,400:700 (default: every training seed present)")
    ap.add_argument("--exclude", default="", help="comma-separated example name prefixes to leave out")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    set_seed(args.seed)

    sim = [ex for ex in load_folder(os.path.join(args.data, "sim")) if ex.seed < HELD_OUT_SEED]
    if args.sim_seeds:
        ranges = [tuple(int(x) for x in r.split(":")) for r in args.sim_seeds.split(",")]
        sim = [ex for ex in sim if any(a <= ex.seed < b for a, b in ranges)]
        sim.sort(key=lambda ex: ex.seed)
    real = load_folder(os.path.join(args.data, "real"))
    excluded = [p for p in args.exclude.split(",") if p]
    sim = [ex for ex in sim if not any(ex.name.startswith(p) for p in excluded)]
    real = [ex for ex in real if not any(ex.name.startswith(p) for p in excluded)]
    train = sim + real * args.real_repeat
    print(f"training on {len(sim)} simulated rooms, {len(real)} real examples x{args.real_repeat}", flush=True)

    model = SuperpointTransformer(d=args.d, heads=args.heads, layers=args.layers)
    mean, std = input_stats(model, sim[:300] + real)
    model.mean.copy_(mean)
    model.std.copy_(std)
    weights, counts = class_weights(sim + real)
    params = sum(p.numel() for p in model.parameters())
    print(f"parameters: {params}", flush=True)

    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    steps = args.epochs * math.ceil(len(train) / args.accum)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 50) * 0.5 * (1 + math.cos(math.pi * min(s, steps) / steps)))
    rng = np.random.default_rng(args.seed)
    started = time.time()
    for epoch in range(args.epochs):
        order = rng.permutation(len(train))
        totals = np.zeros(3)
        model.train()
        opt.zero_grad()
        for i, idx in enumerate(order):
            ex = train[idx]
            ls = losses(model, ex, augment(ex.features, rng), rng, weights)
            loss = ls[0] + ls[1] + 0.5 * ls[2]
            (loss / args.accum).backward()
            totals += [float(l) for l in ls]
            if (i + 1) % args.accum == 0 or i + 1 == len(order):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                sched.step()
                opt.zero_grad()
        t = totals / len(order)
        print(f"epoch {epoch + 1}/{args.epochs}  semantic {t[0]:.3f}  affinity {t[1]:.3f}  prompt {t[2]:.3f}  {time.time() - started:.0f} s", flush=True)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    torch.save({"state": model.state_dict(), "config": {"d": args.d, "heads": args.heads, "layers": args.layers}}, args.out)
    info = {
        "seed": args.seed,
        "epochs": args.epochs,
        "simulated_rooms": len(sim),
        "sim_seeds": args.sim_seeds,
        "real_examples": [ex.name for ex in real],
        "parameters": params,
        "train_seconds": round(time.time() - started),
        "threads": args.threads,
        "class_counts": counts.tolist(),
    }
    with open(os.path.splitext(args.out)[0] + ".json", "w") as f:
        json.dump(info, f, indent=1)
    print(json.dumps(info), flush=True)


if __name__ == "__main__":
    main()
