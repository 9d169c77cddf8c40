/**
 * The etcd 3.4 vs 3.5/3.6 tolerance set, on output captured from Debian's etcdctl 3.4.23 and the
 * guides' (3.6-shaped) expectations: each named difference is tolerated, nothing else is.
 */
import { describe, expect, it } from 'vitest';
import { compareOutput, RUN_MASKS, toleranceMasks } from 'kubelife/doctest';

const masks = [...toleranceMasks(['etcd-3.4']), ...RUN_MASKS];
const compare = (page: string, real: string, command: string) =>
  compareOutput(page, real, { masks, commands: [command] });

describe('etcd 3.4 tolerance', () => {
  it('drops 3.4 snapshot-save progress logs and the 3.5+ server version line', () => {
    const page = 'Snapshot saved at /root/backup/etcd-snapshot.db\nServer version 3.6.4';
    const real = [
      '{"level":"info","ts":1796613881.7312481,"caller":"snapshot/v3_snapshot.go:119","msg":"created temporary db file","path":"/root/backup/etcd-snapshot.db.part"}',
      '{"level":"info","ts":"2026-12-07T03:24:41.759Z","caller":"clientv3/maintenance.go:200","msg":"opened snapshot stream; downloading"}',
      '{"level":"info","ts":1796613881.7881935,"caller":"snapshot/v3_snapshot.go:152","msg":"saved","path":"/root/backup/etcd-snapshot.db"}',
      'Snapshot saved at /root/backup/etcd-snapshot.db',
    ].join('\n');

    const result = compare(page, real, 'etcdctl snapshot save /root/backup/etcd-snapshot.db');

    expect(result.diff).toBe('');
    expect(result.masked).toContain('etcd-snapshot-log');
  });

  it('compares snapshot status tables without the 3.5+ VERSION column', () => {
    const page = [
      '+----------+----------+------------+------------+---------+',
      '|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE | VERSION |',
      '+----------+----------+------------+------------+---------+',
      '| 7fcbe251 |      812 |        327 |     4.1 MB |   3.6.0 |',
      '+----------+----------+------------+------------+---------+',
    ].join('\n');
    const real = [
      '+----------+----------+------------+------------+',
      '|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE |',
      '+----------+----------+------------+------------+',
      '| 60e4b1d8 |        0 |          5 |      20 kB |',
      '+----------+----------+------------+------------+',
    ].join('\n');

    expect(
      compare(page, real, 'etcdutl snapshot status /root/backup/etcd-snapshot.db -w table').diff,
    ).toBe('');
  });

  it('still fails a snapshot status table with another header', () => {
    const page = '|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE |';
    const real = '|   HASH   | REVISION |    KEYS    | TOTAL SIZE |';

    expect(compare(page, real, 'etcdctl snapshot status x.db -w table').diff).not.toBe('');
  });

  it("drops a restore's log lines in either format (3.4 JSON, 3.6 console), and still compares the rest", () => {
    const json = (msg: string, caller: string) =>
      `{"level":"info","ts":1.5,"caller":"${caller}","msg":"${msg}"}`;
    const real34 = [
      json('restoring snapshot', 'snapshot/v3_snapshot.go:296'),
      json('added member', 'membership/cluster.go:392'),
      json('restored snapshot', 'snapshot/v3_snapshot.go:309'),
    ].join('\n');
    const page36 = [
      '2026-11-25T09:03:04Z\tinfo\tsnapshot/v3_snapshot.go:305\trestoring snapshot\t{"path": "a.db"}',
      '2026-11-25T09:03:04Z\tinfo\tbbolt\tbbolt@v1.4.2/db.go:321\tOpening bbolt db (x) successfully',
      '2026-11-25T09:03:04Z\tinfo\tsnapshot/v3_snapshot.go:333\trestored snapshot\t{"path": "a.db"}',
    ].join('\n');

    expect(compare(page36, real34, 'etcdutl snapshot restore a.db').diff).toBe('');
    expect(
      compare(
        page36,
        `${real34}\nError: data-dir "x" not empty or could not be read`,
        'etcdutl snapshot restore a.db',
      ).diff,
    ).not.toBe('');
  });

  it('masks the server version only in etcd commands', () => {
    expect(compare('etcd 3.6.4', 'etcd 3.4.23', 'etcdctl version').diff).toBe('');
    expect(compare('etcd 3.6.4', 'etcd 3.4.23', 'echo etcd').diff).not.toBe('');
  });
});
