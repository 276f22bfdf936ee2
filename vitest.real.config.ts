// Real-data suite: tests that read ../shared/data (ScanNet, VSI-Bench). Run by .ci/run after `npm test`.
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['{app,db,main,renderer,tools}/**/*.real.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    testTimeout: 300_000,
  },
});
