/**
 * `etcdctl member list|add|remove|promote|update`.
 * upstream: etcd-io/etcd etcdctl/ctlv3/command/member_command.go, printer.go (makeMemberListTable),
 * printer_simple.go, printer_json.go
 */
import { etcdView, hasQuorum } from '../../src/index.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { formatEtcdTable } from './etcd-table.ts';
import { connect, EXIT, fail, hexId, raftTerm } from './etcdctl-client.ts';

/** `etcdctl member …`. */
export function memberCmd(inv: Invocation, p: ParsedFlags): number {
  const [, action, ...args] = p.positionals;
  const local = connect(inv, p);
  if (typeof local === 'string') return fail(inv, local);
  const state = inv.ctx.state;
  const e = etcdView(state);
  if (!e) return fail(inv, 'context deadline exceeded');
  if (action === 'list') {
    // MemberList is linearizable since etcd 3.5: without quorum the request times out.
    if (!hasQuorum(state)) return fail(inv, 'context deadline exceeded');
    // The server answers with RaftCluster.Members(), sorted by member ID.
    const members = [...e.members].sort((a, b) => {
      const x = BigInt(`0x${a.id}`);
      const y = BigInt(`0x${b.id}`);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const rows = members.map((m) => [
      hexId(m.id),
      m.name === '' ? 'unstarted' : 'started',
      m.name,
      m.peerURL,
      m.clientURL,
      String(m.learner),
    ]);
    const w = str(p, 'write-out') ?? 'simple';
    if (w === 'table')
      inv.io.out(
        formatEtcdTable(['ID', 'Status', 'Name', 'Peer Addrs', 'Client Addrs', 'Is Learner'], rows),
      );
    else if (w === 'json') {
      const dec = (hex: string): string => BigInt(`0x${hex}`).toString();
      const header = `{"cluster_id":${dec(e.clusterId)},"member_id":${dec(local.id)},"raft_term":${raftTerm(state)}}`;
      const entries = members.map(
        (m) =>
          `{"ID":${dec(m.id)},${m.name ? `"name":"${m.name}",` : ''}"peerURLs":["${m.peerURL}"]${m.clientURL ? `,"clientURLs":["${m.clientURL}"]` : ''}${m.learner ? ',"isLearner":true' : ''}}`,
      );
      inv.io.out(`{"header":${header},"members":[${entries.join(',')}]}`);
    } else for (const r of rows) inv.io.out(r.join(', '));
    return 0;
  }
  if (action === 'remove' || action === 'promote' || action === 'update') {
    const id = args[0];
    if (id === undefined) return fail(inv, 'member ID is not provided', EXIT.badArgs);
    const peerURL = str(p, 'peer-urls');
    if (action === 'update' && peerURL === undefined)
      return fail(inv, 'member peer urls not provided', EXIT.badArgs);
    const t = inv.apply(
      action === 'remove'
        ? { type: 'etcd.member.remove', id }
        : action === 'promote'
          ? { type: 'etcd.member.promote', id }
          : { type: 'etcd.member.update', id, peerURL: peerURL ?? '' },
    );
    return t.ok ? 0 : fail(inv, t.error.message.replace(/^Error: /, ''));
  }
  // action === 'add' (etcdctl.ts routes only the member commands of the version's list).
  const name = args[0];
  const peer = str(p, 'peer-urls');
  if (name === undefined) return fail(inv, 'member name not provided', EXIT.badArgs);
  if (peer === undefined) return fail(inv, 'member peer urls not provided', EXIT.badArgs);
  const t = inv.apply({
    type: 'etcd.member.add',
    name,
    peerURL: peer,
    learner: bool(p, 'learner'),
  });
  return t.ok ? 0 : fail(inv, t.error.message.replace(/^Error: /, ''));
}
