// The browser tests: Debian's chromium against the real system as `npm start` runs it (embedded
// PostgreSQL, Temporal dev server, mail catcher), on ports of its own and a fresh data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export const e2ePort = 3210;
const dataDir = mkdtempSync(join(tmpdir(), 'caleol-e2e-'));

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 6 * 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx bin/start.ts',
    cwd: '../..',
    url: `http://127.0.0.1:${e2ePort}/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(e2ePort), DATA_DIR: dataDir, DATABASE_URL: '', TEMPORAL_ADDRESS: '', SMTP_URL: '', AUTH_MODE: 'local',
      EMBEDDED_POSTGRES_PORT: '5533', EMBEDDED_SMTP_PORT: '2625', EMBEDDED_TEMPORAL_PORT: '7333', TEMPORAL_METRICS_ADDRESS: '127.0.0.1:9564',
      PUBLIC_URL: `http://127.0.0.1:${e2ePort}`, LOG_LEVEL: 'warn',
    },
  },
});
