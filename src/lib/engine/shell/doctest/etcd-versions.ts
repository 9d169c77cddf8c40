/**
 * What etcdctl/etcd 3.4 (Debian 12's etcd-server/etcd-client 3.4.23, the real etcd this project's
 * CI can run) prints differently from the etcd 3.5/3.6 that kubeadm's release tracks run. Used by
 * `npm run verify:real` with `--tolerate etcd-3.4`; docs/real-machines.md shows this table.
 * Upstream: etcd-io/etcd etcdctl/ctlv3/command/snapshot_command.go and
 * etcdutl/etcdutl/snapshot_command.go (v3.5.0+: etcdutl, SaveWithVersion, the VERSION column).
 */
import type { Mask } from './masks.ts';

const ETCD_COMMAND = /\betcd(?:ctl|utl)\b/;

/** The etcd 3.4 vs 3.5/3.6 differences, each with its reason. */
export const ETCD_34_MASKS: readonly Mask[] = [
  {
    name: 'etcd-version',
    reason: "the server's version: 3.4.23 from Debian where the release tracks run 3.5.x/3.6.x",
    pattern: /\b3\.\d+\.\d+\b/g,
    replacement: '<etcd-version>',
    commands: ETCD_COMMAND,
  },
  {
    name: 'etcd-snapshot-log',
    reason:
      'etcdctl logs `snapshot save` progress as JSON lines whose callers and fields differ by version (3.4: snapshot/v3_snapshot.go:119-152 and clientv3/maintenance.go; 3.6: snapshot/v3_snapshot.go:83-121 and v3@v3.6.x/maintenance.go)',
    pattern:
      /^\{"level":"info".*"caller":"(?:snapshot\/v3_snapshot\.go:\d+|(?:clientv3|v3@v[\d.]+)\/maintenance\.go:\d+)"/g,
    replacement: '',
    commands: /\bsnapshot save\b/,
    drop: true,
  },
  {
    name: 'etcd-server-version-line',
    reason:
      'etcdctl 3.5+ prints the server version after `snapshot save` (SaveWithVersion); 3.4 does not',
    pattern: /^Server version \d/g,
    replacement: '',
    commands: /\bsnapshot save\b/,
    drop: true,
  },
  {
    name: 'etcd-restore-log',
    reason:
      "a restore's log lines: etcd 3.4's `etcdctl snapshot restore` logs JSON (and 3.5 a compact-revision line), 3.6's etcdutl logs in zap's console encoding with bbolt's lines in between",
    pattern:
      /^(?:\{"level":"info".*"caller":"(?:snapshot\/v3_snapshot|mvcc\/kvstore|membership\/cluster)\.go:\d+"|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\tinfo\t)/g,
    replacement: '',
    commands: /\bsnapshot restore\b/,
    drop: true,
  },
  {
    name: 'etcd-snapshot-version-column',
    reason:
      "`snapshot status -w table` has a VERSION column (the snapshot's storage version) since 3.5; 3.4 prints four columns",
    pattern: /^(\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|)[^|]*\|$|^(\+[^+]*\+[^+]*\+[^+]*\+[^+]*\+)[^+]*\+$/g,
    replacement: '$1$2',
    commands: /\bsnapshot status\b/,
  },
];

/**
 * Where the guides' output lacks a line that real etcdctl prints: simulator gaps found by
 * `npm run verify:real`, tolerated by name (`--tolerate sim-gaps`) until the simulator prints them.
 */
export const SIMULATOR_GAPS: readonly Mask[] = [
  {
    name: 'etcd-client-retry-warning',
    reason:
      'with a member down, etcdctl\'s client logs "retrying of unary invoker failed" as a JSON warning; 3.4 prints it and 3.5/3.6 build the client with an info-level zap logger too (ctlv3/command/global.go), so the guides likely miss it: a simulator gap',
    pattern: /^\{"level":"warn".*"msg":"retrying of unary invoker failed"/g,
    replacement: '',
    commands: ETCD_COMMAND,
    drop: true,
  },
];
