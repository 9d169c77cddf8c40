/**
 * kubectl apply/get for resources whose served API versions change between releases
 * (src/apiserver/served-versions.ts). kubectl maps a manifest's apiVersion/kind to a resource
 * through discovery before sending anything (k8s.io/cli-runtime resource builder, REST mapper);
 * `kubectl get <type>` fails the same way when discovery does not list the type
 * (staging/src/k8s.io/kubectl/pkg/cmd/get). An object stored in a version the running apiserver
 * cannot decode fails on the server.
 */
import { parse } from 'yaml';
import {
  apiObjects,
  apiserverMinor,
  objectReadable,
  resourceByKind,
  resourceByName,
  servedVersions,
  serves,
  type StoredApiObject,
} from '../../src/index.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import { formatTable, humanDuration } from '../format.ts';
import type { Invocation } from '../types.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};

/**
 * The apiserver's decode error for an object stored in a version its scheme does not know
 * (apimachinery pkg/runtime/error.go notRegisteredErr), returned as an internal error. The scheme
 * name (legacyscheme's NewScheme call site) and the exact StatusError wrapping are unverified.
 */
export function decodeError(o: StoredApiObject): string {
  return `Error from server (InternalError): ${decodeErrorMessage(o)}`;
}

/** The message of that internal error (the served API's metav1.Status carries it). */
export function decodeErrorMessage(o: Pick<StoredApiObject, 'kind' | 'group' | 'version'>): string {
  return `Internal error occurred: no kind "${o.kind}" is registered for version "${o.group}/${o.version}" in scheme "pkg/api/legacyscheme/scheme.go:30"`;
}

/**
 * `kubectl apply -f FILE` when FILE holds one object of a versioned resource; null when the
 * file holds something else (the caller handles it).
 */
export function applyVersioned(inv: Invocation, file: string, content: string): number | null {
  let doc: Obj;
  try {
    doc = obj(parse(content));
  } catch {
    return null;
  }
  const apiVersion = typeof doc['apiVersion'] === 'string' ? doc['apiVersion'] : '';
  const kind = typeof doc['kind'] === 'string' ? doc['kind'] : '';
  const [group = '', version = ''] = apiVersion.includes('/')
    ? apiVersion.split('/')
    : ['', apiVersion];
  const r = resourceByKind(kind, group);
  if (!r || r.kubectl !== true) return null;
  const metadata = obj(doc['metadata']);
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : '';
  const state = inv.ctx.state;
  if (!serves(r, version, apiserverMinor(state))) {
    inv.io.err(
      `error: resource mapping not found for name: "${name}" namespace: "${namespace}" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    );
    return 1;
  }
  // apply first GETs the live object; an undecodable one fails right there.
  const live = apiObjects(state).find(
    (o) =>
      o.kind === r.kind &&
      o.group === r.group &&
      o.name === name &&
      o.namespace === (r.namespaced ? namespace || 'default' : ''),
  );
  if (live && !objectReadable(state, live)) {
    inv.io.err(decodeError(live));
    return 1;
  }
  const t = inv.apply({
    type: 'kubectl.apiobject.apply',
    manifest: { group, kind, version, name, namespace },
  });
  if (!t.ok) {
    inv.io.err(t.error.message);
    return 1;
  }
  return 0;
}

/** `kubectl get <type> [names]` for a versioned resource; null when `kind` is not one. */
export function getVersioned(
  inv: Invocation,
  p: ParsedFlags,
  kind: string,
  names: readonly string[],
): number | null {
  const r = resourceByName(kind);
  if (!r) return null;
  const state = inv.ctx.state;
  if (servedVersions(r, apiserverMinor(state)).length === 0) {
    inv.io.err(`error: the server doesn't have a resource type "${kind}"`);
    return 1;
  }
  const all = bool(p, 'all-namespaces');
  const ns = str(p, 'namespace') ?? 'default';
  let objects = apiObjects(state).filter(
    (o) => o.kind === r.kind && o.group === r.group && (!r.namespaced || all || o.namespace === ns),
  );
  if (names.length > 0) objects = objects.filter((o) => names.includes(o.name));
  const broken = objects.find((o) => !objectReadable(state, o));
  if (broken) {
    inv.io.err(decodeError(broken));
    return 1;
  }
  if (objects.length === 0) {
    if (names.length > 0) {
      for (const n of names)
        inv.io.err(`Error from server (NotFound): ${r.plural}.${r.group} "${n}" not found`);
      return 1;
    }
    inv.io.err(
      r.namespaced && !all ? `No resources found in ${ns} namespace.` : 'No resources found',
    );
    return 0;
  }
  const sorted = [...objects].sort((a, b) =>
    a.namespace + a.name < b.namespace + b.name ? -1 : 1,
  );
  const showNs = r.namespaced && all;
  inv.io.out(
    formatTable(
      [...(showNs ? ['NAMESPACE'] : []), 'NAME', 'AGE'],
      sorted.map((o) => [
        ...(showNs ? [o.namespace] : []),
        o.name,
        humanDuration(state.now - o.createdAt),
      ]),
    ),
  );
  return 0;
}
