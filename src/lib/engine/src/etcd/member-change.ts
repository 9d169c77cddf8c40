/**
 * `etcdctl member promote ID` and `member update ID --peer-urls=URL` as pure transitions.
 * A learner the simulator started is promoted at once (kubeadm promotes the learner it added;
 * etcd/ops.ts startAddedMember), so the learners left are unstarted ones, which etcd refuses to
 * promote until they caught up with the leader.
 * upstream: etcd-io/etcd server/etcdserver/server.go (PromoteMember, mayPromoteMember,
 * isLearnerReady: ErrLearnerNotReady), server/etcdserver/api/membership/cluster.go
 * (ValidateConfigurationChange: ErrMemberNotLearner, ErrIDNotFound, ErrPeerURLexists),
 * server/etcdserver/errors.go, etcdctl/ctlv3/command/printer_simple.go (MemberPromote,
 * MemberUpdate: "Member %16x promoted|updated in cluster %16x")
 */
import type { ClusterState } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text } from '../events.ts';
import { etcdView, hasQuorum, type EtcdMember } from './model.ts';
import { hex16, withEtcd } from './ops.ts';

function etcdError(message: string): Transition {
  return fail(new EngineError('Etcdctl', { message }));
}

/** The member with hex ID `id`, or the Transition that refuses the request. */
function target(state: ClusterState, id: string): EtcdMember | Transition {
  const e = etcdView(state);
  if (!e || !hasQuorum(state)) return etcdError('context deadline exceeded');
  if (!/^[0-9a-f]{1,16}$/i.test(id))
    return etcdError(
      `bad member ID arg (strconv.ParseUint: parsing "${id}": invalid syntax), expecting ID in Hex`,
    );
  const want = id.toLowerCase().padStart(16, '0');
  return e.members.find((m) => m.id === want) ?? etcdError('etcdserver: member not found');
}

/** `etcdctl member promote ID`. */
export function applyMemberPromote(state: ClusterState, id: string): Transition {
  const m = target(state, id);
  if ('ok' in m) return m;
  if (!m.learner) return etcdError('etcdserver: can only promote a learner member');
  if (m.name === '')
    return etcdError('etcdserver: can only promote a learner member which is in sync with leader');
  const e = etcdView(state);
  if (!e) return etcdError('context deadline exceeded');
  const members = e.members.map((x) => (x.id === m.id ? { ...x, learner: false } : x));
  return ok(withEtcd(state, { ...e, members }), [
    text(`Member ${hex16(m.id)} promoted in cluster ${hex16(e.clusterId)}`),
  ]);
}

/** `etcdctl member update ID --peer-urls=URL`. */
export function applyMemberUpdate(state: ClusterState, id: string, peerURL: string): Transition {
  const m = target(state, id);
  if ('ok' in m) return m;
  const e = etcdView(state);
  if (!e) return etcdError('context deadline exceeded');
  if (e.members.some((x) => x.id !== m.id && x.peerURL === peerURL))
    return etcdError('etcdserver: Peer URLs already exists');
  const members = e.members.map((x) => (x.id === m.id ? { ...x, peerURL } : x));
  return ok(withEtcd(state, { ...e, members }), [
    text(`Member ${hex16(m.id)} updated in cluster ${hex16(e.clusterId)}`),
  ]);
}
