/**
 * The Deployment controller's answer to a client changing the coredns Deployment's pod template
 * (`kubectl set image deployment/coredns -n kube-system coredns=…`, `kubectl rollout restart`,
 * `kubectl rollout undo`, `kubectl edit`/`apply`): like a reader's Deployment
 * (controllers/workloads.ts syncDeployment), the template's ReplicaSet `coredns-<hash>` (an
 * existing one when the template comes back, as after an undo) takes the Deployment's replicas
 * and the next revision, and every other ReplicaSet of the Deployment is scaled to 0; the
 * ReplicaSet controller (controllers/system-workloads.ts) then creates and deletes the Pods.
 *
 * upstream (kubernetes commit 003e8629): pkg/controller/deployment/sync.go (getNewReplicaSet:
 * revision = max old + 1, pod-template-hash label on the template and the selector,
 * desired-replicas and max-replicas annotations), pkg/controller/deployment/rolling.go
 * (reconcileOldReplicaSets scales the old ones down), pkg/controller/controller_utils.go
 * (ComputeHash).
 */
import type { ClusterState } from '../model/state.ts';
import { scanStored } from '../store/buckets.ts';
import type { ApiObject, Json, NewObject } from '../store/types.ts';
import { putObject } from '../store/write.ts';
import { canonical, podTemplateHash, scalingEvent } from './workloads.ts';

type Obj = { readonly [k: string]: Json };

const HASH = 'pod-template-hash';
const REVISION = 'deployment.kubernetes.io/revision';

const specOf = (o: ApiObject): Obj => (o['spec'] ?? {}) as Obj;
const replicasOf = (o: ApiObject): number => {
  const r = specOf(o)['replicas'];
  return typeof r === 'number' ? r : 1;
};
const revisionOf = (o: ApiObject): number => Number(o.metadata.annotations?.[REVISION] ?? 0);

const keys = new WeakMap<object, string>();

/**
 * The canonical JSON of a template without its pod-template-hash label (EqualIgnoreHash), kept
 * per template object: stored objects never change in place, so each is serialised once, not at
 * every command.
 */
function templateKey(template: Obj): string {
  const hit = keys.get(template);
  if (hit !== undefined) return hit;
  const key = canonical(withoutHash(template));
  keys.set(template, key);
  return key;
}

/** A template without the pod-template-hash label (EqualIgnoreHash). */
function withoutHash(template: Obj): Obj {
  const meta = (template['metadata'] ?? {}) as Obj;
  const { [HASH]: _hash, ...labels } = (meta['labels'] ?? {}) as Obj;
  return { ...template, metadata: { ...meta, labels } };
}

/** The template with the pod-template-hash label `hash`. */
function withHash(template: Obj, hash: string): Obj {
  const meta = (template['metadata'] ?? {}) as Obj;
  return {
    ...template,
    metadata: { ...meta, labels: { ...((meta['labels'] ?? {}) as Obj), [HASH]: hash } },
  };
}

/** The ReplicaSets the Deployment `d` owns, newest revision first. */
export function ownedReplicaSets(state: ClusterState, d: ApiObject): ApiObject[] {
  return scanStored(state.cluster?.objects, 'replicasets.apps', d.metadata.namespace ?? '')
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid) === true)
    .sort((a, b) => revisionOf(b) - revisionOf(a));
}

/** The annotations sync.go keeps on the new ReplicaSet. */
function rsAnnotations(rs: ApiObject | undefined, want: number, revision: number) {
  return {
    ...rs?.metadata.annotations,
    'deployment.kubernetes.io/desired-replicas': String(want),
    'deployment.kubernetes.io/max-replicas': String(want + Math.ceil(want / 4)),
    [REVISION]: String(revision),
  };
}

/** A new ReplicaSet for `template`, shaped like `like` (the Deployment's current one). */
function newReplicaSet(
  like: ApiObject,
  template: Obj,
  hash: string,
  want: number,
  revision: number,
): NewObject {
  const selector = (specOf(like)['selector'] ?? {}) as Obj;
  const matchLabels = { ...((selector['matchLabels'] ?? {}) as Obj), [HASH]: hash };
  return {
    apiVersion: like.apiVersion,
    kind: like.kind,
    metadata: {
      name: `${like.metadata.name.replace(/-[^-]*$/, '')}-${hash}`,
      namespace: like.metadata.namespace ?? 'kube-system',
      labels: { ...like.metadata.labels, [HASH]: hash },
      annotations: rsAnnotations(like, want, revision),
      ...(like.metadata.ownerReferences ? { ownerReferences: like.metadata.ownerReferences } : {}),
    },
    spec: {
      ...specOf(like),
      replicas: want,
      selector: { ...selector, matchLabels },
      template: withHash(template, hash),
    },
  };
}

/**
 * The coredns Deployment `d` rolled to its pod template when no ReplicaSet it owns runs that
 * template yet (or an older one does: it becomes the newest revision again); unchanged when its
 * newest ReplicaSet already runs it.
 */
export function rollToTemplate(state: ClusterState, d: ApiObject): ClusterState {
  const owned = ownedReplicaSets(state, d);
  const newest = owned[0];
  const template = (specOf(d)['template'] ?? {}) as Obj;
  if (!newest) return state;
  const key = templateKey(template);
  const same = (rs: ApiObject): boolean =>
    templateKey((specOf(rs)['template'] ?? {}) as Obj) === key;
  if (same(newest)) return state;
  const want = replicasOf(d);
  const revision = revisionOf(newest) + 1;
  const back = owned.find(same);
  let s = back
    ? putObject(state, 'replicasets.apps', {
        ...back,
        metadata: { ...back.metadata, annotations: rsAnnotations(back, want, revision) },
        spec: { ...specOf(back), replicas: want },
      })
    : putObject(
        state,
        'replicasets.apps',
        newReplicaSet(newest, template, podTemplateHash(template), want, revision),
      );
  const name =
    back?.metadata.name ??
    `${newest.metadata.name.replace(/-[^-]*$/, '')}-${podTemplateHash(template)}`;
  s = scalingEvent(s, d, name, back ? replicasOf(back) : 0, want);
  for (const old of owned)
    if (old !== back && replicasOf(old) !== 0) {
      s = putObject(s, 'replicasets.apps', { ...old, spec: { ...specOf(old), replicas: 0 } });
      s = scalingEvent(s, d, old.metadata.name, replicasOf(old), 0);
    }
  return putObject(s, 'deployments.apps', {
    ...d,
    metadata: {
      ...d.metadata,
      annotations: { ...d.metadata.annotations, [REVISION]: String(revision) },
    },
  });
}
