/**
 * Saved states from older versions of the engine keep loading: `migrateState` brings a parsed
 * ClusterState of any earlier shape to the current one, or refuses it with EngineError
 * InvalidState (never a crash later, in the middle of a command).
 *
 * Shape changes so far (each detected by shape, so a migration is idempotent):
 * - `machines` was a plain record `{ name: Machine }`; it is a KeyedMap (src/model/keyed-map.ts)
 *   since the 5,000-node work, so one machine's update copies one bucket, not every machine.
 * - the API object store (`cluster.objects`, src/store) did not exist: the objects the cluster
 *   would hold (what kubeadm init, its add-ons and flannel create) are created, dated from when
 *   the cluster started.
 * - Nodes and Pods were compact records in `cluster.nodes` and `cluster.pods`; they are objects
 *   of the store (resources `nodes` and `pods`, state/nodes.ts and state/pods.ts) since the
 *   store became the one storage path.
 * - the store's `pods/replicaset` index (store/indexes.ts) did not exist: it is built from the
 *   stored Pods, so the ReplicaSet controller of CoreDNS counts the Pods it already has.
 * - Leases were computed when read, with a resourceVersion hashed from their name; they are
 *   stored objects (objects/leases.ts) renewed in rounds of the global resourceVersion
 *   (`objects.renewals`, objects/lease-renewals.ts) since: a state saved without the rounds gets
 *   the Leases its nodes' components created, dated from each node's registration, and one
 *   round now.
 * - ConfigMaps, bootstrap-token Secrets and `default` ServiceAccounts were computed when read,
 *   with hashed resourceVersions; their writers store them since (controllers/publishers.ts,
 *   `objects.published`): a state saved without that record gets them written now.
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { storeLegacyRecords } from './legacy-records.ts';
import { podList } from './pods.ts';
import { nodeList } from './nodes.ts';
import { createNodeLeases } from '../objects/leases.ts';
import { renewalRound } from '../controllers/lease-holders.ts';
import { publishObjects } from '../controllers/publishers.ts';
import { isKeyedMap, keyedFromRecord } from '../model/keyed-map.ts';
import { EngineError } from '../errors.ts';
import { clusterStart } from '../objects/legacy-meta.ts';
import {
  storeBootstrapTokenRbac,
  storeControlPlaneObjects,
  storeMissingBootstrapPolicy,
  storeCoreDns,
  storeKubeProxy,
  storeUploadConfigRbac,
} from '../kubeadm/api-objects/store-init.ts';
import { storeFlannelObjects } from '../kubectl/flannel-objects.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import { rebuildIndex } from '../store/indexes.ts';
import { allocateSavedNodeCidrs } from '../controllers/node-ipam.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when every value looks like a machine (named, with files), as a saved state has it. */
function machineRecord(v: Record<string, unknown>): v is Record<string, Machine> {
  return Object.entries(v).every(
    ([name, m]) => isRecord(m) && m['name'] === name && isRecord(m['files']),
  );
}

function bad(reason: string): never {
  throw new EngineError('InvalidState', { reason });
}

/** Checks the cluster part of a state: null, or the records every transition relies on. */
function checkCluster(c: unknown): void {
  if (c === null || c === undefined) return;
  if (!isRecord(c)) bad('the cluster is not an object');
  // Before the store held them, Nodes and Pods were records of their own.
  for (const k of ['nodes', 'pods'])
    if (c[k] !== undefined && !isRecord(c[k])) bad(`the cluster has no ${k}`);
  if (!Array.isArray(c['tokens'])) bad('the cluster has no tokens');
  // Before the store held them, namespaces were a list of names.
  if (c['namespaces'] !== undefined && !Array.isArray(c['namespaces']))
    bad('the cluster has no namespaces');
  if (c['objects'] !== undefined && !isRecord(c['objects']))
    bad('the object store is not an object');
}

/**
 * The state with the store's `pods/replicaset`, `pods/pending` and `pods/terminating` indexes, each built once for a
 * state saved without it.
 */
function withPodIndexes(state: ClusterState): ClusterState {
  const c = state.cluster;
  const objects = c?.objects;
  if (!c || !objects) return state;
  let indexes = objects.indexes;
  for (const name of ['pods/replicaset', 'pods/pending', 'pods/terminating'])
    if (indexes?.[name] === undefined)
      indexes = rebuildIndex(indexes, name, scanStored(objects, 'pods'));
  if (indexes === objects.indexes) return state;
  return { ...state, cluster: { ...c, objects: { ...objects, ...(indexes ? { indexes } : {}) } } };
}

/** The objects a cluster saved before the store existed holds, created at its start. */
function backfill(raw: ClusterState): ClusterState {
  const s = withSavedLeases(withPodIndexes(backfillObjects(raw)));
  return publishObjects(s, s);
}

/**
 * The Leases of a cluster saved before they were stored: each node's components create theirs
 * in registration order (the first control plane takes the leader-election Leases), then every
 * holder renews them now.
 */
function withSavedLeases(state: ClusterState): ClusterState {
  const objects = state.cluster?.objects;
  if (!objects || objects.renewals) return state;
  const nodes = [...nodeList(state)].sort((a, b) => a.createdAt - b.createdAt);
  const created = nodes.reduce(
    (s, n) => createNodeLeases(s, n, n.controlPlane, n.createdAt),
    state,
  );
  return renewalRound(created);
}

function backfillObjects(raw: ClusterState): ClusterState {
  const hadStore = raw.cluster?.objects !== undefined;
  const state = storeLegacyRecords(raw);
  const c = state.cluster;
  if (!c) return state;
  // Saved before the store kept the whole bootstrap policy (the controller roles came with it).
  if (hadStore)
    return readStored(
      c.objects,
      'clusterroles.rbac.authorization.k8s.io',
      null,
      'system:controller:attachdetach-controller',
    )
      ? state
      : storeMissingBootstrapPolicy(state, clusterStart(state));
  const t = clusterStart(state);
  let s = storeControlPlaneObjects(state, t);
  s = storeUploadConfigRbac(s, t, 'kubeadm');
  s = storeUploadConfigRbac(s, t, 'kubelet');
  s = storeBootstrapTokenRbac(s, t);
  const pods = podList(state);
  const dns = pods.find((p) => p.app === 'coredns');
  if (dns) s = storeCoreDns(s, t, dns.name.split('-')[1] ?? '');
  if (pods.some((p) => p.app === 'kube-proxy')) s = storeKubeProxy(s, t);
  if (c.cni === 'flannel') {
    const since = Math.min(
      ...pods.filter((p) => p.app === 'kube-flannel').map((p) => p.createdAt),
      state.now,
    );
    s = storeFlannelObjects(s, since);
  }
  return s;
}

/**
 * The state in the current shape. Takes a freshly parsed object (it is not copied).
 * @throws EngineError InvalidState when it is not a ClusterState of any known shape
 */
export function migrateState(raw: unknown): ClusterState {
  if (!isRecord(raw)) bad('the state is not an object');
  if (typeof raw['now'] !== 'number' || typeof raw['rng'] !== 'number')
    bad('the state has no clock or random seed');
  checkCluster(raw['cluster']);
  const machines = raw['machines'];
  // Nodes saved before they kept their podCIDR get the subnet they showed (name order).
  if (isKeyedMap(machines)) return allocateSavedNodeCidrs(backfill(raw as unknown as ClusterState));
  if (isRecord(machines) && machineRecord(machines))
    return allocateSavedNodeCidrs(
      backfill({ ...(raw as unknown as ClusterState), machines: keyedFromRecord(machines) }),
    );
  return bad('the state has no readable machines');
}
