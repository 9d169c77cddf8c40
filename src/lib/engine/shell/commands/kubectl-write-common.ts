/**
 * What kubectl's object-changing verbs (label, annotate, taint, patch, scale …) share: the
 * `--dry-run` strategy, the `-o` printers with the verb's operation (`node/cp-1 labeled`,
 * `… (dry run)`, `-o name`, `-o json|yaml`), the split of arguments into resources and
 * KEY=VALUE pairs, the objects the resource arguments select (TYPE NAME…, TYPE/NAME, --all,
 * -l, -A), and the way kubectl prints the errors collected while visiting them.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (GetDryRunStrategy,
 * GetResourcesAndPairs, ParsePairs, CheckErr/MultipleErrors), staging/src/k8s.io/cli-runtime/
 * pkg/resource/builder.go (ResourceTypeOrNameArgs, "resource(s) were provided, but no name was
 * specified", "name cannot be provided when a selector is specified"),
 * staging/src/k8s.io/cli-runtime/pkg/printers/name.go, cmd/util/printing.go
 * (PrintFlagsWithDryRunStrategy).
 */
import { getObject, type ApiObject, type ApiResourceType } from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { resolveArg, selectObjects, typeArgs } from './kubectl-get-select.ts';
import {
  TEMPLATE_FLAGS,
  allowMissingKeys,
  outputOf,
  renderJson,
  renderYaml,
  writeFormats,
} from './kubectl-print.ts';
import { checkJsonpath, renderJsonpath } from '../jsonpath/render.ts';
import { renderGoTemplate } from '../go-template/render.ts';
import { findMachine } from '../../src/index.ts';

/** `--dry-run`: none, client (nothing sent) or server (sent, not persisted). */
export type DryRun = 'none' | 'client' | 'server';

/** The flags every writing verb has. */
export const WRITE_FLAGS: FlagSpec[] = [
  {
    name: 'dry-run',
    type: 'string',
    usage:
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    usage:
      'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  },
  {
    name: 'field-manager',
    type: 'string',
    usage: 'Name of the manager used to track field ownership.',
  },
  ...TEMPLATE_FLAGS,
];

/** The flags of verbs that select objects by type and name, selector or --all. */
export const SELECT_FLAGS: FlagSpec[] = [
  {
    name: 'all',
    type: 'bool',
    usage: 'Select all resources, in the namespace of the specified resource types',
  },
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'bool',
    usage: 'If true, check the specified action in all namespaces.',
  },
  {
    name: 'selector',
    short: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  },
  {
    name: 'field-selector',
    type: 'string',
    usage:
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
  },
];

/** The dry-run strategy, or kubectl's error for a bad value. */
export function dryRunOf(p: ParsedFlags): DryRun | { error: string } {
  const v = str(p, 'dry-run');
  if (v === undefined || v === 'none' || v === 'false') return 'none';
  if (v === 'client' || v === 'server') return v;
  if (v === 'true' || v === 'unchanged') return 'client';
  return { error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
}

/** What `-o` asks a writing verb for: the name printer with an operation, or the object. */
export type WriteOutput =
  | { readonly kind: 'operation' }
  | { readonly kind: 'name' | 'json' | 'yaml' }
  | { readonly kind: 'jsonpath'; readonly template: string; readonly asJson: boolean }
  | { readonly kind: 'go-template'; readonly template: string; readonly allowMissing: boolean }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The write output of `-o` (and --template): kubectl's writing verbs have the JSON/YAML, name and
 * template printers but no table printers (printing.go PrintFlagsWithDryRunStrategy). A template
 * that does not parse is refused before anything is sent, as ToPrinter does in Complete.
 */
export function writeOutputOf(inv: Invocation, p: ParsedFlags): WriteOutput {
  if (str(p, 'output') === undefined && str(p, 'template') === undefined)
    return { kind: 'operation' };
  const f = outputOf(inv, p);
  if (f.kind === 'name' || f.kind === 'json' || f.kind === 'yaml') return { kind: f.kind };
  if (f.kind === 'jsonpath') {
    const bad = checkJsonpath(f.template);
    return bad === null ? f : { kind: 'error', message: `error: ${bad}` };
  }
  if (f.kind === 'go-template') {
    const r = renderGoTemplate(f.template, {}, true);
    if (!r.ok && r.message.startsWith('error parsing template'))
      return { kind: 'error', message: `error: ${r.message}` };
    return { kind: 'go-template', template: f.template, allowMissing: allowMissingKeys(p) };
  }
  if (f.kind === 'error' && !f.message.startsWith('error: unable to match a printer')) return f;
  const version = findMachine(inv.ctx.state, inv.machine)?.packages.kubectl?.version ?? '';
  return {
    kind: 'error',
    message: `error: unable to match a printer suitable for the output format "${str(p, 'output') ?? ''}", allowed formats are: ${writeFormats(`v${version.replace(/-.*$/, '')}`).join(',')}`,
  };
}

/**
 * Prints `value` through the jsonpath or go-template printer: the template's text as it is (the
 * terminal line ends after it, as for `kubectl get`), or kubectl's error.
 */
export function printTemplated(
  inv: Invocation,
  out: Extract<WriteOutput, { kind: 'jsonpath' | 'go-template' }>,
  value: unknown,
): void {
  const r =
    out.kind === 'jsonpath'
      ? renderJsonpath(out.template, value, out.asJson)
      : renderGoTemplate(out.template, value, out.allowMissing);
  if (r.ok) {
    if (r.text !== '') inv.io.out(r.text.replace(/\n$/, ''));
  } else inv.io.err(`error: ${r.message}`);
}

/** `-o name`'s `TYPE/NAME`: lower-case kind, with the group outside the core group. */
export function namePrefix(type: ApiResourceType, o: ApiObject): string {
  return `${type.namePrefix}/${o.metadata.name}`;
}

/** Prints one changed object as the verb's printer does. */
export function printWritten(
  inv: Invocation,
  out: WriteOutput,
  type: ApiResourceType,
  object: ApiObject,
  operation: string,
  dryRun: DryRun,
  index = 0,
): void {
  if (out.kind === 'name') inv.io.out(namePrefix(type, object));
  else if (out.kind === 'json') inv.io.out(renderJson(object));
  else if (out.kind === 'yaml') inv.io.out(`${index > 0 ? '---\n' : ''}${renderYaml(object)}`);
  else if (out.kind === 'jsonpath' || out.kind === 'go-template') printTemplated(inv, out, object);
  else {
    const suffix =
      dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
    inv.io.out(`${namePrefix(type, object)} ${operation}${suffix}`);
  }
}

/** True for an argument that is a KEY=VALUE or KEY- change rather than a resource. */
function isPair(s: string): boolean {
  return (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');
}

/** Resources then pairs (GetResourcesAndPairs), or kubectl's error for a resource after a pair. */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    if (isPair(a)) pairs.push(a);
    else if (pairs.length === 0) resources.push(a);
    else
      return { error: `error: all resources must be specified before ${pairType} changes: ${a}` };
  }
  return { resources, pairs };
}

/** Objects the resource arguments select, and the errors of the ones that are not there. */
export interface Targets {
  readonly items: ReadonlyArray<{ readonly type: ApiResourceType; readonly object: ApiObject }>;
  /** Errors in visiting order (NotFound), printed after the items (kubectl's aggregate). */
  readonly errors: readonly string[];
}

/** The objects `resources` select with --all, -l, -A and the namespace (builder.go). */
export function selectTargets(
  inv: Invocation,
  p: ParsedFlags,
  resources: readonly string[],
): Targets | { error: string } {
  const all = bool(p, 'all');
  const selector = str(p, 'selector');
  const fieldSelector = str(p, 'field-selector');
  const args = typeArgs(resources);
  if (!args.ok) return { error: args.message };
  const hasNames = args.requests.some((r) => r.names.length > 0);
  if (hasNames && (selector !== undefined || fieldSelector !== undefined))
    return { error: 'error: name cannot be provided when a selector is specified' };
  if (!hasNames && !all && selector === undefined && fieldSelector === undefined)
    return { error: 'error: resource(s) were provided, but no name was specified' };
  const allNamespaces = bool(p, 'all-namespaces') && !hasNames;
  const namespace = allNamespaces ? null : (str(p, 'namespace') ?? 'default');
  const items: Array<{ type: ApiResourceType; object: ApiObject }> = [];
  const errors: string[] = [];
  for (const req of args.requests) {
    const resolved = resolveArg(inv.ctx.state, req.arg);
    if (!resolved.ok) return { error: resolved.message };
    for (const type of resolved.types) {
      const s = selectObjects(inv.ctx.state, type, req.names, {
        namespace,
        ...(selector !== undefined ? { labelSelector: selector } : {}),
        ...(fieldSelector !== undefined ? { fieldSelector } : {}),
      });
      if ('error' in s) return { error: s.error };
      for (const name of req.names.length > 0 ? req.names : s.objects.map((o) => o.metadata.name)) {
        const object = s.objects.find((o) => o.metadata.name === name);
        if (object) items.push({ type, object });
        else errors.push(`Error from server (NotFound): ${type.id} "${name}" not found`);
      }
    }
  }
  return { items, errors };
}

/**
 * Prints the errors collected while visiting objects as CheckErr does: one error alone with its
 * `error: ` prefix (API errors keep `Error from server`), several one per line as they are.
 * Returns the exit code (1 when there were errors).
 */
export function reportErrors(inv: Invocation, errors: readonly string[]): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    const e = errors[0] ?? '';
    inv.io.err(e.startsWith('Error from server') || e.startsWith('error: ') ? e : `error: ${e}`);
  } else for (const e of errors) inv.io.err(e);
  return 1;
}

/** The object as the server answers after a write (its new resourceVersion), else `fallback`. */
export function writtenObject(
  inv: Invocation,
  type: ApiResourceType,
  fallback: ApiObject,
): ApiObject {
  const ns = type.namespaced ? (fallback.metadata.namespace ?? null) : null;
  return getObject(inv.ctx.state, type.id, ns, fallback.metadata.name) ?? fallback;
}

/** The dry-run strategy and -o printer of a writing verb; null after printing kubectl's error. */
export function writeOptions(
  inv: Invocation,
  p: ParsedFlags,
): { dryRun: DryRun; out: WriteOutput } | null {
  const dryRun = dryRunOf(p);
  if (typeof dryRun === 'object') {
    inv.io.err(dryRun.error);
    return null;
  }
  const out = writeOutputOf(inv, p);
  if (out.kind === 'error') {
    inv.io.err(out.message);
    return null;
  }
  return { dryRun, out };
}
