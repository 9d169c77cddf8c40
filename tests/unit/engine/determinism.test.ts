import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from 'kubelife';

const SCRIPT = [
  'kubeadm init --pod-network-cidr=10.244.0.0/16',
  'mkdir -p $HOME/.kube',
  'cp -i /etc/kubernetes/admin.conf $HOME/.kube/config',
  'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
  'kubeadm token create --print-join-command',
  'kubectl get pods -A',
];

async function transcript(seed: number): Promise<{ out: string; state: string }> {
  const s = createSession({ scenario: 'packages-installed', seed });
  let out = '';
  for (const line of SCRIPT) {
    const r = await s.run(line);
    out += r.stdout + r.stderr + r.exitCode;
  }
  return { out, state: JSON.stringify(s.save()) };
}

describe('determinism', () => {
  it('gives identical output and state for the same seed and commands', async () => {
    const a = await transcript(1);

    const b = await transcript(1);

    expect(b).toEqual(a);
  });

  it('round-trips the saved state through JSON', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    const saved = JSON.parse(JSON.stringify(s.save())) as ReturnType<typeof s.save>;

    const restored = createSession({ state: saved });

    expect((await restored.run('kubectl get nodes')).stdout).toBe(
      (await s.run('kubectl get nodes')).stdout,
    );
  });
});

const WORDS = [
  'kubeadm',
  'kubectl',
  'init',
  'join',
  'get',
  'nodes',
  'pods',
  '-A',
  '--foo',
  'token',
  'create',
  'apt-get',
  'install',
  'kubelet',
  'swapoff',
  '-a',
  'ssh',
  'worker-1',
  'exit',
  'ls',
  '/etc',
  'cat',
  "'",
  '"',
  '&&',
  '||',
  ';',
  '$HOME',
  '$(id -u)',
  '\\',
  'kubelife',
  'clock',
  'advance',
  '400d',
  'reset',
  'systemctl',
  'status',
  'foo',
  'version',
  '-o',
  'yaml',
  'echo',
  '|',
  '>',
  '/tmp/x',
];

describe('random command sequences', () => {
  it('never throw, always return an exit code and keep the state JSON-serialisable', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), { maxLength: 6 }),
        fc.constantFrom('bare-machines', 'packages-installed', 'cni-installed'),
        async (lines, scenario) => {
          const s = createSession({ scenario });
          for (const words of lines) {
            const r = await s.run(words.join(' '));
            expect(Number.isInteger(r.exitCode)).toBe(true);
          }
          const json = JSON.stringify(s.save());
          expect(JSON.parse(json)).toEqual(s.save());
        },
      ),
      { numRuns: 60 },
    );
  });
});
