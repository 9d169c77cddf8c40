// `openssl rsa|pkey|dgst` and `x509 -fingerprint` of the simulated shell, checked against the real
// openssl on the simulator's exported files (same pattern as materialize.test.ts). The join-hash
// pipeline is kubernetes.io's "Joining your nodes" step (content/en/docs/setup/production-environment/
// tools/kubeadm/create-cluster-kubeadm.md), whose result kubeadm prints after
// --discovery-token-ca-cert-hash (cmd/kubeadm/app/util/pubkeypin/pubkeypin.go: SHA-256 of the DER SPKI).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';
import { hasOpenssl, OPENSSL } from './fixture.ts';

const real = (args: string[], input?: Buffer): string =>
  execFileSync(OPENSSL, args, {
    ...(input ? { input } : {}),
    stdio: ['pipe', 'pipe', 'pipe'],
  }).toString();

/** The same pipeline through real openssl processes. */
function realPipeline(cert: string): string {
  const pem = Buffer.from(real(['x509', '-pubkey', '-noout', '-in', cert]));
  const der = execFileSync(OPENSSL, ['rsa', '-pubin', '-outform', 'der'], {
    input: pem,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return real(['dgst', '-sha1', '-r'], der);
}

async function exported(): Promise<{ run: (l: string) => Promise<string>; dir: string }> {
  const s = createSession({ scenario: 'control-plane-initialized' });
  const dir = mkdtempSync(join(tmpdir(), 'kubelife-keys-'));
  for (const f of ['ca.crt', 'ca.key', 'apiserver.crt', 'sa.pub']) {
    writeFileSync(join(dir, f), (await s.run(`cat /etc/kubernetes/pki/${f}`)).stdout);
  }
  return { run: async (l) => (await s.run(l)).stdout, dir };
}

describe('openssl key and digest commands', () => {
  it('computes the join hash kubeadm prints with the pipeline from kubernetes.io', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });
    const join = (await s.run('kubeadm token create --print-join-command')).stdout;

    const r = await s.run(
      'openssl x509 -pubkey -in /etc/kubernetes/pki/ca.crt | openssl rsa -pubin -outform der | openssl dgst -sha256 -hex',
    );

    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('writing RSA key\n');
    const hash = /SHA2-256\(stdin\)= ([0-9a-f]{64})\n$/.exec(r.stdout)?.[1];
    expect(join).toContain(`--discovery-token-ca-cert-hash sha256:${hash ?? 'missing'}`);
  });

  it('reports an unreadable key the way openssl rsa does', async () => {
    const s = createSession({ scenario: 'control-plane-initialized' });

    const r = await s.run('echo garbage | openssl rsa -pubin');

    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Could not read public key from <stdin>\n');
  });

  it.runIf(hasOpenssl)(
    'prints the same public keys, digests and fingerprints as real openssl',
    async () => {
      const { run, dir } = await exported();
      const ca = join(dir, 'ca.crt');
      const key = join(dir, 'ca.key');

      const cases: Array<[string, string]> = [
        [
          await run('openssl rsa -in /etc/kubernetes/pki/ca.key -pubout'),
          real(['rsa', '-in', key, '-pubout']),
        ],
        [await run('openssl rsa -in /etc/kubernetes/pki/ca.key'), real(['rsa', '-in', key])],
        [
          await run('openssl rsa -in /etc/kubernetes/pki/ca.key -traditional'),
          real(['rsa', '-in', key, '-traditional']),
        ],
        [
          await run('openssl pkey -in /etc/kubernetes/pki/ca.key -pubout'),
          real(['pkey', '-in', key, '-pubout']),
        ],
        [
          await run('openssl x509 -in /etc/kubernetes/pki/ca.crt -noout -fingerprint'),
          real(['x509', '-in', ca, '-noout', '-fingerprint']),
        ],
        [
          await run('openssl x509 -in /etc/kubernetes/pki/ca.crt -noout -fingerprint -sha256'),
          real(['x509', '-in', ca, '-noout', '-fingerprint', '-sha256']),
        ],
        [
          await run('openssl dgst -sha256 /etc/kubernetes/pki/sa.pub').then((t) =>
            t.replace('/etc/kubernetes/pki/', ''),
          ),
          real(
            ['dgst', '-sha256', 'sa.pub'].map((a) => (a === 'sa.pub' ? join(dir, a) : a)),
          ).replace(`${dir}/`, ''),
        ],
        [
          await run(
            'openssl x509 -pubkey -noout -in /etc/kubernetes/pki/apiserver.crt | openssl rsa -pubin -outform der | openssl dgst -sha1 -r',
          ),
          realPipeline(join(dir, 'apiserver.crt')),
        ],
      ];

      for (const [simulated, expected] of cases) expect(simulated).toBe(expected);
    },
  );
});
