/**
 * `kubectl scale --replicas=N TYPE NAME|TYPE/NAME …`: sets spec.replicas of Deployments,
 * ReplicaSets and StatefulSets (the scale subresource); the workload controllers then add or
 * remove Pods (controllers/workloads.ts). Prints `deployment.apps/web scaled`.
 *
 * upstream (v1.32): staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go (Validate: "The
 * --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0"; RunScale:
 * "no objects passed to scale", the `scaled` operation), staging/src/k8s.io/kubectl/pkg/scale.
 */
import type { ApiObject } from '../../src/index.ts';
import { str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { resolveArg, selectObjects, typeArgs } from './kubectl-get-select.ts';
import {
  SELECT_FLAGS,
  WRITE_FLAGS,
  dryRunOf,
  printWritten,
  reportErrors,
  writeOutputOf,
} from './kubectl-write-common.ts';
import { intFlagValue } from '../go-parse-int.ts';

const FLAGS: FlagSpec[] = [
  ...WRITE_FLAGS,
  ...SELECT_FLAGS,
  { name: 'replicas', type: 'string', usage: 'The new desired number of replicas. Required.' },
  {
    name: 'current-replicas',
    type: 'string',
    usage:
      'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
  },
  {
    name: 'resource-version',
    type: 'string',
    usage:
      'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
  },
  {
    name: 'timeout',
    type: 'string',
    usage:
      "The length of time to wait before giving up on a scale operation, zero means don't wait.",
  },
  {
    name: 'filename',
    short: 'f',
    type: 'strings',
    usage: 'Filename, directory, or URL to files identifying the resource to set a new size',
  },
];

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

const SCALABLE = new Set([
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'replicationcontrollers',
]);

function run(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  const text = str(p, 'replicas');
  if (text === undefined) return reportErrors(inv, ['required flag(s) "replicas" not set']);
  // --replicas is an IntVar.
  const parsed = intFlagValue(text, '--replicas', 'kubectl scale');
  if ('error' in parsed) return reportErrors(inv, [parsed.error]);
  const replicas = parsed.value;
  if (replicas < 0)
    return reportErrors(inv, [
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    ]);
  if (p.positionals.length === 0) return reportErrors(inv, [NO_RESOURCES]);
  const dryRun = dryRunOf(p);
  if (typeof dryRun === 'object') return reportErrors(inv, [dryRun.error]);
  const out = writeOutputOf(inv, p);
  if (out.kind === 'error') return reportErrors(inv, [out.message]);
  const args = typeArgs(p.positionals);
  if (!args.ok) return reportErrors(inv, [args.message]);
  if (!connect(inv, p)) return 1;
  const namespace = str(p, 'namespace') ?? 'default';
  const current = str(p, 'current-replicas');
  let printed = 0;
  const errors: string[] = [];
  for (const req of args.requests) {
    const resolved = resolveArg(inv.ctx.state, req.arg);
    if (!resolved.ok) return reportErrors(inv, [resolved.message]);
    for (const type of resolved.types) {
      const s = selectObjects(inv.ctx.state, type, req.names, { namespace });
      if ('error' in s) return reportErrors(inv, [s.error]);
      const missing = s.missing[0];
      if (missing !== undefined)
        return reportErrors(inv, [`no objects passed to scale ${type.id} "${missing}" not found`]);
      for (const object of s.objects) {
        if (!SCALABLE.has(type.id)) {
          errors.push(
            `cannot scale ${type.id}/${object.metadata.name}: could not find the requested resource`,
          );
          continue;
        }
        const spec = (object['spec'] ?? {}) as Record<string, unknown>;
        if (
          current !== undefined &&
          current !== '-1' &&
          Number(current) !== Number(spec['replicas'] ?? 1)
        ) {
          errors.push(
            `Expected replicas to be ${current}, was ${JSON.stringify(spec['replicas'] ?? 1)}`,
          );
          continue;
        }
        const after = { ...object, spec: { ...spec, replicas } } as unknown as ApiObject;
        if (dryRun === 'none' && spec['replicas'] !== replicas) {
          const t = inv.apply({ type: 'kubectl.object.update', resource: type.id, object: after });
          if (!t.ok) {
            errors.push(t.error.message);
            continue;
          }
        }
        // scale.go RunScale prints info.Object: the object as it was read, before the scale.
        printWritten(inv, out, type, object, 'scaled', dryRun, printed++);
      }
    }
  }
  return reportErrors(inv, errors);
}

/** The `kubectl scale` verb. */
export function scaleVerb(connect: Connect) {
  return {
    flags: FLAGS,
    short: 'Set a new size for a deployment, replica set, or replication controller',
    run: (inv: Invocation, p: ParsedFlags) => run(inv, p, connect),
  };
}
