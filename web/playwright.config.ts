import { defineConfig } from '@playwright/test';

// End-to-end tests in the machine's Chromium (never a downloaded browser) against a running stack,
// whose addresses come from the environment: infra's WebAppIT starts the stack on free ports and runs
// this suite; by hand, see README.md.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // One stack, shared state (the admin, the gateways): one test at a time.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  outputDir: 'target/playwright',
  use: {
    baseURL: process.env.BOOKHUB_WEB_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.BOOKHUB_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
  },
});
