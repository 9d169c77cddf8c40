import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { focusTerminal, openTerminal, terminal, transcript, typeCommand } from './fixtures.ts';
import { serveIsolated } from './isolated-server.ts';

const LEAF = '/guides/install/init-control-plane/';
const UNISOLATED = 'WebContainer needs cross-origin isolation (COOP/COEP headers)';

/** The dock's backend select. */
function backendSelect(page: Page) {
  return terminal(page).getByRole('combobox', { name: 'Backend' });
}

/** Makes StackBlitz unreachable, as it is offline (and so in CI here), whatever the network. */
async function offline(page: Page): Promise<void> {
  await page.route(
    (url) => /(^|\.)(stackblitz\.com|webcontainer\.io|staticblitz\.com)$/.test(url.hostname),
    (route) => route.abort('internetdisconnected'),
  );
}

test.describe('terminal backend', () => {
  test('shows no backend setting on a page that cannot host a WebContainer', async ({ page }) => {
    await page.goto(LEAF);

    await expect(backendSelect(page)).toBeHidden();
    await expect(terminal(page).getByText(UNISOLATED)).toBeHidden();
  });

  test('tells a reader who chose a WebContainer why this page cannot use it', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('kubelife:backend', 'webcontainer'));
    await page.goto(LEAF);

    const select = backendSelect(page);

    await expect(select).toBeDisabled();
    await expect(select).toHaveValue('worker');
    await expect(select.getByRole('option')).toHaveText([
      'Offline engine (Web Worker)',
      'WebContainer (Node.js in the tab)',
    ]);
    await expect(select).toHaveAccessibleDescription(UNISOLATED);
    await expect(terminal(page).getByText(UNISOLATED)).toBeVisible();
  });

  test('runs on the worker and loads nothing of the WebContainer when one is stored but unsupported', async ({
    page,
  }) => {
    await page.addInitScript(() => localStorage.setItem('kubelife:backend', 'webcontainer'));
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(LEAF);

    await openTerminal(page);
    await focusTerminal(page);
    await typeCommand(page, 'hostname');

    await expect(transcript(page)).toContainText('root@cp-1:~# hostname\ncp-1\n');
    await expect(backendSelect(page)).toHaveValue('worker');
    expect(requested.filter((url) => /webcontainer|stackblitz/i.test(url))).toEqual([]);
    await expect(transcript(page)).not.toContainText('WebContainer');
  });
});

test.describe('terminal backend on a cross-origin isolated page', () => {
  let server: Awaited<ReturnType<typeof serveIsolated>>;
  test.beforeAll(async () => {
    server = await serveIsolated();
  });
  test.afterAll(async () => {
    await server.close();
  });

  test('enables the select; choosing WebContainer falls back to the worker when boot fails offline', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await offline(page);
    await page.goto(`${server.origin}${LEAF}`);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    const select = backendSelect(page);
    await expect(select).toBeEnabled();
    await select.focus();
    await expect(select).toBeFocused();

    await select.selectOption('webcontainer');
    await expect(select).toHaveAccessibleDescription('used when the terminal starts');
    expect(await page.evaluate(() => localStorage.getItem('kubelife:backend'))).toBe(
      'webcontainer',
    );
    await openTerminal(page);
    await expect(transcript(page)).toContainText('kubelife: starting a WebContainer');
    // The prompt never waits for the WebContainer: the worker answers while it boots.
    await focusTerminal(page);
    await typeCommand(page, 'hostname');
    await expect(transcript(page)).toContainText('root@cp-1:~# hostname\ncp-1\n');

    // StackBlitz is out of reach, so boot never finishes: after its 20 s budget the terminal
    // says why and stays on the worker, and the select shows the backend in use.
    const failure = 'WebContainer did not boot within 20 s';
    await expect(transcript(page)).toContainText(`kubelife: ${failure}`, {
      timeout: 120_000,
    });
    await expect(select).toHaveValue('worker');
    await expect(
      terminal(page).getByText(`Fell back to the offline engine: ${failure}`),
    ).toBeVisible();
    await typeCommand(page, 'echo still answering');
    await expect(transcript(page)).toContainText('still answering\n');
    // The stored choice stays: the next page tries again (in the background, as here).
    expect(await page.evaluate(() => localStorage.getItem('kubelife:backend'))).toBe(
      'webcontainer',
    );
    const results = await new AxeBuilder({ page }).include('.terminal-dock').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const)
    test(`the enabled backend select has no axe violations in the ${theme} theme`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`${server.origin}${LEAF}`);
      await expect(backendSelect(page)).toBeEnabled();

      const results = await new AxeBuilder({ page }).analyze();

      expect(
        results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    });
});
