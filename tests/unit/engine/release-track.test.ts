import { describe, expect, it } from 'vitest';
import {
  buildScenario,
  isEngineError,
  listScenarios,
  newestMinors,
  releaseCatalog,
  releaseTrack,
  releaseTrackMinors,
  renderTemplate,
  trackVariables,
} from '../../../src/lib/engine/src/index.ts';
import { createSession } from '../../../src/lib/engine/shell/index.ts';

const findMinor = (minor: string) =>
  releaseCatalog.find((m) => m.minor === minor.replace(/^v/, ''));

describe('release tracks', () => {
  it('offers the newest three minors of the catalog, newest first', () => {
    expect(releaseTrackMinors()).toEqual(newestMinors(3).map((m) => `v${m}`));
    expect(releaseTrackMinors()).toHaveLength(3);
  });

  it('derives every version of a track from the catalog', () => {
    for (const minor of releaseTrackMinors()) {
      const t = releaseTrack(minor);
      const n = Number(minor.split('.')[1]);
      expect(t.version).toBe(findMinor(minor)?.patches.at(-1));
      expect(t.patchBehind).toBe(findMinor(minor)?.patches[0]);
      expect(t.patchBehind).not.toBe(t.version);
      expect(t.prevMinor).toBe(`v1.${n - 1}`);
      expect(t.prevVersion).toBe(findMinor(`1.${n - 1}`)?.patches.at(-1));
      expect(t.nextMinor).toBe(`v1.${n + 1}`);
      expect(t.nextVersion).not.toBe('');
    }
  });

  it('accepts a minor with or without the v and ignores a patch part', () => {
    const newest = releaseTrackMinors()[0] ?? '';
    expect(releaseTrack(newest.slice(1)).minor).toBe(newest);
    expect(releaseTrack(`${newest}.0`).minor).toBe(newest);
    expect(releaseTrack().minor).toBe(newest);
  });

  it('refuses a minor that is not one of the tracks, naming the tracks', () => {
    try {
      releaseTrack('v1.20');
      expect.unreachable();
    } catch (error) {
      expect(isEngineError(error)).toBe(true);
      expect(String((error as Error).message)).toContain(releaseTrackMinors().join(', '));
    }
  });

  it('renders {{variables}} and rejects unknown ones', () => {
    const vars = trackVariables(releaseTrack());
    expect(renderTemplate('kubeadm upgrade apply {{version}} -y', vars)).toBe(
      `kubeadm upgrade apply ${vars['version']} -y`,
    );
    expect(renderTemplate("kubeadm='{{ debVersion }}'", vars)).toBe(
      `kubeadm='${vars['debVersion']}'`,
    );
    expect(() => renderTemplate('{{nope}}', vars)).toThrow(/unknown version variable \{\{nope\}\}/);
  });

  it('gives package versions in the pkgs.k8s.io form', () => {
    const vars = trackVariables(releaseTrack());
    expect(vars['debVersion']).toBe(`${vars['versionNumber']}-1.1`);
    expect(vars['versionNumber']).toBe(vars['version']?.slice(1));
  });
});

describe('scenarios on every release track', () => {
  it.each(releaseTrackMinors())('every scenario builds on %s', (minor) => {
    for (const s of listScenarios(minor)) {
      expect(() => buildScenario(s.name, undefined, undefined, minor), s.name).not.toThrow();
      expect(s.title).not.toContain('{{');
      expect(s.description).not.toContain('{{');
    }
  });

  it.each(releaseTrackMinors())('the upgraded cluster runs the %s track version', (minor) => {
    const t = releaseTrack(minor);
    const state = buildScenario('upgrade-workers-upgraded', undefined, undefined, minor);
    expect(state.cluster?.version).toBe(t.version);
    const before = buildScenario('cluster-previous-minor', undefined, undefined, minor);
    expect(before.cluster?.version).toBe(t.prevVersion);
  });
});

describe('sessions remember their release track', () => {
  it('builds the scenario for the chosen track and keeps it through save and reset', async () => {
    const older = releaseTrackMinors()[2] ?? '';
    const session = createSession({ scenario: 'cluster-previous-minor', release: older });
    expect(session.release).toBe(older);
    const saved = session.save();
    expect(saved.release).toBe(older);
    const restored = createSession({ state: saved });
    expect(restored.release).toBe(older);
    const version = await restored.run('kubectl version');
    expect(version.stdout).toContain(`Server Version: ${releaseTrack(older).prevVersion}`);
    await restored.run('kubelife reset');
    expect(restored.release).toBe(older);
  });

  it('switches track with `kubelife release` and reports the current one', async () => {
    const [newest, middle] = releaseTrackMinors();
    const session = createSession({ scenario: 'cluster-previous-minor' });
    expect((await session.run('kubelife release')).stdout).toContain(`${newest} (tracks:`);
    expect((await session.run(`kubelife release ${middle ?? ''}`)).exitCode).toBe(0);
    expect(session.release).toBe(middle);
    const bad = await session.run('kubelife release v1.2');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown Kubernetes release track');
    expect(session.release).toBe(middle);
  });

  it('refuses an unknown track when a session is created', () => {
    expect(() => createSession({ release: 'v9.9' })).toThrow(/unknown Kubernetes release track/);
  });
});
