/**
 * The StatefulSet controller for a reader's StatefulSets (`kubectl apply -f` of a StatefulSet),
 * run after every command: one ControllerRevision per pod template (`<set>-<hash>`), Pods named
 * `<set>-<ordinal>` with the set's identity (hostname, subdomain = serviceName, the
 * `statefulset.kubernetes.io/pod-name` label, `apps.kubernetes.io/pod-index` since v1.28, the
 * `controller-revision-hash` label) and one PersistentVolumeClaim per volumeClaimTemplate and
 * ordinal (`<template>-<set>-<ordinal>`, labelled with the selector's matchLabels, created before
 * its Pod and kept when the Pod goes: whenScaled Retain). OrderedReady creates ordinal 0 first and
 * the next only once every lower one is Running and Ready, and scales down from the highest
 * ordinal, one Pod at a time, each gone before the next is deleted; Parallel creates and deletes
 * them all at once. A RollingUpdate replaces the Pods of an older revision from the highest
 * ordinal down to the partition, one at a time. Status as updateStatus computes it.
 *
 * upstream (v1.33): pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet,
 * processReplica, processCondemned, updateStatefulSetStatus, completeRollingUpdate),
 * stateful_set_utils.go (getPodName, getPersistentVolumeClaimName, getPersistentVolumeClaims,
 * initIdentity/updateIdentity, newVersionedStatefulSetPod, isRunningAndReady),
 * stateful_pod_control.go (recordPodEvent "%s Pod %s in StatefulSet %s successful",
 * recordClaimEvent "%s Claim %s Pod %s in StatefulSet %s success"), pkg/controller/history
 * (ControllerRevision), KEP-4017 (pod-index label, beta and on in v1.28).
 */
import type { ClusterState } from '../model/state.ts';
import { parseTime } from '../clock.ts';
import { recordEvent } from '../objects/controller-events.ts';
import { readByKey, readStored, scanStored } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import { podAdmissionError } from '../store/pod-admission.ts';
import type { ApiObject, Json, NewObject, OwnerReference } from '../store/types.ts';
import { putObject } from '../store/write.ts';
import { servedUserPod } from '../workloads/user-pods.ts';
import { deletePod } from '../workloads/pod-deletion.ts';
import { minorOf } from '../apiserver/served-versions.ts';
import { isUserObject, podTemplateHash } from './workloads.ts';
import { schedulePods } from './scheduler.ts';

type Obj = { readonly [k: string]: Json };

const CONTROLLER = 'statefulset-controller';
const specOf = (o: ApiObject): Obj => (o['spec'] ?? {}) as Obj;
const numAt = (o: Obj, k: string, d: number): number => (typeof o[k] === 'number' ? o[k] : d);
const strAt = (o: Obj, k: string): string => (typeof o[k] === 'string' ? o[k] : '');

const owner = (set: ApiObject): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  name: set.metadata.name,
  uid: set.metadata.uid,
  controller: true,
  blockOwnerDeletion: true,
});

/** The ordinal of a Pod named `<set>-<n>`, or -1 (getParentNameAndOrdinal). */
export function podOrdinal(set: string, pod: string): number {
  const m = /^(.*)-([0-9]+)$/.exec(pod);
  return m && m[1] === set ? Number(m[2]) : -1;
}

/** The set's revision name for its current template (ControllerRevisionName). */
function revisionName(set: ApiObject): string {
  const template = specOf(set)['template'];
  return `${set.metadata.name}-${podTemplateHash(template).slice(0, 10)}`;
}

/** The set's Pods (owned by it, named after it), by ordinal. */
function ownedPods(state: ClusterState, set: ApiObject): Map<number, ApiObject> {
  const out = new Map<number, ApiObject>();
  for (const p of scanStored(state.cluster?.objects, 'pods', set.metadata.namespace ?? 'default')) {
    if (p.metadata.ownerReferences?.some((r) => r.uid === set.metadata.uid) !== true) continue;
    const n = podOrdinal(set.metadata.name, p.metadata.name);
    if (n >= 0) out.set(n, p);
  }
  return out;
}

/**
 * isRunningAndReady (phase Running, Ready True) and isRunningAndAvailable (Ready for at least
 * the set's minReadySeconds).
 */
function readiness(
  state: ClusterState,
  set: ApiObject,
  pod: ApiObject,
): { ready: boolean; available: boolean } {
  const status = (servedUserPod(state, pod)['status'] ?? {}) as Obj;
  const conditions = (status['conditions'] ?? []) as readonly Obj[];
  const cond = conditions.find((c) => c['type'] === 'Ready' && c['status'] === 'True');
  const ready = status['phase'] === 'Running' && cond !== undefined;
  const since = typeof cond?.['lastTransitionTime'] === 'string' ? cond['lastTransitionTime'] : '';
  const min = numAt(specOf(set), 'minReadySeconds', 0) * 1000;
  const available = ready && (min === 0 || (since !== '' && parseTime(since) + min <= state.now));
  return { ready, available };
}

function event(state: ClusterState, set: ApiObject, reason: string, message: string, warn = false) {
  return recordEvent(state, {
    object: set,
    reason,
    message,
    component: CONTROLLER,
    ...(warn ? { type: 'Warning' as const } : {}),
  });
}

/** The ControllerRevision of the current template, created when missing (history.go). */
function ensureRevision(state: ClusterState, set: ApiObject, name: string): ClusterState {
  const ns = set.metadata.namespace ?? 'default';
  if (readStored(state.cluster?.objects, 'controllerrevisions.apps', ns, name)) return state;
  const known = scanStored(state.cluster?.objects, 'controllerrevisions.apps', ns).filter(
    (r) => r.metadata.ownerReferences?.some((o) => o.uid === set.metadata.uid) === true,
  );
  const revision = Math.max(0, ...known.map((r) => numAt(r as unknown as Obj, 'revision', 0))) + 1;
  const selector = ((specOf(set)['selector'] ?? {}) as Obj)['matchLabels'] ?? {};
  const template = (specOf(set)['template'] ?? {}) as Obj;
  const revisionObject: NewObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: ns,
      labels: {
        ...(selector as Record<string, string>),
        'controller.kubernetes.io/hash': name.slice(set.metadata.name.length + 1),
      },
      ownerReferences: [owner(set)],
    },
    data: { spec: { template: { ...template, $patch: 'replace' } } },
    revision,
  };
  return putObject(state, 'controllerrevisions.apps', revisionObject);
}

/** getPersistentVolumeClaims: the claims of ordinal `n`, named `<template>-<set>-<n>`. */
function claimsFor(set: ApiObject, n: number): NewObject[] {
  const templates = (specOf(set)['volumeClaimTemplates'] ?? []) as readonly Obj[];
  const selector = (((specOf(set)['selector'] ?? {}) as Obj)['matchLabels'] ?? {}) as Record<
    string,
    string
  >;
  return templates.map((t) => {
    const meta = (t['metadata'] ?? {}) as Obj;
    const labels = { ...((meta['labels'] ?? {}) as Record<string, string>), ...selector };
    const { creationTimestamp: _none, ...rest } = meta as Record<string, Json>;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...rest,
        name: `${strAt(meta, 'name')}-${set.metadata.name}-${n}`,
        namespace: set.metadata.namespace ?? 'default',
        labels,
        // The StorageObjectInUseProtection admission plugin adds the finalizer.
        finalizers: ['kubernetes.io/pvc-protection'],
      },
      spec: (t['spec'] ?? {}) as Obj,
    };
  });
}

/** newVersionedStatefulSetPod: the template with the set's identity and storage for ordinal n. */
function newSetPod(state: ClusterState, set: ApiObject, n: number, revision: string): NewObject {
  const template = (specOf(set)['template'] ?? {}) as Obj;
  const meta = (template['metadata'] ?? {}) as Obj;
  const spec = (template['spec'] ?? {}) as Obj;
  const name = `${set.metadata.name}-${n}`;
  const claims = ((specOf(set)['volumeClaimTemplates'] ?? []) as readonly Obj[]).map((t) =>
    strAt((t['metadata'] ?? {}) as Obj, 'name'),
  );
  const own = ((spec['volumes'] ?? []) as readonly Obj[]).filter(
    (v) => !claims.includes(strAt(v, 'name')),
  );
  const volumes = [
    ...claims.map((c) => ({
      name: c,
      persistentVolumeClaim: { claimName: `${c}-${set.metadata.name}-${n}` },
    })),
    ...own,
  ];
  // kube-controller-manager runs the cluster's version (PodIndexLabel on since v1.28).
  const minor = minorOf(state.cluster?.version ?? 'v0.0.0');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace ?? 'default',
      labels: {
        ...((meta['labels'] ?? {}) as Record<string, string>),
        ...(minor >= 28 ? { 'apps.kubernetes.io/pod-index': String(n) } : {}),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': name,
      },
      ...(meta['annotations'] !== undefined
        ? { annotations: meta['annotations'] as Record<string, string> }
        : {}),
      ownerReferences: [owner(set)],
    },
    spec: {
      ...spec,
      hostname: name,
      ...(typeof specOf(set)['serviceName'] === 'string' && specOf(set)['serviceName'] !== ''
        ? { subdomain: specOf(set)['serviceName'] }
        : {}),
      ...(volumes.length > 0 ? { volumes } : {}),
    },
    simulator: { user: true, createdAt: state.now },
  };
}

/** Creates the missing claims, then the Pod of ordinal n, with their Events. */
function createReplica(
  state: ClusterState,
  set: ApiObject,
  n: number,
  revision: string,
): ClusterState {
  const ns = set.metadata.namespace ?? 'default';
  const pod = newSetPod(state, set, n, revision);
  let s = state;
  for (const claim of claimsFor(set, n)) {
    if (readStored(s.cluster?.objects, 'persistentvolumeclaims', ns, claim.metadata.name)) continue;
    s = event(
      putObject(s, 'persistentvolumeclaims', claim),
      set,
      'SuccessfulCreate',
      `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`,
    );
  }
  const refused = podAdmissionError(s.cluster?.objects, pod);
  if (refused !== null)
    return event(
      s,
      set,
      'FailedCreate',
      `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${refused}`,
      true,
    );
  return event(
    putObject(s, 'pods', pod),
    set,
    'SuccessfulCreate',
    `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
  );
}

/** Deletes the Pod (gracefully), with the set's Event. */
function deleteReplica(state: ClusterState, set: ApiObject, pod: ApiObject): ClusterState {
  const deleted = deletePod(state, pod.metadata.namespace ?? 'default', pod.metadata.name);
  if (!deleted) return state;
  return event(
    deleted.state,
    set,
    'SuccessfulDelete',
    `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
  );
}

/** One sync of one set (updateStatefulSet): at most one step in OrderedReady. */
function syncOnce(state: ClusterState, set: ApiObject): ClusterState {
  const spec = specOf(set);
  const replicas = numAt(spec, 'replicas', 1);
  const parallel = spec['podManagementPolicy'] === 'Parallel';
  const revision = revisionName(set);
  let s = ensureRevision(state, set, revision);
  const pods = ownedPods(s, set);
  for (let n = 0; n < replicas; n++) {
    const pod = pods.get(n);
    if (!pod) {
      s = createReplica(s, set, n, revision);
      if (!parallel) return s;
      continue;
    }
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    if (!parallel && (terminating || !readiness(s, set, pod).available)) return s;
  }
  // processCondemned: the ordinals past replicas, highest first.
  const condemned = [...pods.keys()].filter((n) => n >= replicas).sort((a, b) => b - a);
  for (const n of condemned) {
    const pod = pods.get(n);
    if (!pod) continue;
    if (pod.metadata.deletionTimestamp !== undefined) {
      if (!parallel) return s;
      continue;
    }
    s = deleteReplica(s, set, pod);
    if (!parallel) return s;
  }
  if (condemned.length > 0) return s;
  // RollingUpdate: the highest ordinal of an older revision at or above the partition goes.
  const strategy = (spec['updateStrategy'] ?? {}) as Obj;
  if (strategy['type'] !== 'RollingUpdate') return s;
  const partition = numAt((strategy['rollingUpdate'] ?? {}) as Obj, 'partition', 0);
  for (let n = replicas - 1; n >= partition; n--) {
    const pod = pods.get(n);
    if (!pod || pod.metadata.labels?.['controller-revision-hash'] === revision) continue;
    if (pod.metadata.deletionTimestamp !== undefined) return s;
    return deleteReplica(s, set, pod);
  }
  return s;
}

/** updateStatefulSetStatus: the counts over the set's Pods, written when they changed. */
function writeStatus(state: ClusterState, set: ApiObject): ClusterState {
  const revision = revisionName(set);
  const previous = (set['status'] ?? {}) as Obj;
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  const currentRevision =
    typeof previous['currentRevision'] === 'string' ? previous['currentRevision'] : revision;
  for (const pod of ownedPods(state, set).values()) {
    replicas++;
    const r = readiness(state, set, pod);
    if (r.ready) ready++;
    if (r.available) available++;
    if (pod.metadata.deletionTimestamp !== undefined) continue;
    const hash = pod.metadata.labels?.['controller-revision-hash'];
    if (hash === currentRevision) current++;
    if (hash === revision) updated++;
  }
  // completeRollingUpdate: every Pod updated and ready.
  const done = updated === replicas && ready === replicas;
  const status: Obj = {
    availableReplicas: available,
    collisionCount: 0,
    ...(done ? { currentReplicas: updated } : current > 0 ? { currentReplicas: current } : {}),
    currentRevision: done ? revision : currentRevision,
    observedGeneration: set.metadata.generation ?? 1,
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    replicas,
    updateRevision: revision,
    ...(updated > 0 ? { updatedReplicas: updated } : {}),
  };
  if (JSON.stringify(status) === JSON.stringify(previous)) return state;
  return putObject(state, 'statefulsets.apps', { ...set, status });
}

/** Runs the StatefulSet controller over the reader's StatefulSets; unchanged when there are none. */
export function reconcileStatefulSets(state: ClusterState): ClusterState {
  const keys = indexedKeys(state.cluster?.objects?.indexes, 'statefulsets.apps/user', 'user');
  if (keys.length === 0) return state;
  let s = state;
  for (const k of keys) {
    // The simulated Pods are Running and Ready once bound: an OrderedReady set takes one step
    // per sync until a sync changes nothing (a Pod that cannot be scheduled stops it).
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const set = readByKey(s.cluster?.objects, 'statefulsets.apps', k);
      if (!set || !isUserObject(set)) break;
      const before = s.cluster?.objects?.rv;
      s = schedulePods(syncOnce(s, set));
      if (s.cluster?.objects?.rv === before) break;
    }
    const set = readByKey(s.cluster?.objects, 'statefulsets.apps', k);
    if (set && isUserObject(set)) s = writeStatus(s, set);
  }
  return s;
}

/** Enough syncs for a few hundred ordinals. */
const MAX_PASSES = 512;
