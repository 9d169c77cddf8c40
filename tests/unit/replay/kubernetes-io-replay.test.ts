// A replay of the official kubeadm pages (./kubernetes-io-pages.ts lists them, with their
// addresses): every line typed in order on the Debian path, on every release track, from three
// bare machines to a cluster whose control plane and worker both run the track's newest minor.
// Each line must be understood and succeed where it succeeds on a real machine. Lines that need
// what the simulator does not do yet are listed in PENDING with the reason; the test fails when a
// pending line starts to work (take it off the list) as well as when any other line fails.
import { describe, expect, it } from 'vitest';
import {
  createSession,
  releaseTrack,
  releaseTrackMinors,
  renderTemplate,
  trackVariables,
} from 'kubelife';
import { REPLAY, type ReplayLine } from './kubernetes-io-pages.ts';

/** Lines that fail today, by id, with why. This list only shrinks. */
const PENDING: Readonly<Record<string, string>> = {};

/** What marks a line as not understood even when its exit code matches. */
const NOT_UNDERSTOOD = [
  /command not found/,
  /unknown (flag|shorthand flag|command)/i,
  /Unknown option/,
  /Invalid command/,
  /simulat(or|ed)/i,
];

interface Outcome {
  readonly step: ReplayLine;
  readonly typed: string;
  readonly exitCode: number;
  readonly output: string;
}

async function replay(minor: string): Promise<{ outcomes: Outcome[]; nodes: string }> {
  const vars = trackVariables(releaseTrack(minor));
  const s = createSession({ scenario: 'bare-machines', release: minor });
  const captured: Record<string, string> = {};
  const outcomes: Outcome[] = [];
  let here: ReplayLine['on'] = 'cp-1';
  for (const step of REPLAY) {
    if (step.on !== here) {
      await s.run(step.on === 'cp-1' ? 'exit' : `ssh ${step.on}`);
      here = step.on;
    }
    const typed = renderTemplate(step.line, vars)
      .replace('<token>', captured['token'] ?? '<token>')
      .replace('<hash>', captured['hash'] ?? '<hash>');
    const r = await s.run(step.input === undefined ? typed : `echo ${step.input} | ${typed}`);
    // kubeadm init prints the join command with the CA hash; the page's openssl pipeline must
    // compute the same one (a wrong hash is a failure of that line even if it exits 0).
    const printed = /--discovery-token-ca-cert-hash sha256:([0-9a-f]{64})/.exec(r.stdout)?.[1];
    if (printed !== undefined && captured['hash'] === undefined) captured['initHash'] = printed;
    let exitCode = r.exitCode;
    if (step.capture === 'token') captured['token'] = r.stdout.trim();
    if (step.capture === 'hash') {
      const hash = r.stdout.trim();
      if (hash !== captured['initHash']) exitCode = exitCode === 0 ? -1 : exitCode;
      // The reader who cannot compute the hash copies it from kubeadm init's output instead.
      captured['hash'] = hash === captured['initHash'] ? hash : (captured['initHash'] ?? hash);
    }
    outcomes.push({ step, typed, exitCode, output: r.output });
  }
  if (here !== 'cp-1') await s.run('exit');
  return { outcomes, nodes: (await s.run('kubectl get nodes')).stdout };
}

function failure(o: Outcome): string | null {
  const expected = o.step.exit ?? 0;
  if (o.exitCode === -1) return `printed a hash other than kubeadm's: ${o.output.trim()}`;
  if (o.exitCode !== expected)
    return `exit ${o.exitCode}, expected ${expected}: ${o.output.trim().split('\n').slice(-3).join(' | ')}`;
  const bad = NOT_UNDERSTOOD.find((re) => re.test(o.output));
  return bad
    ? `not understood (${bad.source}): ${o.output.trim().split('\n').slice(-3).join(' | ')}`
    : null;
}

describe.each(releaseTrackMinors())('kubernetes.io kubeadm pages on the %s track', (minor) => {
  it('runs every page line in order, failing only the listed pending lines, and ends with both nodes on the new minor', async () => {
    const { outcomes, nodes } = await replay(minor);

    const failing = Object.fromEntries(
      outcomes.flatMap((o) => {
        const why = failure(o);
        return why === null ? [] : [[o.step.id, `${o.typed.split('\n')[0] ?? ''} → ${why}`]];
      }),
    );
    expect(Object.keys(failing).sort(), JSON.stringify(failing, null, 2)).toEqual(
      Object.keys(PENDING).sort(),
    );
    const version = releaseTrack(minor).version;
    expect(nodes).toMatch(
      new RegExp(`^cp-1 +Ready +control-plane .* ${version.replaceAll('.', '\\.')}$`, 'm'),
    );
    expect(nodes).toMatch(
      new RegExp(`^worker-1 +Ready +<none> .* ${version.replaceAll('.', '\\.')}$`, 'm'),
    );
  });
});

describe('the replay', () => {
  it('covers every page it cites, with a page line on each', () => {
    const pages = new Set(REPLAY.filter((l) => l.harness === undefined).map((l) => l.page));

    expect([...pages].sort()).toEqual([
      'adding-linux-nodes',
      'change-package-repository',
      'container-runtimes',
      'create-cluster-kubeadm',
      'install-kubeadm',
      'kubeadm-certs',
      'kubeadm-upgrade',
      'upgrading-linux-nodes',
    ]);
    expect(new Set(REPLAY.map((l) => l.id)).size).toBe(REPLAY.length);
  });
});
