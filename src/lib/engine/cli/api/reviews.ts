/**
 * The review APIs kubectl's `auth` commands create: SelfSubjectAccessReview (`auth can-i`),
 * SelfSubjectRulesReview (`auth can-i --list`) and SelfSubjectReview (`auth whoami`), answered
 * by the engine's RBAC authorizer for the client certificate's user, after impersonation
 * (Impersonate-User / Impersonate-Group headers, what `--as` and `--as-group` send). Bodies come
 * as JSON or, from kubectl's typed clients, as Kubernetes protobuf.
 *
 * upstream: pkg/registry/authorization/selfsubjectaccessreview/rest.go,
 * pkg/registry/authorization/selfsubjectrulesreview/rest.go,
 * pkg/registry/authentication/selfsubjectreview/rest.go,
 * staging/src/k8s.io/api/authorization/v1/generated.proto (field numbers).
 */
import {
  authorize,
  impersonate,
  rulesReview,
  type AccessRequest,
  type ClusterState,
  type UserInfo,
} from '../../src/index.ts';
import { fields, text } from './protobuf-meta.ts';
import {
  status,
  type ApiRequest,
  type ApiResponse,
  type ResourcePath,
} from '../../shell/api/status.ts';

type Obj = Record<string, unknown>;
const EMPTY = new Uint8Array();

/** The review's spec as JSON, whichever encoding the client sent. */
function specOf(req: ApiRequest, kind: string): Obj {
  const raw = req.raw;
  if (raw.length >= 4 && text(raw.subarray(0, 4)) === 'k8s\0') {
    const spec = fields(fields(fields(raw.subarray(4)).get(2) ?? EMPTY).get(2) ?? EMPTY);
    if (kind === 'SelfSubjectRulesReview') return { namespace: text(spec.get(1)) };
    const res = spec.get(1);
    if (res !== undefined) {
      const f = fields(res);
      return {
        resourceAttributes: {
          namespace: text(f.get(1)),
          verb: text(f.get(2)),
          group: text(f.get(3)),
          version: text(f.get(4)),
          resource: text(f.get(5)),
          subresource: text(f.get(6)),
          name: text(f.get(7)),
        },
      };
    }
    const non = fields(spec.get(2) ?? EMPTY);
    return { nonResourceAttributes: { path: text(non.get(1)), verb: text(non.get(2)) } };
  }
  try {
    const body = JSON.parse(req.body) as Obj;
    return (body['spec'] ?? {}) as Obj;
  } catch {
    return {};
  }
}

const s = (o: unknown, k: string): string => {
  const v = (o as Obj | undefined)?.[k];
  return typeof v === 'string' ? v : '';
};

function accessRequest(spec: Obj): AccessRequest {
  const r = spec['resourceAttributes'];
  if (r !== undefined && r !== null)
    return {
      kind: 'resource',
      verb: s(r, 'verb'),
      namespace: s(r, 'namespace'),
      group: s(r, 'group'),
      resource: s(r, 'resource'),
      subresource: s(r, 'subresource'),
      name: s(r, 'name'),
    };
  const n = spec['nonResourceAttributes'];
  return { kind: 'nonResource', verb: s(n, 'verb'), path: s(n, 'path') };
}

const KINDS: Readonly<Record<string, string>> = {
  'authorization.k8s.io/selfsubjectaccessreviews': 'SelfSubjectAccessReview',
  'authorization.k8s.io/selfsubjectrulesreviews': 'SelfSubjectRulesReview',
  'authentication.k8s.io/selfsubjectreviews': 'SelfSubjectReview',
};

/**
 * The answer to a POST of a self review, or null when the request is not one. `requester` is
 * the authenticated user of the client certificate.
 */
export function answerReview(
  state: ClusterState,
  req: ApiRequest,
  p: ResourcePath,
  requester: UserInfo,
): ApiResponse | null {
  const kind = KINDS[`${p.group}/${p.plural}`];
  if (req.method !== 'POST' || kind === undefined || p.name !== null) return null;
  const who = impersonate(state, requester, req.impersonateUser, req.impersonateGroups ?? []);
  if (!who.ok) return status(403, 'Forbidden', who.message, {});
  const user = who.user;
  const spec = specOf(req, kind);
  const head = { kind, apiVersion: `${p.group}/${p.version}`, metadata: {} };
  if (kind === 'SelfSubjectReview')
    return {
      status: 201,
      body: { ...head, status: { userInfo: { username: user.name, groups: user.groups } } },
    };
  if (kind === 'SelfSubjectRulesReview') {
    const r = rulesReview(state, user, s(spec, 'namespace'));
    return {
      status: 201,
      body: {
        ...head,
        spec,
        status: {
          resourceRules: r.resourceRules,
          nonResourceRules: r.nonResourceRules,
          incomplete: r.incomplete,
          ...(r.evaluationError !== undefined ? { evaluationError: r.evaluationError } : {}),
        },
      },
    };
  }
  const d = authorize(state, user, accessRequest(spec));
  return {
    status: 201,
    body: {
      ...head,
      spec,
      status: { allowed: d.allowed, ...(d.reason !== '' ? { reason: d.reason } : {}) },
    },
  };
}
