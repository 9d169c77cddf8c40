/**
 * `kubectl patch TYPE NAME… -p PATCH [--type strategic|merge|json]` on any served object: the
 * patch is applied as the API server applies it (store/patch.ts) and the result written back
 * through the object's update strategy; prints `TYPE/NAME patched` or `patched (no change)`,
 * `-o name|json|yaml`. Custom resources keep their own finalizer path (kubectl-mutate.ts).
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go (Validate: "--type must be
 * one of", "must specify --patch or --patch-file…"; RunPatch: didPatch → "(no change)"; the
 * client dry run prints no dry-run suffix, as kubectl v1.32.4 does), yaml.ToJSON for -p,
 * github.com/evanphx/json-patch/v5 error wording for client-side JSON patches.
 */
import { parse } from 'yaml';
import { applyPatch, resolveType, type ApiObject, type PatchType } from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { PATCH_FLAGS, patchObject } from './kubectl-mutate.ts';
import { renderJson } from './kubectl-print.ts';
import {
  WRITE_FLAGS,
  dryRunOf,
  printWritten,
  reportErrors,
  selectTargets,
  writeOutputOf,
  writtenObject,
} from './kubectl-write-common.ts';

const FLAGS: FlagSpec[] = [
  ...PATCH_FLAGS,
  ...WRITE_FLAGS,
  {
    name: 'patch-file',
    type: 'string',
    usage: 'A file containing a patch to be applied to the resource.',
  },
  {
    name: 'subresource',
    type: 'string',
    usage:
      'If specified, patch will operate on the subresource of the requested object. Must be one of [status scale].',
  },
];

function parsePatch(raw: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(raw) as unknown };
  } catch {
    try {
      return { value: parse(raw) as unknown };
    } catch {
      return {
        error: `error: unable to parse "${raw}": yaml: line 1: did not find expected node content`,
      };
    }
  }
}

const sorted = (o: ApiObject): string => renderJson(o);

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const type = (str(p, 'type') ?? 'strategic') as PatchType;
  if (!['json', 'merge', 'strategic'].includes(type))
    return reportErrors(inv, [`--type must be one of [json merge strategic], not "${type}"`]);
  const raw = str(p, 'patch');
  if (raw === undefined)
    return reportErrors(inv, [
      'must specify --patch or --patch-file containing the contents of the patch',
    ]);
  const dryRun = dryRunOf(p);
  if (typeof dryRun === 'object') return reportErrors(inv, [dryRun.error]);
  const out = writeOutputOf(inv, p);
  if (out.kind === 'error') return reportErrors(inv, [out.message]);
  const patch = parsePatch(raw);
  if ('error' in patch) return reportErrors(inv, [patch.error]);
  if (!connect(inv, p)) return 1;
  const first = p.positionals[0]?.split('/')[0] ?? '';
  if (resolveType(inv.ctx.state, first)?.custom === true) return patchObject(inv, p);
  if (p.positionals.length === 0)
    return reportErrors(inv, [
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    ]);
  const targets = selectTargets(inv, { ...p, values: { ...p.values, all: false } }, p.positionals);
  if ('error' in targets) return reportErrors(inv, [targets.error]);
  const errors: string[] = [];
  let printed = 0;
  for (const { type: t, object } of targets.items) {
    const r = applyPatch(object, type, patch.value);
    if (!r.ok) {
      errors.push(r.message);
      continue;
    }
    const after = r.value as ApiObject;
    const same = sorted(after) === sorted(object);
    if (dryRun === 'none' && !same) {
      const applied = inv.apply({ type: 'kubectl.object.update', resource: t.id, object: after });
      if (!applied.ok) {
        errors.push(applied.error.message);
        continue;
      }
    }
    const shown = dryRun === 'none' ? writtenObject(inv, t, after) : after;
    printWritten(inv, out, t, shown, same ? 'patched (no change)' : 'patched', 'none', printed++);
  }
  return reportErrors(inv, [...errors, ...targets.errors]);
}

/** The `kubectl patch` verb. */
export function patchVerb(connect: Connect) {
  return {
    flags: FLAGS,
    short: 'Update fields of a resource',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
