/**
 * Maintenance commands: `alarm list|disarm`, `defrag`, `compaction REV`, `move-leader ID`.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/alarm_command.go, defrag_command.go (v3.5:
 * "Finished defragmenting etcd member[%s]", "Failed to defragment etcd member[%s] (%v)"),
 * compaction_command.go ("compacted revision", mvcc ErrCompacted/ErrFutureRev),
 * move_leader_command.go (leader among the endpoints, "Leadership transferred from %s to %s")
 */
import { etcdLeader, etcdView, memberRunning } from '../../src/index.ts';
import { bool, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { connect, endpointsOf, EXIT, fail, hexId, memberAt, tlsOk } from './etcdctl-client.ts';
import { openKeyspace } from './etcdctl-keyspace.ts';

/** `etcdctl alarm list|disarm`: the simulator raises no alarm (no NOSPACE quota is modelled). */
export function alarmCmd(inv: Invocation, p: ParsedFlags): number {
  const space = openKeyspace(inv, p);
  if (typeof space === 'string') return fail(inv, space);
  return 0;
}

/** Every member's client URL (`--cluster`), asked of the first endpoint that answers. */
export function clusterEndpoints(inv: Invocation, p: ParsedFlags): string[] | string {
  const local = connect(inv, p);
  if (typeof local === 'string') return local;
  return (etcdView(inv.ctx.state)?.members ?? [])
    .filter((m) => m.clientURL !== '')
    .map((m) => m.clientURL);
}

/** `etcdctl defrag [--cluster]`: each endpoint in turn, a failure per unreachable member. */
export function defragCmd(inv: Invocation, p: ParsedFlags): number {
  const eps = bool(p, 'cluster') ? clusterEndpoints(inv, p) : endpointsOf(inv, p);
  if (typeof eps === 'string') return fail(inv, eps);
  let failures = 0;
  for (const ep of eps) {
    const m = memberAt(inv, ep);
    if (tlsOk(inv, p) && m && memberRunning(inv.ctx.state, m))
      inv.io.out(`Finished defragmenting etcd member[${ep}]`);
    else {
      inv.io.err(`Failed to defragment etcd member[${ep}] (context deadline exceeded)`);
      failures++;
    }
  }
  return failures > 0 ? EXIT.error : 0;
}

/** `etcdctl compaction [--physical] REV`. */
export function compactionCmd(inv: Invocation, p: ParsedFlags): number {
  const args = p.positionals.slice(1);
  if (args.length !== 1) return fail(inv, 'compaction command needs 1 argument', EXIT.badArgs);
  const raw = args[0] ?? '';
  if (!/^[+-]?\d+$/.test(raw))
    return fail(inv, `strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
  const rev = Number(raw);
  const space = openKeyspace(inv, p);
  if (typeof space === 'string') return fail(inv, space);
  if (rev > space.header.revision)
    return fail(inv, 'etcdserver: mvcc: required revision is a future revision');
  if (rev <= space.compacted)
    return fail(inv, 'etcdserver: mvcc: required revision has been compacted');
  const t = inv.apply({ type: 'etcd.compaction', revision: rev });
  if (!t.ok) return fail(inv, t.error.message.replace(/^Error: /, ''));
  inv.io.out(`compacted revision ${rev}`);
  return 0;
}

/** `etcdctl move-leader ID`: asked of the leader, which must be one of the endpoints. */
export function moveLeaderCmd(inv: Invocation, p: ParsedFlags): number {
  const args = p.positionals.slice(1);
  if (args.length !== 1) return fail(inv, 'move-leader command needs 1 argument', EXIT.badArgs);
  const raw = args[0] ?? '';
  if (!/^[0-9a-fA-F]{1,16}$/.test(raw))
    return fail(
      inv,
      `strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`,
      EXIT.badArgs,
    );
  const eps = endpointsOf(inv, p);
  const state = inv.ctx.state;
  for (const ep of eps) {
    const m = memberAt(inv, ep);
    if (!tlsOk(inv, p) || !m || !memberRunning(state, m))
      return fail(inv, 'context deadline exceeded');
    const leader = etcdLeader(state);
    if (leader?.id !== m.id) continue;
    const target = (etcdView(state)?.members ?? []).find(
      (x) => BigInt(`0x${x.id}`) === BigInt(`0x${raw}`),
    );
    if (
      !target ||
      target.learner ||
      target.name === '' ||
      !memberRunning(state, target) ||
      target.id === leader.id
    )
      return fail(inv, 'etcdserver: bad leader transferee');
    const t = inv.apply({ type: 'etcd.move-leader', id: target.id });
    if (!t.ok) return fail(inv, t.error.message.replace(/^Error: /, ''));
    inv.io.out(`Leadership transferred from ${hexId(leader.id)} to ${hexId(target.id)}`);
    return 0;
  }
  return fail(inv, `no leader endpoint given at [${eps.join(' ')}]`, EXIT.badArgs);
}
