/**
 * Golden transcript (kwok-style golden-file test): the whole lifecycle of an HA cluster run by the
 * `kubelife run` CLI, compared line by line with tests/golden/lifecycle.transcript. When engine
 * output changes on purpose, regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/unit/golden`
 * and review the diff like any other change to what users see.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const script = 'tests/golden/lifecycle.sh';
const golden = 'tests/golden/lifecycle.transcript';

describe('the lifecycle golden transcript', () => {
  it('init, HA join, upgrade plan, apply, node upgrade, certificate check and reset read as recorded', () => {
    const r = spawnSync(
      'node_modules/.bin/node',
      ['src/lib/engine/bin/kubelife.js', 'run', script],
      { encoding: 'utf8' },
    );
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, r.stdout);

    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(golden, 'utf8'));
  });

  it('walks every step the transcript is meant to show', () => {
    const transcript = readFileSync(golden, 'utf8');

    for (const marker of [
      'Your Kubernetes control-plane has initialized successfully!',
      'This node has joined the cluster and a new control plane instance was created:',
      'You can now apply the upgrade by executing the following command:',
      '[upgrade] SUCCESS! A control plane node of your cluster was upgraded to "v1.37.1".',
      '[upgrade] The configuration for this node was successfully upgraded!',
      'CERTIFICATE AUTHORITY   EXPIRES',
      'The reset process does not perform cleanup of CNI plugin configuration,',
    ]) {
      expect(transcript).toContain(marker);
    }
  });
});
