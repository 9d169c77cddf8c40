/**
 * `etcdctl snapshot save` (3.6 keeps only `save` in etcdctl; status and restore moved to etcdutl).
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/snapshot_command.go, client/v3/snapshot/v3_snapshot.go
 */
import { findMachine, parseSnapshot, podCount } from '../../src/index.ts';
import type { SnapshotData } from '../../src/etcd/ops.ts';
import type { ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { absolutePath } from '../paths.ts';
import { humanizeBytes } from './etcd-table.ts';
import { snapshotSaveLog } from './etcd-logs.ts';
import { connect, endpointsOf, etcdVersion, fail } from './etcdctl-client.ts';

/** The snapshot's TOTAL SIZE: the db's base size and the objects kubelife stores in it. */
export function snapshotSize(snap: SnapshotData): string {
  return humanizeBytes(4_000_000 + podCount(snap) * 12_288);
}

/** `etcdctl snapshot save FILE`. */
export function snapshotSave(inv: Invocation, p: ParsedFlags): number {
  const file = p.positionals[2];
  if (file === undefined) return fail(inv, 'snapshot save expects one argument', 3);
  const local = connect(inv, p);
  if (typeof local === 'string') return fail(inv, local, 5);
  const path = absolutePath(inv, file);
  const t = inv.apply({ type: 'etcd.snapshot.save', machine: inv.machine, path });
  if (!t.ok) return fail(inv, t.error.message.replace(/^Error: /, ''), 5);
  const snap = parseSnapshot(findMachine(inv.ctx.state, inv.machine)?.files[path]);
  for (const line of snapshotSaveLog({
    now: inv.ctx.state.now,
    file,
    endpoint: endpointsOf(inv, p)[0] ?? '127.0.0.1:2379',
    size: snap ? snapshotSize(snap) : humanizeBytes(0),
    clientVersion: etcdVersion(inv.ctx.state),
    serverVersion: etcdVersion(inv.ctx.state),
  }))
    inv.io.err(line);
  inv.io.out(`Snapshot saved at ${file}`);
  inv.io.out(`Server version ${etcdVersion(inv.ctx.state)}`);
  return 0;
}
