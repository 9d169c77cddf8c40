/**
 * `kubectl label` and `kubectl annotate` on any served object: KEY=VALUE adds, KEY- removes,
 * `--overwrite`, `--list`, `--all`, `-l`, `-A`, `--dry-run`, `-o`; the result is written back
 * through the object's update strategy (kubectl.object.update), as the merge patch kubectl
 * sends would be.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/label/label.go (parseLabels,
 * validateNoOverwrites, updateDataChangeMsg: labeled / unlabeled / not labeled, `label %q not
 * found.`), staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go (ParsePairs,
 * validateAnnotations, validateNoAnnotationOverwrites), apimachinery/pkg/util/validation
 * (IsValidLabelValue).
 */
import { labelValueErrors, type ApiObject } from '../../src/index.ts';
import { bool, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { renderJson } from './kubectl-print.ts';
import {
  SELECT_FLAGS,
  WRITE_FLAGS,
  dryRunOf,
  printWritten,
  reportErrors,
  resourcesAndPairs,
  selectTargets,
  writeOutputOf,
} from './kubectl-write-common.ts';

type Mode = 'label' | 'annotate';

type Pairs = { add: Map<string, string>; remove: string[] };

function parsePairs(mode: Mode, pairs: readonly string[]): Pairs | { error: string } {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (mode === 'label' && parts.length !== 2)
        return { error: `error: invalid label spec: ${spec}` };
      const at = spec.indexOf('=');
      const value = spec.slice(at + 1);
      const errs = mode === 'label' ? labelValueErrors(value) : [];
      if (errs.length > 0)
        return { error: `error: invalid label value: "${spec}": ${errs.join(';')}` };
      add.set(spec.slice(0, at), value);
    } else remove.push(spec.slice(0, -1));
  }
  const both = remove.filter((k) => add.has(k));
  if (both.length > 0)
    return {
      error:
        mode === 'label'
          ? 'error: can not both modify and remove a label in the same command'
          : `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    };
  return { add, remove };
}

function field(mode: Mode): 'labels' | 'annotations' {
  return mode === 'label' ? 'labels' : 'annotations';
}

/** The overwrite error for keys that already have a value, or null. */
function overwriteError(mode: Mode, current: Record<string, string>, add: Map<string, string>) {
  const found = [...add.keys()].filter((k) => k in current);
  if (found.length === 0) return null;
  if (mode === 'label') {
    // utilerrors.NewAggregate: one error as it is, several as `[e1, e2]`.
    const errs = found.map(
      (k) => `'${k}' already has a value (${current[k] ?? ''}), and --overwrite is false`,
    );
    return errs.length === 1 ? (errs[0] ?? '') : `[${errs.join(', ')}]`;
  }
  return `--overwrite is false but found the following declared annotation(s): ${found.map((k) => `'${k}' already has a value (${current[k] ?? ''})`).join('; ')}`;
}

function changed(o: ApiObject, mode: Mode, pairs: Pairs): ApiObject {
  const next: Record<string, string> = { ...o.metadata[field(mode)] };
  for (const [k, v] of pairs.add) next[k] = v;
  for (const k of pairs.remove) delete next[k];
  const { [field(mode)]: _old, ...meta } = o.metadata;
  return {
    ...o,
    metadata: { ...meta, ...(Object.keys(next).length > 0 ? { [field(mode)]: next } : {}) },
  };
}

/** The operation label.go's updateDataChangeMsg names. */
function labelMessage(before: ApiObject, after: ApiObject, overwrite: boolean): string {
  // json.Marshal of an Unstructured object sorts map keys: compare the sorted forms.
  const a = renderJson(before);
  const b = renderJson(after);
  if (a === b) return 'not labeled';
  return !overwrite && b.length < a.length ? 'unlabeled' : 'labeled';
}

function flags(mode: Mode): FlagSpec[] {
  return [
    ...WRITE_FLAGS,
    ...SELECT_FLAGS,
    {
      name: 'overwrite',
      type: 'bool',
      usage: `If true, allow ${field(mode)} to be overwritten, otherwise reject ${mode} updates that overwrite existing ${field(mode)}.`,
    },
    {
      name: 'list',
      type: 'bool',
      usage: `If true, display the ${field(mode)} for a given resource.`,
    },
  ];
}

function run(inv: Invocation, p: ParsedFlags, mode: Mode, connect: Connect): number {
  const split = resourcesAndPairs(p.positionals, mode === 'label' ? 'label' : 'annotation');
  if ('error' in split) return reportErrors(inv, [split.error]);
  const pairs = parsePairs(mode, split.pairs);
  if ('error' in pairs) return reportErrors(inv, [pairs.error]);
  const dryRun = dryRunOf(p);
  if (typeof dryRun === 'object') return reportErrors(inv, [dryRun.error]);
  const out = writeOutputOf(inv, p);
  if (out.kind === 'error') return reportErrors(inv, [out.message]);
  const list = bool(p, 'list');
  if (list && str(p, 'output') !== undefined)
    return reportErrors(inv, ['--list and --output may not be specified together']);
  const all = bool(p, 'all');
  if (all && str(p, 'selector') !== undefined)
    return reportErrors(inv, ['cannot set --all and --selector at the same time']);
  if (all && str(p, 'field-selector') !== undefined)
    return reportErrors(inv, ['cannot set --all and --field-selector at the same time']);
  if (split.resources.length === 0)
    return reportErrors(inv, [
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    ]);
  if (pairs.add.size === 0 && pairs.remove.length === 0 && !list)
    return reportErrors(inv, [
      `at least one ${mode === 'label' ? 'label' : 'annotation'} update is required`,
    ]);
  if (!connect(inv, p)) return 1;
  const targets = selectTargets(inv, p, split.resources);
  if ('error' in targets) return reportErrors(inv, [targets.error]);
  const overwrite = bool(p, 'overwrite');
  const errors: string[] = [];
  let printed = 0;
  for (const { type, object } of targets.items) {
    const current = object.metadata[field(mode)] ?? {};
    if (list) {
      const indent = targets.items.length > 1 ? ' ' : '';
      if (indent !== '')
        inv.io.out(
          `Listing ${field(mode)} for ${object.kind}.${type.group}/${object.metadata.name}:`,
        );
      for (const k of Object.keys(current).sort()) inv.io.out(`${indent}${k}=${current[k] ?? ''}`);
      continue;
    }
    const refused = overwrite ? null : overwriteError(mode, current, pairs.add);
    if (refused !== null) {
      errors.push(refused);
      continue;
    }
    if (mode === 'label' && dryRun !== 'client')
      for (const k of pairs.remove) if (!(k in current)) inv.io.out(`label "${k}" not found.`);
    const after = changed(object, mode, pairs);
    // The API server writes nothing for a patch that changes nothing (no new resourceVersion).
    if (dryRun === 'none' && renderJson(after) !== renderJson(object)) {
      const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
      if (!t.ok) {
        errors.push(t.error.message);
        continue;
      }
    }
    const operation = mode === 'label' ? labelMessage(object, after, overwrite) : 'annotated';
    printWritten(inv, out, type, after, operation, dryRun, printed++);
  }
  return reportErrors(inv, [...errors, ...targets.errors]);
}

/** The `kubectl label` verb. */
export function labelVerb(connect: Connect) {
  return {
    flags: flags('label'),
    short: 'Update the labels on a resource',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, 'label', connect),
  };
}

/** The `kubectl annotate` verb. */
export function annotateVerb(connect: Connect) {
  return {
    flags: flags('annotate'),
    short: 'Update the annotations on a resource',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, 'annotate', connect),
  };
}
