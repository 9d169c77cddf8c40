// What etcd 3.6's tools log around snapshots, compared with real transcripts: etcdctl 3.6.4 and
// 3.6.12 `snapshot save` (six zap JSON lines on stderr: snapshot/v3_snapshot.go:83/96/111/121,
// the client's v3@<version>/maintenance.go:236/302), etcdutl 3.6.4 `snapshot restore` (zap console
// encoding: RFC 3339 time, level, [logger,] caller, message, JSON fields; bbolt opens the db three
// times; schema/membership.go:138 trims membership; snapshot/v3_snapshot.go:305/333). The console
// encoding was also checked with Debian's etcdutl 3.5.16 run on this machine.
import { describe, expect, it } from 'vitest';
import { createSession } from 'kubelife';

const ETCDCTL =
  'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

describe('etcd 3.6 snapshot logs', () => {
  it('logs a snapshot save as etcdctl 3.6 does, with the client module version in its callers', async () => {
    const s = createSession({ scenario: 'control-plane-initialized', release: 'v1.36' });

    const r = await s.run(`${ETCDCTL} snapshot save /root/snap.db`);
    const lines = r.stderr.trimEnd().split('\n');

    expect(r.stdout).toBe('Snapshot saved at /root/snap.db\nServer version 3.6.9\n');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string; caller: string }).caller)).toEqual([
      'snapshot/v3_snapshot.go:83',
      'v3@v3.6.9/maintenance.go:236',
      'snapshot/v3_snapshot.go:96',
      'v3@v3.6.9/maintenance.go:302',
      'snapshot/v3_snapshot.go:111',
      'snapshot/v3_snapshot.go:121',
    ]);
    expect(lines[0]).toMatch(
      /^\{"level":"info","ts":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z","caller":"snapshot\/v3_snapshot\.go:83","msg":"created temporary db file","path":"\/root\/snap\.db\.part"\}$/,
    );
    expect(lines[1]).toContain('"logger":"client",');
    expect(lines[4]).toContain(
      '"msg":"fetched snapshot","endpoint":"https://127.0.0.1:2379","size":"4.1 MB","took":',
    );
  });

  it('logs a restore in console encoding, the path as typed', async () => {
    const s = createSession({ scenario: 'control-plane-initialized', release: 'v1.36' });
    await s.run(`${ETCDCTL} snapshot save snap.db`);

    const r = await s.run('etcdutl --data-dir /var/lib/etcd-restored snapshot restore snap.db');
    const fields = r.stderr
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));

    expect(r.exitCode).toBe(0);
    expect(fields.map((f) => f.slice(1, f[2] === 'bbolt' ? 4 : 3).join(' '))).toEqual([
      'info snapshot/v3_snapshot.go:305',
      'info bbolt backend/backend.go:203',
      'info bbolt bbolt@v1.4.2/db.go:321',
      'info schema/membership.go:138',
      'info bbolt backend/backend.go:203',
      'info bbolt bbolt@v1.4.2/db.go:321',
      'info membership/cluster.go:424',
      'info bbolt backend/backend.go:203',
      'info bbolt bbolt@v1.4.2/db.go:321',
      'info snapshot/v3_snapshot.go:333',
    ]);
    expect(fields[0]?.[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(fields[0]?.slice(3)).toEqual([
      'restoring snapshot',
      '{"path": "snap.db", "wal-dir": "/var/lib/etcd-restored/member/wal", "data-dir": "/var/lib/etcd-restored", "snap-dir": "/var/lib/etcd-restored/member/snap", "initial-memory-map-size": 10737418240}',
    ]);
    expect(fields[6]?.slice(3)).toEqual([
      'added member',
      '{"cluster-id": "cdf818194e3a8c32", "local-member-id": "0", "added-peer-id": "8e9e05c52164694d", "added-peer-peer-urls": ["http://localhost:2380"], "added-peer-is-learner": false}',
    ]);
  });
});
