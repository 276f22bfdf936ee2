#!/bin/sh
# Rebuilds layout.onnx from nothing but this repository and ../shared/data, by the schedule behind the
# committed file: 30,000 generated instructions (seed 1) over the 50 VSI-Bench rooms, ScanNet
# scene0000_00, simulated variants and procedural sample rooms; 3 epochs from scratch (lr 3e-3), 3 more
# (lr 2e-3); then 30,000 fresh instructions (seed 2: other variants and sample rooms) for 3 epochs
# (lr 1.5e-3); then 30,000 more (seed 3) for 2 epochs (lr 1e-3); then 40,000 (seed 4) of which 45 % are
# typed questions (the intent head grown by the 10 question types, the relation head by 5 QA relations,
# the vocabulary by 45 question words) for 3 epochs (lr 1.2e-3). One CPU thread, seeds 7, 9, 10, 11, 12.
# Run from the repository root after `npm run build`.
# Never reads paraphrases-dev.jsonl, paraphrases-test.jsonl, questions-dev.jsonl or questions-test.jsonl. MODEL_CARD.md says how the committed
# file's first two stages differed from this script (earlier revisions of the generator and model).
set -eu
D=native-models/layout/data
mkdir -p $D
node bin/scenewright.js layout synth --out $D/train.jsonl --n 30000 --seed 1
node bin/scenewright.js layout synth --out $D/train-s2.jsonl --n 30000 --seed 2
node bin/scenewright.js layout synth --out $D/train-s3.jsonl --n 30000 --seed 3
node bin/scenewright.js layout synth --out $D/train-s4.jsonl --n 40000 --seed 4 --questions 0.45
cd native-models/layout
COMMON="--batch 128 --d 64 --layers 2 --max-objects 14 --max-val 400 --threads 1"
/usr/bin/python3 train.py --data data/train.jsonl --out data/model-v1.pt --seed 7 --epochs 3 --lr 3e-3 $COMMON
/usr/bin/python3 train.py --data data/train.jsonl --out data/model-v3.pt --init data/model-v1.pt --seed 9 --epochs 3 --lr 2e-3 $COMMON
/usr/bin/python3 train.py --data data/train-s2.jsonl --out data/model-v5.pt --init data/model-v3.pt --seed 10 --epochs 3 --lr 1.5e-3 $COMMON
/usr/bin/python3 train.py --data data/train-s3.jsonl --out data/model-v6.pt --init data/model-v5.pt --seed 11 --epochs 2 --lr 1e-3 $COMMON
/usr/bin/python3 train.py --data data/train-s4.jsonl --out data/model-v7.pt --init data/model-v6.pt --seed 12 --epochs 3 --lr 1.2e-3 $COMMON
/usr/bin/python3 export_onnx.py data/model-v7.pt layout.onnx
