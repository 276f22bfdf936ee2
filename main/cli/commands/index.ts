// The subcommand table. Order is the order `scenewright help` lists them in.
import type { Command } from '../command';

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
    usage: 'scenewright superpoints <mesh.ply> [--k 0.01] [--min-verts 20] [--out <file.segs.json>] [--json]',
    load: async () => (await import('./superpoints')).run,
  },
  segment: {
    summary: 'split a scan into instances (segmentation model, or the geometric fallback when none is given or found)',
    usage: 'scenewright segment <file or folder> [--model <model.onnx>] [--up-axis y|z] [--json]',
    load: async () => (await import('./segment')).run,
  },
  qa: {
    summary: 'VSI-Bench questions: audit released answers, generate every valid question, export datasets',
    usage:
      'scenewright qa audit --format vsibench <questions.json|jsonl> --meta <meta_info.json> [--json]\n' +
      '       scenewright qa generate <meta.json[#scene_name]> --out <file.json> [--format generated|vsibench] [--types t1,t2] [--seed n] [--per-type n] [--json]\n' +
      '       scenewright qa export <generated.json> --format vsibench|llava|scanqa|csv --out <dir> [--splits train=0.8,val=0.1,test=0.1] [--seed n] [--json]',
    load: async () => (await import('./qa')).run,
  },
  serve: {
    summary: 'serve the UI and API on 127.0.0.1 (open the printed URL in a browser)',
    usage: 'scenewright serve [--data-dir <dir>] [--port <n>] [--json]',
    load: async () => (await import('./serve')).run,
  },
};
