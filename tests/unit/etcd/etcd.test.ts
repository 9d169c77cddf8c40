// upstream: etcd-io/etcd etcdctl/ctlv3/command/{member_command,ep_command,snapshot_command,printer}.go,
// etcdutl/etcdutl/snapshot_command.go; kubernetes/website tasks/administer-cluster/configure-upgrade-etcd.md
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSession } from 'kubelife';
import {
  apply,
  buildScenario,
  etcdView,
  hasQuorum,
  quorumSize,
  requireEtcdQuorum,
  type ClusterState,
} from 'kubelife';

const ETCDCTL =
  'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

describe('etcdctl', () => {
  it('prints member list as tablewriter does: centred upper-case header, right-aligned cells', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });

    const r = await s.run(`${ETCDCTL} member list -w table`);

    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(
      /^\| {8}ID {8}\| STATUS {2}\| NAME \| {7}PEER ADDRS {7}\| {6}CLIENT ADDRS {6}\| IS LEARNER \|$/,
    );
    // Rows come sorted by member ID (RaftCluster.Members) and IDs print as %x (printer.go).
    expect(lines[3]).toMatch(
      /^\| +[1-9a-f][0-9a-f]{0,15} \| started \| cp-\d \| https:\/\/10\.0\.0\.1\d:2380 \| https:\/\/10\.0\.0\.1\d:2379 \| {6}false \|$/,
    );
    expect(lines[0]).toBe(lines[2]);
  });

  it('prints member list comma-separated by default', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });

    const r = await s.run(`${ETCDCTL} member list`);

    const rows = r.stdout.trimEnd().split('\n');
    expect(rows.map((l) => l.split(', ').slice(1).join(', ')).sort()).toEqual([
      'started, cp-1, https://10.0.0.11:2380, https://10.0.0.11:2379, false',
      'started, cp-2, https://10.0.0.12:2380, https://10.0.0.12:2379, false',
      'started, cp-3, https://10.0.0.13:2380, https://10.0.0.13:2379, false',
    ]);
    // Sorted by member ID, printed %x: no leading zeros (etcdctl/ctlv3/command/printer.go, v3.6).
    const ids = rows.map((l) => BigInt(`0x${l.split(', ')[0] ?? ''}`));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(rows.every((l) => !l.startsWith('0'))).toBe(true);
  });

  it('times out without the client certificates', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });

    const r = await s.run('etcdctl member list');

    expect(r).toEqual({
      stdout: '',
      stderr: 'Error: context deadline exceeded\n',
      output: 'Error: context deadline exceeded\n',
      exitCode: 1,
    });
  });

  it('reports an unhealthy member and fails the health check when one machine is down', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    await s.run('kubelife fault machine-down cp-3');

    const r = await s.run(`${ETCDCTL} endpoint health --cluster`);

    expect(r.stdout).toMatch(
      /https:\/\/10\.0\.0\.11:2379 is healthy: successfully committed proposal: took = [\d.]+ms/,
    );
    expect(r.stderr).toBe(
      'https://10.0.0.13:2379 is unhealthy: failed to commit proposal: context deadline exceeded\nError: unhealthy cluster\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it('removes a member by ID and prints the cluster it left', async () => {
    const s = createSession({ scenario: 'ha-member-lost' });
    const list = await s.run(`${ETCDCTL} member list`);
    const id =
      list.stdout
        .split('\n')
        .find((l) => l.includes('cp-3'))
        ?.split(', ')[0] ?? '';

    const r = await s.run(`${ETCDCTL} member remove ${id}`);

    // printer_simple.go (v3.6): "Member %16x removed from cluster %16x".
    expect(r.stdout).toMatch(
      new RegExp(`^Member ${id.padStart(16)} removed from cluster [ 0-9a-f]{16}\\n$`),
    );
    expect((await s.run(`${ETCDCTL} member list`)).stdout).not.toContain('cp-3');
  });
});

describe('quorum', () => {
  it('computes floor(n/2)+1', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(quorumSize)).toEqual([1, 2, 2, 3, 3, 4, 4]);
  });

  it('loses quorum with two of three members down, and kubectl fails like the apiserver', async () => {
    const s = createSession({ scenario: 'ha-three-control-planes' });
    await s.run('kubelife fault machine-down cp-2');
    await s.run('kubelife fault etcd-member-lost cp-3');

    const r = await s.run('kubectl get nodes');

    expect(r).toEqual({
      stdout: '',
      stderr: 'Error from server: etcdserver: request timed out\n',
      output: 'Error from server: etcdserver: request timed out\n',
      exitCode: 1,
    });
  });

  it('only lets writes through while a quorum of members runs (property)', () => {
    const base = buildScenario('ha-three-control-planes');
    const machines = ['cp-1', 'cp-2', 'cp-3'] as const;
    fc.assert(
      fc.property(
        fc.subarray([...machines]),
        fc.constantFrom('machine-down', 'etcd-member-lost', 'disk-full'),
        (down, kind) => {
          let state: ClusterState = base;
          for (const m of down) {
            const t = apply(state, { type: 'fault.inject', kind, machine: m });
            if (t.ok) state = t.state;
          }

          const save = apply(state, {
            type: 'etcd.snapshot.save',
            machine: 'cp-1',
            path: '/root/x.db',
          });
          const remove = apply(state, {
            type: 'etcd.member.remove',
            id: etcdView(state)?.members[2]?.id ?? '',
          });

          const quorum = down.length <= 1;
          expect(hasQuorum(state)).toBe(quorum);
          expect(requireEtcdQuorum(state) === null).toBe(quorum);
          expect(remove.ok).toBe(quorum);
          if (!down.includes('cp-1')) expect(save.ok).toBe(quorum);
        },
      ),
    );
  });
});

describe('snapshot and restore', () => {
  it('restores the objects of the snapshot: a token created afterwards is gone', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(`${ETCDCTL} snapshot save /root/snap.db`);
    await s.run('kubeadm token create');
    const before = (await s.run('kubeadm token list')).stdout.trimEnd().split('\n').length;

    await s.run('mkdir -p /root/manifests');
    for (const f of ['kube-apiserver', 'etcd'])
      await s.run(`mv /etc/kubernetes/manifests/${f}.yaml /root/manifests/`);
    const restore = await s.run(
      'etcdutl snapshot restore /root/snap.db --data-dir /var/lib/etcd-restored',
    );
    await s.run(
      // kubernetes.io configure-upgrade-etcd.md: change the etcd-data volume's hostPath.
      "sed -i 's#path: /var/lib/etcd$#path: /var/lib/etcd-restored#' /root/manifests/etcd.yaml",
    );
    for (const f of ['etcd', 'kube-apiserver'])
      await s.run(`mv /root/manifests/${f}.yaml /etc/kubernetes/manifests/`);
    const after = (await s.run('kubeadm token list')).stdout.trimEnd().split('\n').length;

    expect(restore.exitCode).toBe(0);
    // etcdutl 3.6 logs with zap's console encoder (tab-separated), see tests/unit/etcd/etcd-logs.test.ts.
    expect(restore.stderr).toContain(
      '\tinfo\tsnapshot/v3_snapshot.go:333\trestored snapshot\t{"path": "/root/snap.db", ',
    );
    expect(before).toBe(3);
    expect(after).toBe(2);
  });

  it('prints snapshot status as a table with hash, revision, keys, size and version', async () => {
    const s = createSession({ scenario: 'workers-joined' });
    await s.run(`${ETCDCTL} snapshot save /root/snap.db`);

    const r = await s.run('etcdutl snapshot status /root/snap.db -w table');

    expect(r.stdout.split('\n')[1]).toMatch(
      /^\| +HASH +\| REVISION \| TOTAL KEYS \| TOTAL SIZE \| VERSION \|$/,
    );
  });
});
