import { expect, test } from '@playwright/test';

import { focusTerminal, openTerminal, terminal, transcript, typeCommand } from './fixtures.ts';

test.describe('hostile input in the browser (issue 14)', () => {
  test('drops a tampered saved session, says so, and starts from the page scenario', async ({
    page,
  }) => {
    await page.goto('/guides/install/init-control-plane/');
    await openTerminal(page);
    await typeCommand(page, 'mkdir -p /root/saved');
    await expect(transcript(page)).toContainText('mkdir -p /root/saved');
    const keys = await page.evaluate(() =>
      Object.keys(sessionStorage).filter((k) => k.startsWith('kubelife:session:')),
    );
    expect(keys.length).toBeGreaterThan(0);
    await page.evaluate((names) => {
      for (const key of names) {
        const saved = JSON.parse(sessionStorage.getItem(key) ?? '{}') as {
          state: { state: { now: unknown } };
        };
        saved.state.state.now = 'soon';
        sessionStorage.setItem(key, JSON.stringify(saved));
      }
    }, keys);

    await page.reload();
    await openTerminal(page);
    await expect(terminal(page)).toContainText('could not be loaded');
    await focusTerminal(page);
    await typeCommand(page, 'hostname');

    await expect(transcript(page)).toContainText('hostname\ncp-1');
  });
});
