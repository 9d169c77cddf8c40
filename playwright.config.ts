import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the built site (`astro build` first; `npm test` does that), served by
 * `astro preview`. Only Debian's chromium is available here, so it is the one browser project.
 */
/** Port of the preview server; set KUBELIFE_E2E_PORT to run two suites side by side. */
const port = Number(process.env['KUBELIFE_E2E_PORT'] ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  // Tests wait for states (auto-waiting locators), never for time; these limits only catch a hang.
  // They are wide because CI machines are shared: with both cores busy a page and its terminal
  // took several times longer than on a quiet machine and sound tests failed.
  timeout: 120_000,
  expect: { timeout: 60_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // --ignore-lock: astro 7 refuses a second preview of the same root while another one (a dev
    // session, a parallel CI run) holds the lock file; the suite needs its own server on its own port.
    command: `npx astro preview --port ${port} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    // Never test a server some other build left running: it may serve a different dist/.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
