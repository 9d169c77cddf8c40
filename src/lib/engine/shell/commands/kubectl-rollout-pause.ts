/**
 * `kubectl rollout pause|resume TYPE/NAME…`: sets or clears a Deployment's spec.paused (the
 * Deployment controller then leaves a changed template alone until it is resumed). A Deployment
 * already in that state is an error for that object, other kinds do not support it; every
 * object is tried and the errors are reported together at the end.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_pause.go and
 * rollout_resume.go (RunPause/RunResume: `error: %s %q %v` with the resource and its group),
 * staging/src/k8s.io/kubectl/pkg/polymorphichelpers/objectpauser.go ("is already paused",
 * "pausing is not supported"), objectresumer.go ("is not paused", "resuming is not supported").
 */
import type { ApiObject, ApiResourceType } from '../../src/index.ts';
import type { ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { printWritten, reportErrors, writeOutputOf } from './kubectl-write-common.ts';

type Obj = Record<string, unknown>;

/** The objects a rollout subcommand names, or the error to print. */
export type RolloutTargets = (
  inv: Invocation,
  p: ParsedFlags,
  args: readonly string[],
) => Array<{ type: ApiResourceType; object: ApiObject }> | { error: string };

/** `kubectl rollout pause` (`pause` true) or `resume` (false). */
export function pauseOrResume(
  inv: Invocation,
  p: ParsedFlags,
  args: readonly string[],
  pause: boolean,
  targets: RolloutTargets,
): number {
  // PauseOptions.Validate / ResumeOptions.Validate.
  if (args.length === 0) return reportErrors(inv, ['required resource not specified']);
  const found = targets(inv, p, args);
  if ('error' in found) return reportErrors(inv, [found.error]);
  const out = writeOutputOf(inv, p);
  if (out.kind === 'error') return reportErrors(inv, [out.message]);
  const verb = pause ? 'pausing' : 'resuming';
  const errors: string[] = [];
  let i = 0;
  for (const { type, object } of found) {
    const resource = type.group === '' ? type.plural : `${type.plural}.${type.group}`;
    const spec = (object['spec'] ?? {}) as Obj;
    const why =
      type.kind !== 'Deployment'
        ? `${verb} is not supported`
        : (spec['paused'] === true) === pause
          ? pause
            ? 'is already paused'
            : 'is not paused'
          : null;
    if (why !== null) {
      errors.push(`error: ${resource} "${object.metadata.name}" ${why}`);
      continue;
    }
    const { paused: _was, ...rest } = spec;
    const after = {
      ...object,
      spec: pause ? { ...spec, paused: true } : rest,
    } as unknown as ApiObject;
    const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
    if (!t.ok) {
      errors.push(`failed to patch: ${t.error.message}`);
      continue;
    }
    printWritten(inv, out, type, after, pause ? 'paused' : 'resumed', 'none', i++);
  }
  return reportErrors(inv, errors);
}
