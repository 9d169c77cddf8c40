/**
 * kubectl create namespace, delete namespace|node|<custom resource>, patch --type=merge of
 * metadata.finalizers (staging/src/k8s.io/kubectl/pkg/cmd/{create,delete,patch}).
 */
import { crKey, resolveType, type CustomResource } from '../../src/index.ts';
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
): CustomResource | 'type' | 'object' {
  const known = crMatches(inv.ctx.state, kind);
  if (known === null) {
    inv.io.err(`error: the server doesn't have a resource type "${kind}"`);
    return 'type';
  }
  const r = known.items.find((c) => c.namespace === ns && c.name === name);
  if (r) return r;
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

/** `kubectl delete namespace|node|<cr>|<any stored object> NAME...`. */
export function deleteObject(inv: Invocation, p: ParsedFlags): number {
  const [kind, ...names] = p.positionals;
  if (kind === undefined || names.length === 0) {
    inv.io.err('error: resource(s) were provided, but no name was specified');
    return 1;
  }
  const ns = str(p, 'namespace') ?? 'default';
  let code = 0;
  for (const name of names) {
    let t;
    if (kind === 'namespace' || kind === 'namespaces' || kind === 'ns')
      t = inv.apply({ type: 'kubectl.namespace.delete', name });
    else if (kind === 'node' || kind === 'nodes' || kind === 'no')
      t = inv.apply({ type: 'kubectl.node.delete', name });
    else if (deletable(inv, kind)) {
      const type = resolveType(inv.ctx.state, kind);
      t = inv.apply({ type: 'kubectl.object.delete', resource: kind, namespace: ns, name });
      if (t.ok) inv.io.out(`${type?.namePrefix ?? kind} "${name}" deleted`);
    } else {
      const r = resolveCr(inv, kind, ns, name);
      if (r === 'type') return 1;
      if (r === 'object') {
        code = 1;
        continue;
      }
      t = inv.apply({ type: 'kubectl.cr.delete', key: crKey(r) });
    }
    if (!t.ok) {
      inv.io.err(t.error.message);
      code = 1;
    }
  }
  return code;
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
