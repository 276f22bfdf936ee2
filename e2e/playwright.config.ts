// Journeys run against the real UI served by the web bridge, in Chromium found without any
// browser download: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then @sparticuz/chromium.
import { defineConfig } from '@playwright/test';
import { resolveChromium } from '../main/launch/chromium-path';

const chromium = await resolveChromium();

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../test-results',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromium.path,
      args: [
        '--no-sandbox',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--ignore-gpu-blocklist',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
