/**
 * The scale subresource (`…/deployments/NAME/scale`): kubectl scale PATCHes spec.replicas there;
 * the change goes through the simulator's own `kubectl scale`, and the answer is the
 * autoscaling/v1 Scale of the object afterwards.
 *
 * upstream: pkg/registry/apps/deployment/storage/storage.go (ScaleREST, scaleFromDeployment),
 * staging/src/k8s.io/kubectl/pkg/scale/scale.go (the merge patch `{"spec":{"replicas":N}}`).
 */
import { getObject, type ApiObject, type ClusterState } from '../../src/index.ts';
import type { Session } from '../../shell/index.ts';
import {
  status,
  type ApiRequest,
  type ApiResponse,
  type ResourcePath,
} from '../../shell/api/status.ts';

type Obj = Record<string, unknown>;

function replicasOf(body: string): number | null {
  try {
    const v = JSON.parse(body) as Obj | Obj[];
    if (Array.isArray(v)) {
      const op = v.find((x) => x['path'] === '/spec/replicas');
      return typeof op?.['value'] === 'number' ? op['value'] : null;
    }
    const r = (v['spec'] as Obj | undefined)?.['replicas'];
    return typeof r === 'number' ? r : null;
  } catch {
    return null;
  }
}

/** The Scale object of a scalable object. */
export function scaleOf(o: ApiObject): Obj {
  const spec = (o['spec'] ?? {}) as Obj;
  const st = (o['status'] ?? {}) as Obj;
  const labels = ((spec['selector'] as Obj | undefined)?.['matchLabels'] ?? {}) as Record<
    string,
    string
  >;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: spec['replicas'] ?? 1 },
    status: {
      replicas: st['replicas'] ?? 0,
      selector: Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    },
  };
}

/** Applies a PATCH of the scale subresource. */
export async function scaleFromRequest(
  session: Session,
  state: ClusterState,
  req: ApiRequest,
  p: ResourcePath,
): Promise<ApiResponse> {
  const id = p.group === '' ? p.plural : `${p.plural}.${p.group}`;
  const name = p.name ?? '';
  if (!getObject(state, id, p.namespace, name))
    return status(404, 'NotFound', `${id} "${name}" not found`, {
      name,
      group: p.group,
      kind: p.plural,
    });
  const replicas = replicasOf(req.body);
  if (replicas === null) return status(400, 'BadRequest', 'the patch does not set spec.replicas');
  const ns = p.namespace !== null ? ` -n ${p.namespace}` : '';
  if (req.query.get('dryRun') === null) {
    const r = await session.run(`kubectl scale ${id} ${name}${ns} --replicas=${replicas}`);
    if (r.exitCode !== 0) return status(500, 'InternalError', r.output.trim());
  }
  const after = getObject(session.save().state, id, p.namespace, name);
  return { status: 200, body: after ? scaleOf(after) : {} };
}
