/**
 * verify:real's etcdctl key-value part: the simulator's `etcdctl put/get/del` on keys outside
 * /registry against a real etcd started here (Debian's 3.4), byte for byte where etcdctl 3.4 and
 * 3.5/3.6 print the same (printer_simple/fields/json, get/put/del argument errors, exit codes).
 * Masked, with reasons: the IDs, revisions and raft term of the response header and of each pair
 * (another cluster, another history of writes and elections), and 3.4's "retrying of unary invoker failed" JSON warnings (a
 * simulator gap recorded in shell/doctest/etcd-versions.ts). A negative control (one command
 * judged against another's real output) must fail.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from 'kubelife';

const TLS =
  '--cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/etcd/server.crt --key /etc/kubernetes/pki/etcd/server.key';
const PORT = 42379;

/** The compared commands (etcdctl arguments), run in order on both sides. */
export const KV_COMMANDS: readonly (readonly string[])[] = [
  ['put', '/kubelife-verify/a', 'one'],
  ['put', '/kubelife-verify/b', 'two words'],
  ['put', '/kubelife-verify/a', 'uno', '--prev-kv'],
  ['get', '/kubelife-verify/a'],
  ['get', '/kubelife-verify/', '--prefix'],
  ['get', '/kubelife-verify/', '--prefix', '--keys-only'],
  ['get', '/kubelife-verify/', '--prefix', '--limit', '1', '-w', 'json'],
  ['get', '/kubelife-verify/a', '-w', 'fields'],
  ['get', '/kubelife-verify/a', '--print-value-only'],
  ['get', '/kubelife-verify/a', '--hex'],
  ['get', '/kubelife-verify/a', '/kubelife-verify/c'],
  ['get', '/kubelife-verify/zzz', '-w', 'json'],
  ['get', '/kubelife-verify/', '--prefix', '--order', 'DESCEND', '--sort-by', 'MODIFY'],
  ['get'],
  ['get', 'x', '--prefix', '--from-key'],
  ['get', 'x', 'y', '--prefix'],
  ['get', 'x', '--consistency', 'q'],
  ['get', 'x', '--order', 'UP'],
  ['get', '/kubelife-verify/a', '--print-value-only', '-w', 'json'],
  ['get', '/kubelife-verify/a', '-w', 'table'],
  ['put'],
  ['put', '/kubelife-verify/c', 'v', '--lease', 'zz'],
  ['del', '/kubelife-verify/b'],
  ['del', '/kubelife-verify/b'],
  ['del', '/kubelife-verify/', '--prefix', '--prev-kv'],
  ['del'],
  ['compaction'],
  ['compaction', 'abc'],
  ['move-leader'],
  ['bogus'],
];

/** One compared command. */
export interface KvOutcome {
  readonly args: readonly string[];
  readonly same: boolean;
  readonly detail: string;
}

const quote = (a: string): string => (/^[\w./=:-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** The masks: IDs and revisions differ between two clusters; 3.4's retry warnings. */
export function maskEtcdOutput(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('{"level":"warn"'))
    .join('\n')
    .replace(
      /"(cluster_id|member_id|revision|raft_term|create_revision|mod_revision)":\d+/g,
      '"$1":N',
    )
    .replace(
      /^"(ClusterID|MemberID|Revision|RaftTerm|CreateRevision|ModRevision)" : \d+$/gm,
      '"$1" : N',
    );
}

function startEtcd(dir: string): ChildProcess {
  const etcd = spawn(
    'etcd',
    [
      '--data-dir',
      join(dir, 'data'),
      '--listen-client-urls',
      `http://127.0.0.1:${PORT}`,
      '--advertise-client-urls',
      `http://127.0.0.1:${PORT}`,
      '--listen-peer-urls',
      `http://127.0.0.1:${PORT + 1}`,
      '--initial-advertise-peer-urls',
      `http://127.0.0.1:${PORT + 1}`,
      '--initial-cluster',
      `default=http://127.0.0.1:${PORT + 1}`,
      '--listen-metrics-urls',
      `http://127.0.0.1:${PORT + 2}`,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    const r = spawnSync('etcdctl', [`--endpoints=127.0.0.1:${PORT}`, 'endpoint', 'health'], {
      env: { ...process.env, ETCDCTL_API: '3' },
    });
    if (r.status === 0) return etcd;
    spawnSync('sleep', ['0.2']);
  }
  etcd.kill('SIGKILL');
  throw new Error(`the real etcd did not answer on 127.0.0.1:${PORT}`);
}

/** Runs KV_COMMANDS on both sides; prints a line per command through `log`. */
export async function verifyEtcdctlKv(
  log: (line: string) => void,
): Promise<{ passed: number; failed: number; outcomes: KvOutcome[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelife-etcdctl-kv-'));
  const etcd = startEtcd(dir);
  const session = createSession({ scenario: 'control-plane-initialized' });
  const outcomes: KvOutcome[] = [];
  const real: string[] = [];
  const simulated: string[] = [];
  try {
    for (const args of KV_COMMANDS) {
      const r = spawnSync('etcdctl', [`--endpoints=127.0.0.1:${PORT}`, ...args], {
        encoding: 'utf8',
        env: { ...process.env, ETCDCTL_API: '3' },
      });
      const sim = await session.run(`etcdctl ${TLS} ${args.map(quote).join(' ')}`);
      const want = maskEtcdOutput(`${r.stdout}\u0000${r.stderr}\u0000${r.status ?? -1}`);
      const got = maskEtcdOutput(`${sim.stdout}\u0000${sim.stderr}\u0000${sim.exitCode}`);
      real.push(want);
      simulated.push(got);
      const same = want === got;
      const show = (t: string): string => t.replace(/\u0000/g, '\n--\n');
      const detail = same ? '' : `real:\n${show(want)}\nsimulator:\n${show(got)}`;
      outcomes.push({ args, same, detail });
      log(`     ${same ? 'ok  ' : 'FAIL'} etcdctl ${args.join(' ')}`);
      if (!same) log(detail.replace(/^/gm, '          '));
    }
  } finally {
    etcd.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  // Negative control: the same comparison must tell a get's output from a put's.
  const control = simulated[3] !== undefined && real[0] !== undefined && simulated[3] !== real[0];
  log(
    `${control ? 'ok  ' : 'FAIL'} negative control: the simulator's \`get\` judged against the real \`put\` ${control ? 'fails as it must' : 'PASSED: the comparison proves nothing'}`,
  );
  const same = outcomes.filter((o) => o.same).length;
  return {
    passed: same + (control ? 1 : 0),
    failed: outcomes.length - same + (control ? 0 : 1),
    outcomes,
  };
}
