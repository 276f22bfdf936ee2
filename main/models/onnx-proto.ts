// A minimal writer for ONNX's protobuf messages, enough to build small models in memory (the
// provider probe's identity model, test models) without a model file or a protobuf library.
// Field numbers are from onnx.proto: ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto.

type Bytes = number[];

function varint(n: number): Bytes {
  const out: Bytes = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
const intField = (no: number, n: number): Bytes => [...varint(no * 8), ...varint(n)];
const bytesField = (no: number, b: Bytes): Bytes => [...varint(no * 8 + 2), ...varint(b.length), ...b];
const strField = (no: number, s: string): Bytes => bytesField(no, [...new TextEncoder().encode(s)]);

export const ONNX_FLOAT = 1;

/** A dimension: a fixed size, or a symbolic name for a size chosen at run time. */
export type OnnxDim = number | string;

export interface OnnxValue {
  name: string;
  shape: readonly OnnxDim[];
}

export interface OnnxNode {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
}

export interface OnnxInitializer {
  name: string;
  dims: readonly number[];
  data: Float32Array;
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  inputs: readonly OnnxValue[];
  outputs: readonly OnnxValue[];
  initializers?: readonly OnnxInitializer[];
  opset?: number;
}

function valueInfo(v: OnnxValue): Bytes {
  const dims = v.shape.flatMap((d) => bytesField(1, typeof d === 'number' ? intField(1, d) : strField(2, d)));
  const tensorType = [...intField(1, ONNX_FLOAT), ...bytesField(2, dims)];
  return [...strField(1, v.name), ...bytesField(2, bytesField(1, tensorType))];
}

function tensor(t: OnnxInitializer): Bytes {
  const raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return [...t.dims.flatMap((d) => intField(1, d)), ...intField(2, ONNX_FLOAT), ...strField(8, t.name), ...bytesField(9, [...raw])];
}

/** Serialises a float32 graph as an ONNX ModelProto (IR version 8). */
export function onnxModel(g: OnnxGraph): Uint8Array {
  const nodes = g.nodes.flatMap((n) => bytesField(1, [...n.inputs.flatMap((i) => strField(1, i)), ...n.outputs.flatMap((o) => strField(2, o)), ...strField(4, n.op)]));
  const graph = [
    ...nodes,
    ...strField(2, g.name),
    ...(g.initializers ?? []).flatMap((t) => bytesField(5, tensor(t))),
    ...g.inputs.flatMap((v) => bytesField(11, valueInfo(v))),
    ...g.outputs.flatMap((v) => bytesField(12, valueInfo(v))),
  ];
  const opset = [...strField(1, ''), ...intField(2, g.opset ?? 13)];
  return new Uint8Array([...intField(1, 8), ...bytesField(7, graph), ...bytesField(8, opset)]);
}
