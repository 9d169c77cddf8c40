/**
 * Where each kind keeps its Pod spec, for the `kubectl set` subcommands that edit it.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/updatepodspec.go.
 */
import type { ApiObject, Json } from '../../src/index.ts';

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
