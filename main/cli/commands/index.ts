// The subcommand table. Order is the order `scenewright help` lists them in.
import type { Command } from '../command';
import { SUPERPOINTS_USAGE } from './superpoints-usage';

export const commands: Record<string, Command> = {
  info: {
    summary: 'show version, data directory, execution provider and runtime; or what a scan file or folder holds',
    usage: 'scenewright info [--data-dir <dir>] [--json]\n       scenewright info <file or folder> [--up-axis y|z] [--json]',
    load: async () => (await import('./info')).run,
  },
  import: {
    summary: 'import a scan file or scene folder (PLY, ScanNet, PCD, LAS, OBJ, glTF, npy, S3DIS) into the database',
    usage: 'scenewright import <file or folder> [--data-dir <dir>] [--up-axis y|z] [--json]',
    load: async () => (await import('./import')).run,
  },
  superpoints: {
    summary: 'split a mesh into superpoints (ScanNet Segmentator) and write ScanNet segs.json',
    usage: SUPERPOINTS_USAGE,
    load: async () => (await import('./superpoints')).run,
  },
  segment: {
    summary: 'split a scan into instances (the given or bundled segmentation model, or the geometric fallback when none is found)',
    usage: 'scenewright segment <file or folder> [--model <model.onnx>] [--fallback] [--up-axis y|z] [--json]',
    load: async () => (await import('./segment')).run,
  },
  qa: {
    summary: 'VSI-Bench and MultiSPA questions: audit released answers, generate every valid question (batch over folders on all cores), export datasets',
    usage:
      'scenewright qa audit --format vsibench <questions.json|jsonl> --meta <meta_info.json> [--json]\n' +
      '       scenewright qa generate <scan|scene folder|folder of scenes|meta.json[#scene]> --out <file.json> [--format generated|vsibench] [--types t1,t2] [--seed n] [--per-type n] [--jobs n] [--up-axis y|z] [--json]\n' +
      '       scenewright qa export <generated.json> --format vsibench|llava|scanqa|csv --out <dir> [--splits train=0.8,val=0.1,test=0.1] [--seed n] [--json]',
    load: async () => (await import('./qa')).run,
  },
  simulate: {
    summary: 'write segmentation training examples (.npy) from simulated room scans or a ScanNet scene folder',
    usage: 'scenewright simulate --out <dir> [--count n] [--seed s] [--rays n] [--room-type bedroom|living|office|kitchen|bathroom|conference] [--json]\n       scenewright simulate --scannet <scene folder> --out <dir> [--json]',
    load: async () => (await import('./simulate')).run,
  },
  project: {
    summary: 'export a data folder (database + scene caches) as one .swproj file, or import one (checksum verified first)',
    usage: 'scenewright project export <file.swproj> [--data-dir <dir>] [--json]\n       scenewright project import <file.swproj> [--data-dir <dir>] [--replace] [--json]',
    load: async () => (await import('./project')).run,
  },
  layout: {
    summary: 'edit a room layout by instruction (grounding, new pose, constraints and margins, or the reason it cannot), export SpatialLM text or JSON',
    usage:
      "scenewright layout edit <scan|scene folder|meta.json#scene|layout.json> --instruction '…' [--select id,id] [--viewer x,y,heading_deg] [--save <layout.json>] [--ply <out.ply>] [--parser auto|grammar|model] [--model <layout.onnx>] [--up-axis y|z] [--json]\n" +
      '       scenewright layout export <scan|scene folder|meta.json#scene|layout.json> [--format spatiallm|json] [--out <file>] [--up-axis y|z] [--json]\n' +
      '       scenewright layout synth --out <file.jsonl> [--n 20000] [--seed 1] [--json]',
    load: async () => (await import('./layout')).run,
  },
  serve: {
    summary: 'serve the UI and API on 127.0.0.1 (open the printed URL in a browser)',
    usage: 'scenewright serve [--data-dir <dir>] [--port <n>] [--json]',
    load: async () => (await import('./serve')).run,
  },
};
