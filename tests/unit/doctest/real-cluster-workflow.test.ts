/**
 * .github/workflows/real-cluster.yml cannot run here (no pkgs.k8s.io); what can be checked is
 * that its doctest commands name guides that exist and options `kubelife doctest` accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  readonly run?: string;
}
const workflow = parse(readFileSync('.github/workflows/real-cluster.yml', 'utf8')) as {
  jobs: { guides: { steps: Step[] } };
};
const doctests = workflow.jobs.guides.steps
  .map((s) => s.run?.replace(/\\\n\s*/g, ' ') ?? '')
  .filter((run) => run.includes('kubelife doctest'));

describe('real-cluster workflow', () => {
  it('runs the install and the upgrade guide with the host backend', () => {
    expect(doctests.map((d) => /doctest (\S+)/.exec(d)?.[1])).toEqual([
      'src/content/guides/install',
      'src/content/guides/upgrade',
    ]);
    for (const d of doctests) {
      expect(d).toContain('--backend host --machine cp-1=local');
      expect(d).toMatch(/--report \S+\.json/);
      expect(existsSync(/doctest (\S+)/.exec(d)?.[1] ?? '')).toBe(true);
    }
  });

  it('uploads the diffs even when a guide fails', () => {
    const text = readFileSync('.github/workflows/real-cluster.yml', 'utf8');

    expect(text).toContain('actions/upload-artifact');
    expect(text).toContain('if: always()');
  });
});
