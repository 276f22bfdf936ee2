import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findChromium, SYSTEM_CHROMIUM } from './chromium-path';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first when it is executable', async () => {
    expect(await findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ path: process.execPath, source: 'CHROMIUM_PATH' });
  });

  it('skips a CHROMIUM_PATH that is not executable, saying why, and goes on down the list', async () => {
    const tried: string[] = [];
    const found = await findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' }, tried);
    expect(tried[0]).toBe('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
    if (existsSync(SYSTEM_CHROMIUM)) expect(found).toEqual({ path: SYSTEM_CHROMIUM, source: 'system' });
    else expect(found === null || found.source === '@sparticuz/chromium').toBe(true);
  });
});
