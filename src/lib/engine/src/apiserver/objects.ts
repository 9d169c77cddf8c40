/**
 * API objects of the resources in served-versions.ts as they sit in etcd: each carries the
 * apiVersion it was stored in. The bytes in etcd never change by themselves: an upgrade or a
 * downgrade of the apiserver does not rewrite them (only an update of the object, or a storage
 * version migration, does). So after a downgrade an object whose stored version the older
 * apiserver does not know cannot be decoded, and after upgrading back it is readable again.
 * upstream: kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md,
 * content/en/docs/concepts/overview/kubernetes-api.md (persistence / storage version).
 */
import { hasNamespace } from '../state/namespaces.ts';
import type { Cluster, ClusterState } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text } from '../events.ts';
import {
  minorOf,
  resourceByKind,
  serves,
  storageVersion,
  type ServedResource,
} from './served-versions.ts';

export type { StoredApiObject } from '../model/api-records.ts';
import type { StoredApiObject } from '../model/api-records.ts';

/** What `kubectl apply -f` sends. */
export interface ApiObjectManifest {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
  readonly name: string;
  readonly namespace: string;
}

/** Key of an object: `<plural>.<group>/<namespace>/<name>`. */
export function apiObjectKey(r: ServedResource, namespace: string, name: string): string {
  return `${r.plural}.${r.group}/${namespace}/${name}`;
}

/** Every stored object (the optional `apiObjects` field of the cluster). */
export function apiObjects(state: ClusterState): readonly StoredApiObject[] {
  return Object.values(state.cluster?.apiObjects ?? {});
}

/** The minor the API server runs (the cluster version). */
export function apiserverMinor(state: ClusterState): number {
  return minorOf(state.cluster?.version ?? 'v0.0.0');
}

/** True when the running apiserver can decode the object: it serves the version it is stored in. */
export function objectReadable(state: ClusterState, o: StoredApiObject): boolean {
  const r = resourceByKind(o.kind, o.group);
  return r !== undefined && serves(r, o.version, apiserverMinor(state));
}

/**
 * `kubectl apply` of one object. kubectl's REST mapping has already checked that the server
 * serves the manifest's version; the apiserver converts and stores it in its storage version.
 * A new object prints `created`; an existing one is rewritten in the current storage version
 * (`configured` when that changes what is stored, otherwise `unchanged`).
 */
export function applyApiObject(state: ClusterState, m: ApiObjectManifest): Transition {
  const c = state.cluster;
  if (!c) return fail(new EngineError('KubectlConnectionRefused', { server: 'localhost:8080' }));
  const r = resourceByKind(m.kind, m.group);
  const minor = apiserverMinor(state);
  const storage = r ? storageVersion(r, minor) : null;
  if (!r || !storage || !serves(r, m.version, minor)) {
    return fail(
      new EngineError('Internal', {
        message: `no matches for kind "${m.kind}" in version "${m.group}/${m.version}"`,
      }),
    );
  }
  const namespace = r.namespaced ? m.namespace || 'default' : '';
  if (r.namespaced && !hasNamespace(state, namespace)) {
    return fail(
      new EngineError('UsageError', {
        message: `Error from server (NotFound): error when creating: namespaces "${namespace}" not found`,
      }),
    );
  }
  const key = apiObjectKey(r, namespace, m.name);
  const existing = c.apiObjects?.[key];
  const ref = `${r.kind.toLowerCase()}.${r.group}/${m.name}`;
  if (existing && existing.version === storage) return ok(state, [text(`${ref} unchanged`)]);
  const stored: StoredApiObject = {
    group: r.group,
    kind: r.kind,
    version: storage,
    name: m.name,
    namespace,
    createdAt: existing?.createdAt ?? state.now,
  };
  const cluster: Cluster = { ...c, apiObjects: { ...c.apiObjects, [key]: stored } };
  return ok({ ...state, cluster }, [text(`${ref} ${existing ? 'configured' : 'created'}`)]);
}
