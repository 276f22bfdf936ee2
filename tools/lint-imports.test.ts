import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JS build tool without type declarations
import { checkFile, importsOf, lintTree } from './lint-imports.js';

const check = (path: string, src: string): string[] => checkFile(path, src);

describe('import layering lint', () => {
  it('finds static, type-only, re-export, dynamic and require imports', () => {
    const src = `import a from 'x';\nimport type { B } from "y";\nexport * from './z';\nconst c = await import('w');\nconst d = require('v');\n// import e from 'commented';`;
    expect(importsOf(src).map((i: { spec: string }) => i.spec)).toEqual(['x', 'y', './z', 'w', 'v']);
  });

  it.each([
    ['app/x.ts', "import { readFileSync } from 'node:fs';", /runtime-neutral/],
    ['app/x.ts', "import fs from 'fs';", /runtime-neutral/],
    ['app/x.ts', "import * as THREE from 'three';", /may not import package "three"/],
    ['app/x.ts', "import { q } from '../db/open';", /may not import db/],
    ['renderer/x.tsx', "import Database from 'better-sqlite3';", /only db\/ may import/],
    ['renderer/x.tsx', "import { x } from '../main/host/handlers';", /may not import main/],
    ['renderer/x.tsx', "import path from 'node:path';", /runtime-neutral/],
    ['main/host/x.ts', "const e = require('electron');", /only main\/electron\/ may import/],
    ['db/x.ts', "import * as ort from 'onnxruntime-node';", /only main\/ may import/],
    ['db/x.ts', "import { h } from '../main/host/create-host';", /may not import main/],
    ['app/x.ts', "import y from '../../elsewhere/y';", /leaves the repository/],
  ])('rejects %s importing: %s', (path, src, message) => {
    const problems = check(path, src);
    expect(problems.length).toBe(1);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).toContain(`${path}:1`);
  });

  it.each([
    ['app/qa/x.ts', "import { z } from 'zod';\nimport { k } from '../geometry/kdtree';"],
    ['db/x.ts', "import Database from 'better-sqlite3';\nimport { QaItem } from '../app/contract';"],
    ['main/electron/x.ts', "const e = require('electron');"],
    ['renderer/x.tsx', "import * as THREE from 'three';\nimport { createClient } from '../app/contract';"],
    ['app/x.test.ts', "import { readFileSync } from 'node:fs';\nimport { it } from 'vitest';"],
  ])('allows %s', (path, src) => {
    expect(check(path, src)).toEqual([]);
  });

  it('passes on the repository itself', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    expect(lintTree(root)).toEqual([]);
  });
});
