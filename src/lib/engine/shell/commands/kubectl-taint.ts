/**
 * `kubectl taint nodes NAME…|--all|-l SEL KEY[=VALUE]:EFFECT … KEY[:EFFECT]-`: adds, replaces
 * (`--overwrite`) and removes taints of Nodes; prints `node/NAME tainted|untainted|modified`
 * (no dry-run suffix: kubectl v1.32.4 prints none for taint), `-o name|json|yaml`. The new
 * taint list is written back through the Node's update strategy, as the strategic merge patch
 * kubectl sends would be (store/update.ts keeps the node lifecycle controller's taints derived).
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/taint/taint.go (Complete, Validate,
 * validateFlags, updateTaints), staging/src/k8s.io/kubectl/pkg/cmd/taint/utils.go (parseTaints,
 * reorganizeTaints, deleteTaints: `taint %q not found`), k8s.io/api/core/v1 taint.go (ToString,
 * MatchTaint), apimachinery/pkg/util/validation (IsQualifiedName).
 */
import { labelValueErrors, qualifiedNameErrors, type ApiObject } from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { resolveArg } from './kubectl-get-select.ts';
import type { Connect } from './kubectl-node.ts';
import {
  WRITE_FLAGS,
  dryRunOf,
  printWritten,
  reportErrors,
  selectTargets,
  writeOutputOf,
  writtenObject,
} from './kubectl-write-common.ts';

interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
  readonly timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const USAGE = "\nSee 'kubectl taint -h' for help and examples";
/** parseTaint: `key=value:effect`, `key:effect` or `key`. */
function parseTaint(spec: string): Taint | { error: string } {
  const parts = spec.split(':');
  let key = spec;
  let value: string | undefined;
  let effect = '';
  if (parts.length === 2) {
    effect = parts[1] ?? '';
    if (!EFFECTS.includes(effect))
      return { error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const kv = (parts[0] ?? '').split('=');
    if (kv.length > 2) return { error: `invalid taint spec: ${spec}` };
    key = kv[0] ?? '';
    if (kv.length === 2) {
      value = kv[1] ?? '';
      const errs = labelValueErrors(value);
      if (errs.length > 0) return { error: `invalid taint spec: ${spec}, ${errs.join('; ')}` };
    }
  } else if (parts.length > 2) return { error: `invalid taint spec: ${spec}` };
  const errs = qualifiedNameErrors(key);
  if (errs.length > 0) return { error: `invalid taint spec: ${spec}, ${errs.join('; ')}` };
  return { key, ...(value !== undefined && value !== '' ? { value } : {}), effect };
}

/** Taint.ToString. */
function taintText(t: Taint): string {
  if (t.effect === '') return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

const matches = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect;

/** reorganizeTaints: the new list, the operation, and the removals that found nothing. */
function reorganize(
  old: readonly Taint[],
  add: readonly Taint[],
  remove: readonly Taint[],
  overwrite: boolean,
) {
  let next: Taint[] = [...add];
  for (const o of old) if (!next.some((t) => matches(t, o))) next.push(o);
  const added = old.length !== next.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const kept = next.filter((t) => (r.effect === '' ? t.key !== r.key : !matches(r, t)));
    removed = kept.length !== next.length;
    if (!removed) errors.push(`taint "${taintText(r)}" not found`);
    next = kept;
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { next, operation, errors };
}

const FLAGS: FlagSpec[] = [
  ...WRITE_FLAGS,
  {
    name: 'selector',
    short: 'l',
    type: 'string',
    usage:
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
  },
  {
    name: 'overwrite',
    type: 'bool',
    usage:
      'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
  },
  { name: 'all', type: 'bool', usage: 'Select all nodes in the cluster' },
  {
    name: 'validate',
    type: 'string',
    usage: 'Must be one of: strict (or true), warn, ignore (or false).',
  },
];

function isTaintArg(s: string): boolean {
  return s.includes('=') || s.includes(':') || s.endsWith('-');
}

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const s of p.positionals) {
    if (isTaintArg(s)) specs.push(s);
    else if (specs.length === 0) resources.push(s);
    else return reportErrors(inv, [`all resources must be specified before taint changes: ${s}`]);
  }
  const dryRun = dryRunOf(p);
  if (typeof dryRun === 'object') return reportErrors(inv, [dryRun.error]);
  const out = writeOutputOf(inv, p);
  if (out.kind === 'error') return reportErrors(inv, [out.message]);
  if (resources.length < 1)
    return reportErrors(inv, ['one or more resources must be specified as <resource> <name>']);
  if (specs.length < 1) return reportErrors(inv, ['at least one taint update is required']);
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    const t = parseTaint(spec.endsWith('-') ? spec.slice(0, -1) : spec);
    if ('error' in t) return reportErrors(inv, [`${t.error}${USAGE}`]);
    if (spec.endsWith('-')) remove.push({ key: t.key, effect: t.effect });
    else if (t.effect === '') return reportErrors(inv, [`invalid taint spec: ${spec}${USAGE}`]);
    else if (add.some((a) => matches(a, t)))
      return reportErrors(inv, [
        `duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}${USAGE}`,
      ]);
    else add.push(t);
  }
  if (!connect(inv, p)) return 1;
  const resolved = resolveArg(inv.ctx.state, resources[0] ?? '');
  if (!resolved.ok) return reportErrors(inv, [resolved.message]);
  if (resolved.types[0]?.kind !== 'Node')
    return reportErrors(inv, [
      `invalid resource type ${(resources[0] ?? '').toLowerCase()}, only node types are supported`,
    ]);
  const conflicts = remove.flatMap((r) =>
    add
      .filter((a) => a.key === r.key && (r.effect === '' || a.effect === r.effect))
      .map(() => `${r.key}=${r.effect}`),
  );
  if (conflicts.length > 0)
    return reportErrors(inv, [
      `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
    ]);
  const all = bool(p, 'all');
  const selector = str(p, 'selector');
  if (all && selector !== undefined)
    return reportErrors(inv, ["setting 'all' parameter with a non empty selector is prohibited"]);
  if (!all && selector === undefined && resources.length < 2)
    return reportErrors(inv, [
      "at least one resource name must be specified since 'all' parameter is not set",
    ]);
  const targets = selectTargets(
    inv,
    p,
    all || selector !== undefined ? ['nodes'] : ['nodes', ...resources.slice(1)],
  );
  if ('error' in targets) return reportErrors(inv, [targets.error]);
  const overwrite = bool(p, 'overwrite');
  const errors: string[] = [];
  let printed = 0;
  for (const { type, object } of targets.items) {
    const spec = (object['spec'] ?? {}) as { taints?: readonly Taint[] };
    const old = spec.taints ?? [];
    const existing = add.filter((a) => old.some((o) => matches(a, o))).map((a) => a.key);
    if (!overwrite && existing.length > 0) {
      errors.push(
        `node ${object.metadata.name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`,
      );
      continue;
    }
    const r = reorganize(old, add, remove, overwrite);
    if (r.errors.length > 0) {
      errors.push(r.errors.length === 1 ? (r.errors[0] ?? '') : `[${r.errors.join(', ')}]`);
      continue;
    }
    const { taints: _old, ...rest } = spec as Record<string, unknown>;
    const after = {
      ...object,
      spec: { ...rest, ...(r.next.length > 0 ? { taints: r.next } : {}) },
    } as unknown as ApiObject;
    if (dryRun === 'none') {
      const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
      if (!t.ok) {
        errors.push(t.error.message);
        continue;
      }
    }
    const shown = dryRun === 'none' ? writtenObject(inv, type, after) : after;
    printWritten(inv, out, type, shown, r.operation, 'none', printed++);
  }
  return reportErrors(inv, [...errors, ...targets.errors]);
}

/** The `kubectl taint` verb. */
export function taintVerb(connect: Connect) {
  return {
    flags: FLAGS,
    short: 'Update the taints on one or more nodes',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
