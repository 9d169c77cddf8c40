/**
 * The controllers of the cluster's own workloads, over their compact Pod records
 * (state/pods.ts): the Deployment controller keeps the coredns ReplicaSet at the Deployment's
 * spec.replicas (`kubectl -n kube-system scale deployment coredns --replicas=3`), the ReplicaSet
 * controller keeps that many active Pods (not terminating ones) named `<replicaset>-<5
 * characters>`, deleting unscheduled, not running and then the newest first when scaling down,
 * and the scheduler binds a pending CoreDNS Pod to a node it fits (Ready, schedulable, taints it
 * tolerates), preferring nodes without a CoreDNS Pod (the Deployment's preferred pod
 * anti-affinity on kubernetes.io/hostname), then the node with the fewest Pods.
 *
 * When one of these Pods is deleted (`kubectl delete pod`), its owner brings it back:
 * the kubelet recreates a static Pod's mirror Pod under the same name (a new uid), the DaemonSet
 * controller creates a Pod with a new name on the same node, the ReplicaSet controller a Pod with
 * a new name wherever the scheduler puts it (replaceDeletedPod).
 *
 * Cost: one Deployment read, the ReplicaSets of kube-system and the store's `pods/replicaset`
 * index per command; nothing grows with the number of nodes unless a Pod needs a node.
 *
 * upstream (v1.32): pkg/controller/deployment/sync.go (scale, annotations desired-replicas and
 * max-replicas = replicas + maxSurge), pkg/controller/replicaset/replica_set.go (manageReplicas,
 * getPodsToDelete, FilterActivePods), pkg/controller/daemon/daemon_controller.go
 * (podsShouldBeOnNode), pkg/kubelet/pod/mirror_client.go (CreateMirrorPod),
 * cmd/kubeadm/app/phases/addons/dns/manifests.go (tolerations, podAntiAffinity).
 */
import type { ClusterState, PodObject } from '../model/state.ts';
import { nodeReady } from '../machine/kubelet.ts';
import { nodeObject } from '../objects/node-object.ts';
import { createRng, NAME_SUFFIX_ALPHABET, type Rng } from '../random.ts';
import { findMachine } from '../state/machines.ts';
import { findNode, nodeList } from '../state/nodes.ts';
import { findPod, podRecord, podsOnNode, putPod, storedPodObject } from '../state/pods.ts';
import { readByKey, readStored, scanStored } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { putObject, removeObject } from '../store/write.ts';
import { nodeRejects } from './scheduler.ts';
import { reservePodIp } from './pod-ips.ts';
import { podEvent, scalingEvent } from './workloads.ts';
import { ownedReplicaSets, rollToTemplate } from './coredns-template.ts';
import { recordEvent } from '../objects/controller-events.ts';

type Obj = { readonly [k: string]: Json };

/** CoreDNS's tolerations (kubeadm's manifest, then the DefaultTolerationSeconds admission's). */
const DNS_POD: ApiObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'coredns', uid: '', resourceVersion: '', creationTimestamp: '' },
  spec: {
    tolerations: [
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists' },
    ],
  },
};

const STATIC = new Set(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);

const replicasOf = (o: ApiObject): number => {
  const r = ((o['spec'] ?? {}) as Obj)['replicas'];
  return typeof r === 'number' ? r : 1;
};
const revisionOf = (o: ApiObject): number =>
  Number(o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);

/** The ReplicaSet of the Deployment's newest revision, or undefined. */
function newestReplicaSet(state: ClusterState, d: ApiObject): ApiObject | undefined {
  return scanStored(state.cluster?.objects, 'replicasets.apps', 'kube-system')
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid) === true)
    .sort((a, b) => revisionOf(b) - revisionOf(a))[0];
}

/** The ReplicaSet's Pods that are not terminating (FilterActivePods), from the index. */
function activePods(state: ClusterState, rs: string): PodObject[] {
  const store = state.cluster?.objects;
  return indexedKeys(store?.indexes, 'pods/replicaset', rs)
    .map((k) => readByKey(store, 'pods', k))
    .filter((o): o is ApiObject => o !== undefined && o.metadata.deletionTimestamp === undefined)
    .map(podRecord);
}

/** A name `<prefix><5 characters>` no Pod of the namespace has. */
function freshName(state: ClusterState, rng: Rng, namespace: string, prefix: string): string {
  for (;;) {
    const name = `${prefix}${rng.pick(NAME_SUFFIX_ALPHABET, 5)}`;
    if (!storedPodObject(state, namespace, name)) return name;
  }
}

/** The node the scheduler binds a CoreDNS Pod to, or null when none fits. */
function dnsNode(state: ClusterState): string | null {
  let best: { name: string; dns: number; pods: number } | null = null;
  for (const n of nodeList(state)) {
    const m = findMachine(state, n.machine);
    if (!m || !nodeReady(m, state.now) || n.unschedulable === true) continue;
    if (nodeRejects(DNS_POD, nodeObject(state, n.name) as unknown as Obj) !== null) continue;
    const pods = podsOnNode(state, n.name);
    const here = { name: n.name, dns: pods.filter((p) => p.app === 'coredns').length };
    const score = { ...here, pods: pods.length };
    if (best === null || score.dns < best.dns || (score.dns === best.dns && score.pods < best.pods))
      best = score;
  }
  return best?.name ?? null;
}

/** Each CoreDNS Pod on `node` with the last octet of its pod IP now (views/cluster.ts listPods). */
function dnsHosts(state: ClusterState, node: string): { pod: PodObject; host: number }[] {
  return podsOnNode(state, node)
    .filter((p) => p.app === 'coredns')
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((pod, i) => ({ pod, host: pod.ipHost ?? i + 2 }));
}

/** The Pod bound to `node` with the next address host-local hands out there (pod-ips.ts). */
function bind(state: ClusterState, p: PodObject, node: string | null): ClusterState {
  if (node === null) return putPod(state, p);
  const ip = reservePodIp(state, node);
  return ip ? putPod(ip.state, { ...p, node, ipHost: ip.host }) : putPod(state, { ...p, node });
}

/**
 * A state without the Pod; the other CoreDNS Pods of its node keep their addresses (pinned
 * before the ordinal they were derived from changes).
 */
function deletePod(state: ClusterState, p: PodObject): ClusterState {
  let s = state;
  if (p.app === 'coredns' && p.node !== null)
    for (const { pod, host } of dnsHosts(state, p.node))
      if (pod.ipHost === undefined && pod.name !== p.name) s = putPod(s, { ...pod, ipHost: host });
  return removeObject(s, 'pods', p.namespace, p.name);
}

/**
 * The state after the kubelet removed the cluster's own Pod `p` (an evicted CoreDNS Pod whose
 * node is back); the other CoreDNS Pods of its node keep their addresses.
 */
export function removeSystemPod(state: ClusterState, p: PodObject): ClusterState {
  return deletePod(state, p);
}

/** getPodsToDelete's order: unscheduled, then not running, then the newest first. */
function deletionOrder(state: ClusterState, a: PodObject, b: PodObject): number {
  const rank = (p: PodObject): number => {
    if (p.node === null) return 0;
    const m = findMachine(state, findNode(state, p.node)?.machine ?? '');
    return m && nodeReady(m, state.now) ? 2 : 1;
  };
  return rank(a) - rank(b) || b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1);
}

/** The coredns ReplicaSet `rs` with `replicas` Pods wanted. */
function scaleReplicaSet(state: ClusterState, rs: ApiObject, want: number): ClusterState {
  const maxSurge = Math.ceil(want / 4);
  const annotations = {
    ...rs.metadata.annotations,
    'deployment.kubernetes.io/desired-replicas': String(want),
    'deployment.kubernetes.io/max-replicas': String(want + maxSurge),
  };
  return putObject(state, 'replicasets.apps', {
    ...rs,
    metadata: { ...rs.metadata, annotations },
    spec: { ...((rs['spec'] ?? {}) as Obj), replicas: want },
  });
}

/** The ReplicaSet's Pods brought to spec.replicas, and its pending Pods scheduled. */
function syncReplicaSet(state: ClusterState, rs: ApiObject): ClusterState {
  const want = replicasOf(rs);
  const pods = activePods(state, rs.metadata.name);
  let s = state;
  if (pods.length > want) {
    const doomed = [...pods]
      .sort((a, b) => deletionOrder(state, a, b))
      .slice(0, pods.length - want);
    for (const p of doomed)
      s = podEvent(deletePod(s, p), rs, 'SuccessfulDelete', `Deleted pod: ${p.name}`);
    return s;
  }
  for (const p of pods.filter((x) => x.node === null)) {
    const node = dnsNode(s);
    if (node !== null) s = bind(s, p, node);
  }
  if (pods.length === want) return s;
  const rng = createRng(s.rng);
  for (let i = pods.length; i < want; i++) {
    const name = freshName(s, rng, 'kube-system', `${rs.metadata.name}-`);
    const pod: PodObject = {
      namespace: 'kube-system',
      name,
      app: 'coredns',
      node: null,
      createdAt: s.now,
    };
    s = podEvent(bind(s, pod, dnsNode(s)), rs, 'SuccessfulCreate', `Created pod: ${name}`);
  }
  return { ...s, rng: rng.state };
}

/** Runs the CoreDNS Deployment and ReplicaSet controllers once; the same state with nothing to do. */
export function reconcileSystemWorkloads(state: ClusterState): ClusterState {
  const found = readStored(state.cluster?.objects, 'deployments.apps', 'kube-system', 'coredns');
  if (!found || (found['simulator'] as { user?: boolean } | undefined)?.user === true) return state;
  // A client changed the pod template (set image, rollout restart, undo): a new ReplicaSet.
  const rolled = rollToTemplate(state, found);
  const d =
    rolled === state
      ? found
      : (readStored(rolled.cluster?.objects, 'deployments.apps', 'kube-system', 'coredns') ??
        found);
  const owned = ownedReplicaSets(rolled, d);
  const rs = owned[0];
  if (!rs) return rolled;
  const want = replicasOf(d);
  const scaled =
    replicasOf(rs) === want
      ? rolled
      : scalingEvent(scaleReplicaSet(rolled, rs, want), d, rs.metadata.name, replicasOf(rs), want);
  const current = scaled === rolled ? rs : (newestReplicaSet(scaled, d) ?? rs);
  // The older ReplicaSets, scaled to 0 by a rollout, lose their Pods.
  let s = scaled;
  for (const old of owned.slice(1))
    if (activePods(s, old.metadata.name).length > replicasOf(old)) s = syncReplicaSet(s, old);
  return syncReplicaSet(s, current);
}

/**
 * The state after the cluster's own Pod `p` was deleted, with its owner's answer: the mirror Pod
 * of a static Pod again (same name, a new uid), a DaemonSet's Pod on the same node under a new
 * name; a ReplicaSet's Pods follow from reconcileSystemWorkloads.
 */
export function replaceDeletedPod(state: ClusterState, p: PodObject): ClusterState {
  const gone = deletePod(state, p);
  if (p.node === null || !findNode(gone, p.node)) return gone;
  if (STATIC.has(p.app)) return putPod(gone, { ...p, createdAt: gone.now });
  if (p.app !== 'kube-proxy' && p.app !== 'kube-flannel') return gone;
  const rng = createRng(gone.rng);
  const prefix = p.app === 'kube-proxy' ? 'kube-proxy-' : 'kube-flannel-ds-';
  const name = freshName(gone, rng, p.namespace, prefix);
  const next = putPod(gone, { ...p, name, createdAt: gone.now });
  const ds = readStored(
    next.cluster?.objects,
    'daemonsets.apps',
    p.namespace,
    p.app === 'kube-proxy' ? 'kube-proxy' : 'kube-flannel-ds',
  );
  const recorded = ds
    ? recordEvent(next, {
        object: ds,
        reason: 'SuccessfulCreate',
        message: `Created pod: ${name}`,
        component: 'daemonset-controller',
      })
    : next;
  return { ...recorded, rng: rng.state };
}

/** The cluster's own Pod `namespace/name`, or undefined (a reader's Pod or none). */
export function systemPod(
  state: ClusterState,
  namespace: string,
  name: string,
): PodObject | undefined {
  return findPod(state, namespace, name);
}
