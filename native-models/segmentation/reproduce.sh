#!/bin/sh
# Rebuilds segmentation.onnx from nothing but this repository and ../shared/data:
# training data (simulated rooms 0–150 and 400–550, ScanNet scene0000_00 and scene0470_00), training
# with seed 7 on one CPU thread, export. Run from the repository root after `npm run build`.
set -eu
D=native-models/segmentation/data
node bin/scenewright.js simulate --count 151 --seed 0 --out $D/sim
node bin/scenewright.js simulate --count 151 --seed 400 --out $D/sim
node bin/scenewright.js simulate --scannet ../shared/data/scannet/scene0000_00 --out $D/real
node bin/scenewright.js simulate --scannet ../shared/data/scannet/scene0470_00 --out $D/real
cd native-models/segmentation
/usr/bin/python3 train.py --data data --out runs/model.pt --seed 7 --epochs 6 --d 64 --layers 3 --real-repeat 4 --sim-seeds 0:151,400:551 --threads 1
/usr/bin/python3 export_onnx.py runs/model.pt segmentation.onnx
