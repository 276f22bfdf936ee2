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
  qa: {
    summary: 'VSI-Bench questions from box meta data: audit released answers, or generate every valid question',
    usage:
      'scenewright qa audit --format vsibench <questions.json|jsonl> --meta <meta_info.json> [--json]\n' +
      '       scenewright qa generate <meta.json[#scene_name]> --out <file.json> [--types t1,t2] [--seed n] [--per-type n] [--json]',
    load: async () => (await import('./qa')).run,
  },
  serve: {
    summary: 'serve the UI and API on 127.0.0.1 (open the printed URL in a browser)',
    usage: 'scenewright serve [--data-dir <dir>] [--port <n>] [--json]',
    load: async () => (await import('./serve')).run,
  },
};
