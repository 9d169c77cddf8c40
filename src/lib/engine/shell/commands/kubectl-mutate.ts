/**
 * kubectl create namespace, the deletion of one object (namespace, node, custom resource or any
 * stored object; the verb and its arguments are kubectl-delete.ts), patch --type=merge of
 * metadata.finalizers (staging/src/k8s.io/kubectl/pkg/cmd/{create,delete,patch}).
 */
import { crKey, getObject, resolveType, type CustomResource } from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { crMatches, crNotFound } from './kubectl-objects.ts';
import type { Invocation } from '../types.ts';

const COMMON: FlagSpec[] = [
  {
    name: 'namespace',
    short: 'n',
    type: 'string',
    usage: 'If present, the namespace scope for this CLI request',
  },
  {
    name: 'kubeconfig',
    type: 'string',
    usage: 'Path to the kubeconfig file to use for CLI requests.',
  },
];

/** Flags of `kubectl create`. */
export const CREATE_FLAGS: FlagSpec[] = [...COMMON];
/** Flags of `kubectl delete`. */
export const DELETE_FLAGS: FlagSpec[] = [
  ...COMMON,
  {
    name: 'wait',
    type: 'string',
    usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
  },
];
/** Flags of `kubectl patch`. */
export const PATCH_FLAGS: FlagSpec[] = [
  ...COMMON,
  {
    name: 'type',
    type: 'string',
    usage: 'The type of patch being provided; one of [json merge strategic]',
  },
  {
    name: 'patch',
    short: 'p',
    type: 'string',
    usage: 'The patch to be applied to the resource JSON file.',
  },
];

/**
 * The custom resource `kind`/`name` in `ns` for delete and patch; prints kubectl's error and
 * returns why when there is none (`type`: no such resource type, `object`: no such object).
 */
function resolveCr(
  inv: Invocation,
  kind: string,
  ns: string,
  name: string,
  quiet?: false,
): CustomResource | 'type' | 'object';
function resolveCr(
  inv: Invocation,
  kind: string,
  ns: string,
  name: string,
  quiet: true,
): CustomResource | string;
function resolveCr(
  inv: Invocation,
  kind: string,
  ns: string,
  name: string,
  quiet = false,
): CustomResource | string {
  const known = crMatches(inv.ctx.state, kind);
  if (known === null) {
    const message = `error: the server doesn't have a resource type "${kind}"`;
    if (quiet) return message;
    inv.io.err(message);
    return 'type';
  }
  const r = known.items.find((c) => c.namespace === ns && c.name === name);
  if (r) return r;
  if (quiet) return crNotFound(known.crd, name);
  inv.io.err(crNotFound(known.crd, name));
  return 'object';
}

/** `kubectl create namespace NAME`. */
export function createObject(inv: Invocation, p: ParsedFlags): number {
  const [kind, name] = p.positionals;
  if ((kind === 'namespace' || kind === 'ns') && name !== undefined) {
    const t = inv.apply({ type: 'kubectl.namespace.create', name });
    if (!t.ok) inv.io.err(t.error.message);
    return t.ok ? 0 : 1;
  }
  inv.io.err(`error: unknown command "${kind ?? ''}" for "kubectl create"`);
  return 1;
}

/**
 * True for an object the generic delete path removes: a stored object of a served built-in type
 * (the cluster's own Pods included: their owners replace them), or a missing one of such a type
 * (its NotFound comes from the same path).
 */
function deletable(inv: Invocation, kind: string): boolean {
  const type = resolveType(inv.ctx.state, kind);
  return !(!type || type.custom || type.id === 'namespaces' || type.id === 'nodes');
}

/** What deleting one object came to. */
export type DeleteOutcome =
  | {
      readonly ok: true;
      /** The engine printed `KIND "NAME" deleted` itself. */ readonly printed: boolean;
    }
  | {
      readonly ok: false;
      readonly message: string;
      readonly notFound: boolean;
      /** kubectl stops here (an unknown type), rather than going on with the next object. */
      readonly stop: boolean;
    };

const failed = (message: string, stop = false): DeleteOutcome => ({
  ok: false,
  message,
  notFound: message.startsWith('Error from server (NotFound)'),
  stop,
});

/**
 * Deletes one `kind` object (namespace, node, custom resource or any stored object) the way
 * its API does, or with `dryRun` only checks that it exists.
 */
export function deleteOne(
  inv: Invocation,
  kind: string,
  ns: string,
  name: string,
  dryRun = false,
  gracePeriodSeconds = -1,
): DeleteOutcome {
  const type = resolveType(inv.ctx.state, kind);
  if (dryRun) {
    if (type?.custom) {
      const r = resolveCr(inv, kind, ns, name, true);
      return typeof r === 'string' ? failed(r, true) : { ok: true, printed: false };
    }
    const exists = type
      ? getObject(inv.ctx.state, type.id, type.namespaced ? ns : null, name)
      : null;
    return exists
      ? { ok: true, printed: false }
      : failed(`Error from server (NotFound): ${type?.id ?? kind} "${name}" not found`);
  }
  let t;
  let printed = true;
  if (type?.id === 'namespaces') t = inv.apply({ type: 'kubectl.namespace.delete', name });
  else if (type?.id === 'nodes') t = inv.apply({ type: 'kubectl.node.delete', name });
  else if (deletable(inv, kind)) {
    t = inv.apply({
      type: 'kubectl.object.delete',
      resource: kind,
      namespace: ns,
      name,
      ...(gracePeriodSeconds >= 0 ? { gracePeriodSeconds } : {}),
    });
    printed = false;
  } else {
    const r = resolveCr(inv, kind, ns, name, true);
    if (typeof r === 'string') return failed(r, !r.startsWith('Error from server (NotFound)'));
    t = inv.apply({ type: 'kubectl.cr.delete', key: crKey(r) });
  }
  return t.ok ? { ok: true, printed } : failed(t.error.message);
}

/** `kubectl patch <cr> NAME --type=merge -p '{"metadata":{"finalizers":[...]}}'`. */
export function patchObject(inv: Invocation, p: ParsedFlags): number {
  const [kind, name] = p.positionals;
  const ns = str(p, 'namespace') ?? 'default';
  const raw = str(p, 'patch');
  if (kind === undefined || name === undefined || raw === undefined) {
    inv.io.err('error: must specify -p to patch');
    return 1;
  }
  let patch: unknown;
  try {
    patch = JSON.parse(raw);
  } catch {
    inv.io.err(`error: unable to parse "${raw}": yaml: did not find expected node content`);
    return 1;
  }
  const r = resolveCr(inv, kind, ns, name);
  if (typeof r === 'string') return 1;
  const fin = (patch as { metadata?: { finalizers?: unknown } }).metadata?.finalizers;
  const finalizers = fin === null ? [] : Array.isArray(fin) ? fin.map(String) : r.finalizers;
  const t = inv.apply({ type: 'kubectl.cr.finalizers', key: crKey(r), finalizers });
  return t.ok ? 0 : 1;
}
