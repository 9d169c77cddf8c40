/**
 * The TokenRequest subresource (`POST …/serviceaccounts/NAME/token`, what `kubectl create token`
 * sends): the token comes from the simulator's own `kubectl create token`, wrapped in the
 * authentication.k8s.io/v1 TokenRequest the API server answers with.
 *
 * upstream: pkg/registry/core/serviceaccount/storage/token.go (TokenREST.Create: default
 * expirationSeconds 3600, status.token and expirationTimestamp).
 */
import { formatRfc3339, getObject, type ClusterState } from '../../src/index.ts';
import type { Session } from '../../shell/index.ts';
import { protobufObject } from './protobuf-object.ts';
import {
  status,
  type ApiRequest,
  type ApiResponse,
  type ResourcePath,
} from '../../shell/api/status.ts';

type Obj = Record<string, unknown>;

function spec(req: ApiRequest): Obj {
  try {
    const v = JSON.parse(req.body) as Obj;
    return (v['spec'] ?? {}) as Obj;
  } catch {
    return ((protobufObject(req.raw) ?? {})['spec'] ?? {}) as Obj;
  }
}

/** Issues a token for a service account. */
export async function tokenFromRequest(
  session: Session,
  state: ClusterState,
  req: ApiRequest,
  p: ResourcePath,
): Promise<ApiResponse> {
  const ns = p.namespace ?? 'default';
  const name = p.name ?? '';
  if (!getObject(state, 'serviceaccounts', ns, name))
    return status(404, 'NotFound', `serviceaccounts "${name}" not found`, {
      name,
      kind: 'serviceaccounts',
    });
  const s = spec(req);
  const seconds = typeof s['expirationSeconds'] === 'number' ? s['expirationSeconds'] : 3600;
  const audiences = Array.isArray(s['audiences']) ? (s['audiences'] as string[]) : [];
  const aud = audiences.map((a) => ` --audience=${a}`).join('');
  const r = await session.run(`kubectl create token ${name} -n ${ns} --duration=${seconds}s${aud}`);
  if (r.exitCode !== 0) return status(500, 'InternalError', r.output.trim());
  const now = session.save().state.now;
  return {
    status: 201,
    body: {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name, namespace: ns, creationTimestamp: null },
      spec: {
        audiences:
          audiences.length > 0 ? audiences : ['https://kubernetes.default.svc.cluster.local'],
        expirationSeconds: seconds,
        boundObjectRef: null,
      },
      status: { token: r.stdout.trim(), expirationTimestamp: formatRfc3339(now + seconds * 1000) },
    },
  };
}
