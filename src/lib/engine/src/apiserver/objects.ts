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
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import { putObject } from '../store/write.ts';
import type { ApiObject, NewObject } from '../store/types.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text } from '../events.ts';
import {
  minorOf,
  resourceByKind,
  SERVED_RESOURCES,
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

/** Store id of a versioned resource: `plural.group`. */
const storeId = (r: ServedResource): string => `${r.plural}.${r.group}`;

/** The object as the store keeps it: apiVersion is the version it was stored in. */
function storedObject(o: StoredApiObject): NewObject {
  return {
    apiVersion: `${o.group}/${o.version}`,
    kind: o.kind,
    metadata: {
      name: o.name,
      ...(o.namespace !== '' ? { namespace: o.namespace } : {}),
      creationTimestamp: formatRfc3339(o.createdAt),
    },
    simulator: { createdAt: o.createdAt },
  };
}

/** The compact record of a stored versioned object. */
function recordOf(o: ApiObject): StoredApiObject {
  const [group = '', version = ''] = o.apiVersion.split('/');
  return {
    group,
    kind: o.kind,
    version,
    name: o.metadata.name,
    namespace: o.metadata.namespace ?? '',
    createdAt: (o['simulator'] as { readonly createdAt: number }).createdAt,
  };
}

/** A state with the versioned object stored (in the version its record names). */
export function putApiObject(state: ClusterState, o: StoredApiObject): ClusterState {
  const r = resourceByKind(o.kind, o.group);
  return r ? putObject(state, storeId(r), storedObject(o)) : state;
}

/** Every stored object of the versioned resources, by resource, namespace and name. */
export function apiObjects(state: ClusterState): readonly StoredApiObject[] {
  const store = state.cluster?.objects;
  return SERVED_RESOURCES.flatMap((r) => scanStored(store, storeId(r)))
    .map(recordOf)
    .sort((a, b) => {
      const ka = `${a.kind}.${a.group}/${a.namespace}/${a.name}`;
      const kb = `${b.kind}.${b.group}/${b.namespace}/${b.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
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
  const found = readStored(c.objects, storeId(r), namespace || null, m.name);
  const existing = found ? recordOf(found) : undefined;
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
  return ok(putApiObject(state, stored), [text(`${ref} ${existing ? 'configured' : 'created'}`)]);
}
