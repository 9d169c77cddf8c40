/**
 * `kubectl describe (TYPE [NAME_PREFIX | -l label] | TYPE/NAME)`: the objects of the
 * arguments (every object of the namespace without names, of every namespace with -A, those of
 * a label selector with -l), each printed by its kind's describer and separated by blank lines;
 * NotFound for each missing name. A single missing name falls back to describing every object
 * whose name starts with it. Since v1.36, several objects (or a prefix match) are described
 * without their Events unless --show-events is given.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (DescribeFlags.AddFlags,
 * ToOptions, Run: "\n\n" between objects, "No resources found"; DescribeMatchingResources:
 * the prefix fallback for exactly two builder arguments, each match followed by "\n"),
 * kubernetes/kubernetes#137145 (v1.36: ShowEvents defaults to false for multiple objects),
 * staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs, "name cannot
 * be provided when a selector is specified", "a resource cannot be retrieved by name across all
 * namespaces").
 */
import {
  findMachine,
  parseVersion,
  type ApiObject,
  type ApiResourceType,
} from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { describerFor } from './kubectl-describe-describers.ts';
import type { DescribeSettings } from './kubectl-describe-events.ts';
import { endpointsWarning } from './kubectl-endpoints.ts';
import { resolveArg, selectObjects, typeArgs } from './kubectl-get-select.ts';
import type { Connect } from './kubectl-node.ts';

/** describe's own flags (the global ones are added by the verb table). */
export const DESCRIBE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'bool',
    usage:
      'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  },
  {
    name: 'selector',
    short: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  },
  {
    name: 'show-events',
    type: 'bool',
    usage:
      'If true, display events related to the described object. Defaults to true for a single object, false for multiple objects and prefix matching.',
  },
  {
    name: 'chunk-size',
    type: 'string',
    usage:
      'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
  },
];

/** One object to describe, with its type. */
interface Info {
  readonly type: ApiResourceType;
  readonly object: ApiObject;
}

/** The minor version of the kubectl on the machine (newest behaviour when unknown). */
function kubectlMinor(inv: Invocation): number {
  const v = findMachine(inv.ctx.state, inv.machine)?.packages.kubectl?.version;
  try {
    return v === undefined ? 99 : parseVersion(`v${v.replace(/^v/, '')}`).minor;
  } catch {
    return 99;
  }
}

/**
 * Prints the describe texts of `infos` ("\n\n" between them); returns the describers' errors,
 * each once (Run's errs set).
 */
function print(inv: Invocation, infos: readonly Info[], settings: DescribeSettings): string[] {
  if (infos.some((i) => i.type.id === 'endpoints')) endpointsWarning(inv);
  const texts: string[] = [];
  const errors: string[] = [];
  for (const i of infos) {
    const r = describerFor(i.type.id)(inv, i.object, settings);
    if (typeof r === 'string') texts.push(r);
    else if (!errors.includes(`error: ${r.error}`)) errors.push(`error: ${r.error}`);
  }
  if (texts.length > 0) inv.io.out(texts.join('\n\n\n'));
  return errors;
}

/**
 * DescribeMatchingResources: the objects of `arg`'s type in the namespace whose names start
 * with `prefix`, each followed by a blank line; the original errors when none matches.
 */
function describeMatching(
  inv: Invocation,
  arg: string,
  prefix: string,
  ns: string,
  settings: DescribeSettings,
  errors: readonly string[],
): number {
  const state = inv.ctx.state;
  const [typeArg = '', name] = arg.includes('/')
    ? [arg.slice(0, arg.indexOf('/')), arg.slice(arg.indexOf('/') + 1)]
    : [arg];
  const resolved = resolveArg(state, typeArg);
  if (!resolved.ok) return fail(inv, [resolved.message]);
  const type = resolved.types[0];
  if (type === undefined) return fail(inv, errors);
  const found = selectObjects(state, type, name === undefined ? [] : [name], { namespace: ns });
  if ('error' in found) return fail(inv, [found.error]);
  if (found.missing.length > 0)
    return fail(
      inv,
      found.missing.map((n) => `Error from server (NotFound): ${type.id} "${n}" not found`),
    );
  const matches = found.objects.filter((o) => o.metadata.name.startsWith(prefix));
  if (matches.length === 0) return fail(inv, errors);
  const describe = describerFor(type.id);
  if (type.id === 'endpoints') endpointsWarning(inv);
  const texts: string[] = [];
  for (const o of matches) {
    const r = describe(inv, o, settings);
    // DescribeMatchingResources returns at the first describer error.
    if (typeof r !== 'string') {
      if (texts.length > 0) inv.io.out(texts.join('\n'));
      return fail(inv, [`error: ${r.error}`]);
    }
    texts.push(`${r}\n`);
  }
  inv.io.out(texts.join('\n'));
  return 0;
}

function fail(inv: Invocation, errors: readonly string[]): number {
  for (const e of errors) inv.io.err(e);
  return 1;
}

/** `kubectl describe …`; returns the exit code. */
export function describeCommand(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const args = p.positionals;
  if (args.length === 0) {
    // ToOptions: fmt.Errorf("You must specify the type of resource to describe. %s\n", …).
    inv.io.err(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
    return 1;
  }
  if (!connect(inv, p)) return 1;
  const state = inv.ctx.state;
  const all = bool(p, 'all-namespaces');
  const ns = str(p, 'namespace') ?? 'default';
  const selector = str(p, 'selector');
  const parsed = typeArgs(args);
  if (!parsed.ok) return fail(inv, [parsed.message]);
  const named = parsed.requests.some((r) => r.names.length > 0);
  if (named && selector !== undefined)
    return fail(inv, ['error: name cannot be provided when a selector is specified']);
  if (named && all)
    return fail(inv, ['error: a resource cannot be retrieved by name across all namespaces']);
  const infos: Info[] = [];
  const errors: string[] = [];
  for (const r of parsed.requests) {
    const resolved = resolveArg(state, r.arg);
    if (!resolved.ok) return fail(inv, [resolved.message]);
    for (const type of resolved.types) {
      const found = selectObjects(state, type, r.names, {
        namespace: all ? null : ns,
        ...(selector !== undefined ? { labelSelector: selector } : {}),
      });
      if ('error' in found) return fail(inv, [found.error]);
      for (const n of r.names) {
        const object = found.objects.find((o) => o.metadata.name === n);
        if (object) infos.push({ type, object });
        else errors.push(`Error from server (NotFound): ${type.id} "${n}" not found`);
      }
      if (r.names.length === 0) for (const object of found.objects) infos.push({ type, object });
    }
  }
  const explicit = p.values['show-events'];
  const minor = kubectlMinor(inv);
  const showEvents =
    typeof explicit === 'boolean'
      ? explicit
      : minor < 36 || (errors.length === 0 && infos.length <= 1);
  const settings = { showEvents, kubectlMinor: minor };
  if (errors.length > 0 && args.length === 2)
    return describeMatching(inv, args[0] ?? '', args[1] ?? '', ns, settings, errors);
  const failed = [...errors, ...print(inv, infos, settings)];
  if (infos.length === 0 && errors.length === 0)
    inv.io.err(all ? 'No resources found' : `No resources found in ${ns} namespace.`);
  return failed.length > 0 ? fail(inv, failed) : 0;
}
