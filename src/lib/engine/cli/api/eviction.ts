/**
 * The eviction subresource (`POST …/namespaces/NS/pods/NAME/eviction`): one Pod per request,
 * decided by the simulator's API server (`kubelife evict`, src/workloads/pod-eviction.ts) on the
 * session, so an HTTP client and the shell change one state. Answers the metav1.Status the API
 * server writes: 201 Success, 429 TooManyRequests with the DisruptionBudget cause, 404, 500 for
 * a Pod with several budgets. The Eviction body (JSON or protobuf) names the Pod and may carry
 * deleteOptions.dryRun; `?dryRun=All` does the same.
 *
 * upstream: pkg/registry/core/pod/storage/eviction.go (Create: "name in URL does not match name
 * in Eviction object", propagateDryRun), staging/src/k8s.io/apiserver/pkg/endpoints/handlers/
 * create.go (a returned Status sets the response code).
 */
import type { Session } from '../../shell/index.ts';
import { protobufDryRun, protobufGracePeriod, protobufMeta } from './protobuf-meta.ts';
import {
  status,
  type ApiRequest,
  type ApiResponse,
  type ResourcePath,
} from '../../shell/api/status.ts';

type Obj = Record<string, unknown>;

/** What an Eviction says: its name, its deleteOptions' dry run and grace period. */
interface EvictionBody {
  readonly name: string | null;
  readonly dryRun: boolean;
  readonly grace?: number | undefined;
}

/** The Eviction's name and what its deleteOptions ask for. */
function evictionBody(req: ApiRequest): EvictionBody | null {
  const meta = protobufMeta(req.raw);
  // The Eviction's field 2 is its DeleteOptions.
  if (meta)
    return {
      name: meta.name,
      dryRun: protobufDryRun(req.raw, [2]),
      grace: protobufGracePeriod(req.raw, [2]),
    };
  let v: unknown;
  try {
    v = JSON.parse(req.body);
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const name = ((v as Obj)['metadata'] as Obj | undefined)?.['name'];
  const options = ((v as Obj)['deleteOptions'] ?? {}) as Obj;
  const dry = options['dryRun'];
  const grace = options['gracePeriodSeconds'];
  return {
    name: typeof name === 'string' ? name : null,
    dryRun: Array.isArray(dry) && dry.length > 0,
    grace: typeof grace === 'number' ? grace : undefined,
  };
}

/** Answers one eviction request. */
export async function evictFromRequest(
  session: Session,
  req: ApiRequest,
  p: ResourcePath,
): Promise<ApiResponse> {
  const body = evictionBody(req);
  if (!body) return status(400, 'BadRequest', 'the body of the request was not an Eviction');
  const name = p.name ?? '';
  if (body.name !== name)
    return status(400, 'BadRequest', 'name in URL does not match name in Eviction object');
  const dryRun = body.dryRun || req.query.get('dryRun') !== null;
  const shell = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const r = await session.run(
    `kubelife evict ${shell(`${p.namespace ?? 'default'}/${name}`)}${dryRun ? ' --dry-run' : ''}${body.grace !== undefined ? ` --grace-period=${body.grace}` : ''}`,
  );
  let answer: Obj;
  try {
    answer = JSON.parse(r.stdout) as Obj;
  } catch {
    return status(500, 'InternalError', r.output.trim());
  }
  return { status: typeof answer['code'] === 'number' ? answer['code'] : 500, body: answer };
}
