/**
 * The components that keep objects for the cluster's configuration write them to the store
 * when what they publish changes, each write taking the next global resourceVersion: kubeadm's
 * ConfigMaps (upload-config, addons, cluster-info) and flannel's, the bootstrap signer's
 * jws-kubeconfig keys (pkg/controller/bootstrap/bootstrapsigner.go), the root CA publisher's
 * kube-root-ca.crt in every namespace (pkg/controller/certificates/rootcacertpublisher/
 * publisher.go), the bootstrap-token and kubeadm-certs Secrets (kubeadm, deleted by the token
 * cleaner when they expire: pkg/controller/bootstrap/tokencleaner.go), and each namespace's
 * `default` ServiceAccount (pkg/controller/serviceaccount/serviceaccounts_controller.go).
 *
 * What each wrote last is remembered by content (`objects.published`, key → hash), so a client's
 * edit stands until the writer has something new to say, a writer that reconciles (the root CA
 * publisher, the serviceaccounts controller) creates its object again after a client deleted it,
 * and an object no longer published (an expired token) is deleted. The writers look only when
 * their inputs changed, so a command that changes none of them costs a few comparisons.
 */
import type { ClusterState } from '../model/state.ts';
import { hash64 } from '../etcd/model.ts';
import { readStored } from '../store/buckets.ts';
import { putObject, removeObject } from '../store/write.ts';
import type { ApiObject, NewObject } from '../store/types.ts';
import { configMapObject, configMaps } from '../objects/config-maps.ts';
import { bootstrapTokenSecrets, defaultServiceAccounts } from '../objects/token-secrets.ts';
import { clusterStart } from '../objects/legacy-meta.ts';

interface Publisher {
  readonly resource: string;
  /** True when what it publishes may have changed from `before` to `after`. */
  readonly changed: (before: ClusterState, after: ClusterState) => boolean;
  /** What it publishes now. */
  readonly desired: (state: ClusterState) => readonly NewObject[];
  /** True when it creates the object again after a client deleted it. */
  readonly recreates: (o: NewObject) => boolean;
}

type Cluster = NonNullable<ClusterState['cluster']>;

/** True when any of the cluster's `fields` or the store table of `resources` changed. */
function differ(
  before: ClusterState,
  after: ClusterState,
  fields: readonly (keyof Cluster)[],
  resources: readonly string[],
): boolean {
  const a = before.cluster;
  const b = after.cluster;
  if (!a || !b) return a !== b;
  return (
    fields.some((f) => a[f] !== b[f]) ||
    resources.some((r) => a.objects?.resources[r] !== b.objects?.resources[r])
  );
}

/** `f`, computed on the first call only (when the cluster started costs a pass over the nodes). */
function once(f: () => number): () => number {
  let v: number | undefined;
  return () => (v ??= f());
}

/** True when a token or the certificate key expired between the two states' clocks. */
function expiredBetween(before: ClusterState, after: ClusterState): boolean {
  const c = after.cluster;
  if (!c || after.now <= before.now) return false;
  const gone = (t: number | null | undefined): boolean =>
    t !== null && t !== undefined && t > before.now && t <= after.now;
  return c.tokens.some((t) => gone(t.expires)) || gone(c.certificateKey?.expires);
}

const PUBLISHERS: readonly Publisher[] = [
  {
    resource: 'configmaps',
    changed: (a, b) =>
      expiredBetween(a, b) ||
      differ(
        a,
        b,
        [
          'tokens',
          'version',
          'endpoint',
          'controlPlaneEndpoint',
          'podSubnet',
          'serviceSubnet',
          'cni',
        ],
        ['namespaces', 'configmaps'],
      ),
    desired: (s) => {
      const start = once(() => clusterStart(s));
      return configMaps(s).map((cm) => configMapObject(s, cm, start));
    },
    recreates: (o) => o.metadata.name === 'kube-root-ca.crt',
  },
  {
    resource: 'secrets',
    // Tokens expire with the clock (the token cleaner).
    changed: (a, b) =>
      expiredBetween(a, b) || differ(a, b, ['tokens', 'certificateKey'], ['secrets']),
    desired: (s) =>
      bootstrapTokenSecrets(
        s,
        once(() => clusterStart(s)),
      ),
    recreates: () => false,
  },
  {
    resource: 'serviceaccounts',
    changed: (a, b) => differ(a, b, [], ['namespaces', 'serviceaccounts']),
    desired: defaultServiceAccounts,
    recreates: () => true,
  },
];

const keyOf = (resource: string, namespace: string | undefined, name: string): string =>
  `${resource}|${namespace ?? ''}/${name}`;

/** The content a writer publishes, without the creation time (not part of what it says). */
function contentHash(o: NewObject): string {
  const { creationTimestamp: _at, ...metadata } = o.metadata;
  return hash64(JSON.stringify({ ...o, metadata }));
}

/** The object as created now, not dated back (written again after a client deleted it). */
function now(o: NewObject): NewObject {
  const { creationTimestamp: _at, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** The object written over a stored one: the writer's fields, the stored metadata kept. */
function overwrite(stored: ApiObject | undefined, o: NewObject): NewObject {
  if (!stored) return o;
  const { uid: _uid, resourceVersion: _rv, ...metadata } = stored.metadata;
  return { ...stored, ...o, metadata: { ...metadata, ...o.metadata } };
}

function publish(state: ClusterState, p: Publisher): ClusterState {
  const published = state.cluster?.objects?.published ?? {};
  const next: Record<string, string> = {};
  let s = state;
  const wanted = new Set<string>();
  for (const o of p.desired(state)) {
    const key = keyOf(p.resource, o.metadata.namespace, o.metadata.name);
    const hash = contentHash(o);
    wanted.add(key);
    next[key] = hash;
    const stored = readStored(
      s.cluster?.objects,
      p.resource,
      o.metadata.namespace,
      o.metadata.name,
    );
    const last = published[key];
    // A stored object never published (a state saved before the writers wrote) is adopted as is.
    const write = stored ? last !== undefined && last !== hash : last !== hash || p.recreates(o);
    if (write) s = putObject(s, p.resource, overwrite(stored, last === undefined ? o : now(o)));
  }
  for (const key of Object.keys(published)) {
    if (!key.startsWith(`${p.resource}|`)) next[key] = published[key] ?? '';
    else if (!wanted.has(key)) {
      const [namespace, name] = key.slice(p.resource.length + 1).split('/') as [string, string];
      s = removeObject(s, p.resource, namespace === '' ? null : namespace, name);
    }
  }
  return withPublished(s, next);
}

function withPublished(
  state: ClusterState,
  published: Readonly<Record<string, string>>,
): ClusterState {
  const c = state.cluster;
  const objects = c?.objects;
  if (!c || !objects) return state;
  return { ...state, cluster: { ...c, objects: { ...objects, published } } };
}

/**
 * `after` with every writer's objects up to date: each writer whose inputs changed since
 * `before` (all of them for a store that never published) writes what changed.
 */
export function publishObjects(before: ClusterState, after: ClusterState): ClusterState {
  const objects = after.cluster?.objects;
  if (!objects) return after;
  const first = objects.published === undefined;
  let s = after;
  for (const p of PUBLISHERS) if (first || p.changed(before, s)) s = publish(s, p);
  return s;
}
