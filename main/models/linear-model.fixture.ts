// A real ONNX segmentation model for tests: logits = features · W + b over a dynamic superpoint
// count, [N, F] → [N, C], with W and b drawn from a fixed seed so tests can recompute the numbers.
import { onnxModel } from './onnx-proto';

export interface LinearModel {
  bytes: Uint8Array;
  weights: Float32Array;
  bias: Float32Array;
}

export function linearSegmentationModel(features: number, classes: number, seed = 1, inputName = 'features'): LinearModel {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const weights = Float32Array.from({ length: features * classes }, rand);
  const bias = Float32Array.from({ length: classes }, rand);
  const bytes = onnxModel({
    name: 'linear-segmenter',
    nodes: [
      { op: 'MatMul', inputs: [inputName, 'W'], outputs: ['scores'] },
      { op: 'Add', inputs: ['scores', 'b'], outputs: ['logits'] },
    ],
    inputs: [{ name: inputName, shape: ['N', features] }],
    outputs: [{ name: 'logits', shape: ['N', classes] }],
    initializers: [
      { name: 'W', dims: [features, classes], data: weights },
      { name: 'b', dims: [classes], data: bias },
    ],
  });
  return { bytes, weights, bias };
}
