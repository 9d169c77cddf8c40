/**
 * The controllers of a reader's workloads, run after every command (when the clock moves too):
 * the Deployment controller keeps one ReplicaSet per pod template (named
 * `<deployment>-<pod-template-hash>`, the newest scaled to spec.replicas, older ones to 0), the
 * ReplicaSet controller keeps that many Pods (`<replicaset>-<5 characters>`, deleting the
 * unscheduled and newest first when scaling down), and the scheduler binds pending Pods
 * (controllers/scheduler.ts). Only objects clients created are managed: the cluster's own
 * workloads (CoreDNS, kube-proxy, flannel) follow their compact records. A state with nothing to
 * do is returned unchanged.
 *
 * upstream: pkg/controller/deployment/sync.go (getNewReplicaSet: name, pod-template-hash label,
 * deployment.kubernetes.io/{revision,desired-replicas,max-replicas} annotations),
 * pkg/controller/controller_utils.go (ComputeHash: FNV-32a, rand.SafeEncodeString),
 * pkg/controller/replicaset/replica_set.go (manageReplicas, getPodsToDelete),
 * staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go (alphanums).
 */
import type { ClusterState } from '../model/state.ts';
import { hash64 } from '../etcd/model.ts';
import { readStored, scanStored, writeSequence } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import type { ApiObject, Json, NewObject, OwnerReference } from '../store/types.ts';
import { podAdmissionError } from '../store/pod-admission.ts';
import { putObject, removeObject } from '../store/write.ts';
import { isUserPod, servedUserPod, storedUserPods, userPodSim } from '../workloads/user-pods.ts';
import { rolloutStep } from './deployment-rollout.ts';
import { fenceposts } from './rollout-fenceposts.ts';
import { schedulePods } from './scheduler.ts';
import { recordEvent } from '../objects/controller-events.ts';

type Obj = { readonly [k: string]: Json };

/** rand.SafeEncodeString's alphabet (no vowels, no confusable characters). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** True for an object a client created (kubectl create, apply, a POST). */
export function isUserObject(o: ApiObject): boolean {
  return (o['simulator'] as { user?: boolean } | undefined)?.user === true;
}

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with every object's keys sorted: one text per template, however it was written. */
export function canonical(v: Json | undefined): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as { readonly [k: string]: Json };
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/**
 * The pod-template-hash of a template: SafeEncodeString of its FNV-32a hash in decimal. The
 * real controller hashes the typed template, whose fields have one order; here the JSON is
 * canonical, so a template patched by a client and one set by `kubectl set image` agree.
 */
export function podTemplateHash(template: Json | undefined): string {
  return [...String(fnv32a(canonical(template ?? {})))]
    .map((d) => ALPHANUMS[Number(d.charCodeAt(0)) % ALPHANUMS.length] ?? 'b')
    .join('');
}

function suffix(seed: string): string {
  const h = hash64(`${hash64(seed)}/${seed}`);
  return [...h.slice(3, 8)].map((c) => ALPHANUMS[parseInt(c, 16) % ALPHANUMS.length]).join('');
}

const spec = (o: ApiObject): Obj => (o['spec'] ?? {}) as Obj;
const replicasOf = (o: ApiObject): number => {
  const r = spec(o)['replicas'];
  return typeof r === 'number' ? r : 1;
};
const owner = (o: ApiObject): OwnerReference => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  name: o.metadata.name,
  uid: o.metadata.uid,
  controller: true,
  blockOwnerDeletion: true,
});
const ownedBy = (o: ApiObject, by: ApiObject): boolean =>
  o.metadata.ownerReferences?.some((r) => r.uid === by.metadata.uid) === true;

function withLabel(template: Obj, hash: string): Obj {
  const meta = (template['metadata'] ?? {}) as Obj;
  const labels = { ...((meta['labels'] ?? {}) as Obj), 'pod-template-hash': hash };
  return { ...template, metadata: { ...meta, labels } };
}

/** The Deployment controller's ScalingReplicaSet Event for `rs` going from `from` to `to` Pods. */
export function scalingEvent(
  state: ClusterState,
  d: ApiObject,
  rs: string,
  from: number,
  to: number,
): ClusterState {
  if (from === to) return state;
  return recordEvent(state, {
    object: d,
    reason: 'ScalingReplicaSet',
    message: `Scaled ${to > from ? 'up' : 'down'} replica set ${rs} from ${from} to ${to}`,
    component: 'deployment-controller',
  });
}

/** The live Pods a ReplicaSet owns. */
function ownedPods(state: ClusterState, rs: ApiObject): ApiObject[] {
  return scanStored(state.cluster?.objects, 'pods', rs.metadata.namespace ?? 'default').filter(
    (p) => isUserPod(p) && ownedBy(p, rs) && p.metadata.deletionTimestamp === undefined,
  );
}

/** The ReplicaSet's available Pods: Ready ones (minReadySeconds 0). */
function availablePods(state: ClusterState, rs: ApiObject): number {
  return ownedPods(state, rs).filter((p) =>
    (((servedUserPod(state, p)['status'] ?? {}) as Obj)['conditions'] as Obj[] | undefined)?.some(
      (c) => c['type'] === 'Ready' && c['status'] === 'True',
    ),
  ).length;
}

/**
 * Deployment → ReplicaSets: the current template's ReplicaSet created or found, then one
 * rollout step (controllers/deployment-rollout.ts) scales it or the older ones.
 */
function syncDeployment(state: ClusterState, d: ApiObject): ClusterState {
  const ns = d.metadata.namespace ?? 'default';
  const template = spec(d)['template'] as Obj | undefined;
  const hash = podTemplateHash(template);
  const name = `${d.metadata.name}-${hash}`;
  const owned = scanStored(state.cluster?.objects, 'replicasets.apps', ns).filter((rs) =>
    ownedBy(rs, d),
  );
  const want = replicasOf(d);
  let s = state;
  const current = owned.find((rs) => rs.metadata.name === name);
  // A paused Deployment creates no ReplicaSet for a changed template; scaling still reaches the
  // active one (sync.go sync: getAllReplicaSetsAndSyncRevision without creating, then scale;
  // FindActiveOrLatest).
  if (spec(d)['paused'] === true && !current) {
    const active =
      owned.find((rs) => replicasOf(rs) > 0) ??
      [...owned].sort(
        (a, b) =>
          Number(b.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0) -
          Number(a.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0),
      )[0];
    if (!active || replicasOf(active) === want) return s;
    s = putObject(s, 'replicasets.apps', { ...active, spec: { ...spec(active), replicas: want } });
    return scalingEvent(s, d, active.metadata.name, replicasOf(active), want);
  }
  const revisions = owned.map((rs) =>
    Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0),
  );
  // The ReplicaSet of the current template carries the newest revision; one brought back by a
  // rollback takes the next revision number (sync.go getNewReplicaSet).
  const own = Number(current?.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  const others = Math.max(0, ...revisions.filter((_, i) => owned[i] !== current));
  const revision = current && own > others ? String(own) : String(Math.max(0, ...revisions) + 1);
  const annotations = (rs: ApiObject | undefined) => ({
    'deployment.kubernetes.io/desired-replicas': String(want),
    'deployment.kubernetes.io/max-replicas': String(want + fenceposts(d).surge),
    'deployment.kubernetes.io/revision':
      rs === current
        ? revision
        : (rs?.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? revision),
  });
  const old = owned.filter((rs) => rs !== current);
  const step = rolloutStep({
    deployment: d,
    newRS: current,
    oldRSs: old,
    available: (rs) => availablePods(s, rs),
    oldPods: old.reduce((n, rs) => n + ownedPods(s, rs).length, 0),
  });
  if (step.create !== undefined) {
    const selector = (spec(d)['selector'] ?? {}) as Obj;
    const matchLabels = { ...((selector['matchLabels'] ?? {}) as Obj), 'pod-template-hash': hash };
    const labeled = withLabel(template ?? {}, hash);
    const rs: NewObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: ns,
        labels: ((labeled['metadata'] as Obj)['labels'] ?? {}) as Record<string, string>,
        annotations: annotations(undefined),
        ownerReferences: [owner(d)],
      },
      spec: { replicas: step.create, selector: { ...selector, matchLabels }, template: labeled },
      simulator: { user: true },
    };
    s = putObject(s, 'replicasets.apps', rs);
    s = scalingEvent(s, d, name, 0, step.create);
  } else if (
    current &&
    (current.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'] !== String(want) ||
      current.metadata.annotations?.['deployment.kubernetes.io/revision'] !== revision) &&
    !step.scale.some(([rs]) => rs === current)
  )
    s = putObject(s, 'replicasets.apps', {
      ...current,
      metadata: {
        ...current.metadata,
        annotations: { ...current.metadata.annotations, ...annotations(current) },
      },
    });
  // scaleReplicaSet: the new count with the Deployment's replicas annotations.
  for (const [rs, count] of step.scale) {
    s = putObject(s, 'replicasets.apps', {
      ...rs,
      metadata: {
        ...rs.metadata,
        annotations: { ...rs.metadata.annotations, ...annotations(rs) },
      },
      spec: { ...spec(rs), replicas: count },
    });
    s = scalingEvent(s, d, rs.metadata.name, replicasOf(rs), count);
  }
  if (d.metadata.annotations?.['deployment.kubernetes.io/revision'] !== revision)
    s = putObject(s, 'deployments.apps', {
      ...d,
      metadata: {
        ...d.metadata,
        annotations: { ...d.metadata.annotations, 'deployment.kubernetes.io/revision': revision },
      },
    });
  return s;
}

/** The Pod a ReplicaSet (or a DaemonSet: controllers/daemonsets.ts) creates from its template. */
export function newPod(state: ClusterState, rs: ApiObject, seed: number): NewObject {
  const template = (spec(rs)['template'] ?? {}) as Obj;
  const meta = (template['metadata'] ?? {}) as Obj;
  const podSpec = (template['spec'] ?? {}) as Obj;
  let name = '';
  for (
    let i = seed;
    name === '' ||
    readStored(state.cluster?.objects, 'pods', rs.metadata.namespace ?? 'default', name);
    i++
  )
    name = `${rs.metadata.name}-${suffix(`${rs.metadata.uid}/${i}`)}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace ?? 'default',
      labels: (meta['labels'] ?? {}) as Record<string, string>,
      ...(meta['annotations'] !== undefined
        ? { annotations: meta['annotations'] as Record<string, string> }
        : {}),
      ownerReferences: [owner(rs)],
    },
    // GetPodFromTemplate copies the template's spec; the API server's defaults and admission
    // chain (store/pod-defaults.ts, store/pod-admission.ts) add the rest when it is created.
    spec: podSpec,
    simulator: { user: true, createdAt: state.now },
  };
}

/** The ReplicaSet controller's Event about one of its Pods (controller_utils.go). */
export function podEvent(
  state: ClusterState,
  rs: ApiObject,
  reason: 'SuccessfulCreate' | 'SuccessfulDelete',
  message: string,
): ClusterState {
  return recordEvent(state, { object: rs, reason, message, component: 'replicaset-controller' });
}

/**
 * The ReplicaSet controller's Warning FailedCreate about a Pod admission refused. Recorded once
 * per refusal: the real controller retries with a backoff and its recorder counts the repeats
 * (`x4 over 2m`), which the simulator does not model.
 */
function failedCreate(state: ClusterState, rs: ApiObject, refused: string): ClusterState {
  const message = `Error creating: ${refused}`;
  const ns = rs.metadata.namespace ?? 'default';
  const known = scanStored(state.cluster?.objects, 'events', ns).some(
    (e) =>
      e['reason'] === 'FailedCreate' &&
      e['message'] === message &&
      (e['involvedObject'] as Obj | undefined)?.['uid'] === rs.metadata.uid,
  );
  if (known) return state;
  return recordEvent(state, {
    object: rs,
    reason: 'FailedCreate',
    message,
    component: 'replicaset-controller',
    type: 'Warning',
  });
}

/** ReplicaSet → Pods: creates or deletes Pods until spec.replicas of them exist. */
function syncReplicaSet(state: ClusterState, rs: ApiObject): ClusterState {
  const ns = rs.metadata.namespace ?? 'default';
  const pods = scanStored(state.cluster?.objects, 'pods', ns).filter(
    (p) => isUserPod(p) && ownedBy(p, rs) && p.metadata.deletionTimestamp === undefined,
  );
  const want = replicasOf(rs);
  let s = state;
  // The seed takes the store's revision, which only grows: a replacement never gets the name
  // (and so the identity) of a Pod deleted before it, as the real random suffix never does.
  for (let i = pods.length; i < want; i++) {
    const pod = newPod(s, rs, i + writeSequence(s.cluster?.objects));
    // The admission chain may refuse it: controller_utils.go CreatePods records FailedCreate
    // ("Error creating: %v") and the ReplicaSet creates no more this round.
    // Admission sees the Pod before its name is generated from generateName.
    const refused = podAdmissionError(s.cluster?.objects, {
      ...pod,
      metadata: { ...pod.metadata, name: '' },
    });
    if (refused !== null) return failedCreate(s, rs, refused);
    s = podEvent(
      putObject(s, 'pods', pod),
      rs,
      'SuccessfulCreate',
      `Created pod: ${pod.metadata.name}`,
    );
  }
  if (pods.length > want) {
    // getPodsToDelete: unscheduled before scheduled, then the newest first.
    const ranked = [...pods].sort((a, b) => {
      const sa = (a['spec'] as Obj)['nodeName'] === undefined ? 0 : 1;
      const sb = (b['spec'] as Obj)['nodeName'] === undefined ? 0 : 1;
      if (sa !== sb) return sa - sb;
      // Same creation time (the clock did not move): the later write is the newer Pod.
      const age = userPodSim(b).createdAt - userPodSim(a).createdAt;
      return age !== 0
        ? age
        : Number(b.metadata.resourceVersion) - Number(a.metadata.resourceVersion);
    });
    for (const p of ranked.slice(0, pods.length - want)) {
      s = removeObject(s, 'pods', ns, p.metadata.name);
      s = podEvent(s, rs, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
    }
  }
  return s;
}

/** Pods whose ReplicaSet is gone (garbage collection by ownerReferences). */
/** True when `o`'s controller owner (of `kind`, stored under `resource`) no longer exists. */
function ownerGone(state: ClusterState, o: ApiObject, kind: string, resource: string): boolean {
  const ref = o.metadata.ownerReferences?.[0];
  if (ref?.kind !== kind) return false;
  const owner = readStored(
    state.cluster?.objects,
    resource,
    o.metadata.namespace ?? 'default',
    ref.name,
  );
  return !owner || owner.metadata.uid !== ref.uid;
}

function collectOrphans(state: ClusterState): ClusterState {
  let s = state;
  for (const rs of scanStored(s.cluster?.objects, 'replicasets.apps').filter(isUserObject))
    if (ownerGone(s, rs, 'Deployment', 'deployments.apps'))
      s = removeObject(s, 'replicasets.apps', rs.metadata.namespace ?? 'default', rs.metadata.name);
  for (const p of storedUserPods(s, null))
    if (
      ownerGone(s, p, 'ReplicaSet', 'replicasets.apps') ||
      ownerGone(s, p, 'DaemonSet', 'daemonsets.apps')
    )
      s = removeObject(s, 'pods', p.metadata.namespace ?? 'default', p.metadata.name);
  return s;
}

/** Runs the workload controllers once; the same state when there is nothing to do. */
export function reconcileWorkloads(state: ClusterState): ClusterState {
  const store = state.cluster?.objects;
  if (!store) return state;
  // Indexed, so a cluster without client workloads costs three lookups per command.
  const none = (index: string): boolean => indexedKeys(store.indexes, index, 'user').length === 0;
  if (none('deployments.apps/user') && none('replicasets.apps/user') && none('pods/user'))
    return state;
  // Each pass is one sync of every controller; a rollout takes as many passes as its steps
  // (the simulated Pods are ready as soon as they are bound), until a pass changes nothing.
  let s = state;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = s.cluster?.objects?.rv;
    for (const d of scanStored(s.cluster?.objects, 'deployments.apps').filter(isUserObject))
      s = syncDeployment(s, d);
    s = collectOrphans(s);
    for (const rs of scanStored(s.cluster?.objects, 'replicasets.apps').filter(isUserObject))
      s = syncReplicaSet(s, rs);
    s = schedulePods(s);
    if (s.cluster?.objects?.rv === before) break;
  }
  return s;
}

/** Enough passes for a rollout of a few hundred replicas at the default 25% surge. */
const MAX_PASSES = 64;
