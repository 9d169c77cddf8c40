/**
 * Where each kind keeps its Pod spec, and the write of the `kubectl set` subcommands that edit it.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/updatepodspec.go.
 */
import type { ApiObject, Json } from '../../src/index.ts';
import type { Invocation } from '../types.ts';
import { renderJson } from './kubectl-print.ts';
import {
  printWritten,
  writtenObject,
  type DryRun,
  type Targets,
  type WriteOutput,
} from './kubectl-write-common.ts';

type Obj = { [k: string]: Json };

/** The keys leading to the kind's Pod spec, or null for a kind without one. */
export function podSpecPath(kind: string): readonly string[] | null {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Job':
    case 'ReplicationController':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return null;
  }
}

/** A deep copy of the object and the Pod spec inside the copy, to edit in place. */
export function editablePodSpec(
  o: ApiObject,
  path: readonly string[],
): { copy: ApiObject; spec: Obj } {
  const copy = JSON.parse(JSON.stringify(o)) as ApiObject & Obj;
  let spec: Obj = copy;
  for (const key of path) spec = (spec[key] ?? {}) as Obj;
  return { copy, spec };
}

/**
 * The write of a `kubectl set` subcommand (set_image.go, set_resources.go Run): for each target,
 * its Pod spec edited by `edit` (which returns its errors and whether it changed anything it
 * should write), written back unless dry-run, and printed with `operation` (`image updated`);
 * an object left as it was prints nothing. Returns every error, in visiting order.
 */
export function writePodSpecEdits(
  inv: Invocation,
  opts: { readonly dryRun: DryRun; readonly out: WriteOutput },
  targets: Targets,
  edit: (spec: Obj) => { errors: string[]; write: boolean },
  operation: string,
  failure: string,
): string[] {
  const errors: string[] = [];
  let printed = 0;
  for (const { type, object } of targets.items) {
    const path = podSpecPath(object.kind);
    if (path === null) {
      errors.push(
        `error: ${type.namePrefix}/${object.metadata.name} the object is not a pod or does not have a pod template: *v1.${object.kind}`,
      );
      continue;
    }
    const { copy: after, spec } = editablePodSpec(object, path);
    const result = edit(spec);
    errors.push(...result.errors);
    if (!result.write || renderJson(after) === renderJson(object)) continue;
    if (opts.dryRun === 'none') {
      const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
      if (!t.ok) {
        errors.push(`${failure}${t.error.message}`);
        continue;
      }
    }
    const shown = opts.dryRun === 'none' ? writtenObject(inv, type, after) : after;
    printWritten(inv, opts.out, type, shown, operation, opts.dryRun, printed++);
  }
  return [...errors, ...targets.errors];
}
