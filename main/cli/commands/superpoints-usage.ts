// The superpoints command line, shared by the command table and the command's own small bundle.
export const SUPERPOINTS_USAGE = 'scenewright superpoints <mesh.ply> [--k 0.01] [--min-verts 20] [--out <file.segs.json>] [--json]';
