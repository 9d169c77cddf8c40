/**
 * Impersonation (`kubectl --as USER --as-group GROUP`): the API server first asks whether the
 * requester may impersonate that user, each group and (for a service account) that account,
 * then answers as the impersonated user with the groups the filter gives it.
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go
 * (WithImpersonation: the `impersonate` checks on users, groups and serviceaccounts; a service
 * account without explicit groups gets system:serviceaccounts and system:serviceaccounts:NS;
 * system:authenticated is added unless system:authenticated or system:unauthenticated was given,
 * system:unauthenticated to system:anonymous;
 * the Forbidden message from responsewriters.forbiddenMessage).
 */
import type { ClusterState } from '../model/state.ts';
import { authorize, type AccessRequest, type UserInfo } from './authorizer.ts';

/** The impersonated user, or the Forbidden message the API server answers with. */
export type Impersonated =
  { readonly ok: true; readonly user: UserInfo } | { readonly ok: false; readonly message: string };

const SA_PREFIX = 'system:serviceaccount:';

function check(
  state: ClusterState,
  requester: UserInfo,
  resource: string,
  name: string,
  namespace = '',
  group = '',
): string | null {
  const req: AccessRequest = {
    kind: 'resource',
    verb: 'impersonate',
    namespace,
    group,
    resource,
    subresource: '',
    name,
  };
  if (authorize(state, requester, req).allowed) return null;
  const scope = namespace === '' ? 'at the cluster scope' : `in the namespace "${namespace}"`;
  return `${resource} "${name}" is forbidden: User "${requester.name}" cannot impersonate resource "${resource}" in API group "${group}" ${scope}`;
}

/**
 * The user a request acts as: the requester itself without `as`, otherwise the impersonated
 * user when the requester may impersonate it.
 */
export function impersonate(
  state: ClusterState,
  requester: UserInfo,
  as: string | undefined,
  asGroups: readonly string[],
): Impersonated {
  if (as === undefined || as === '') return { ok: true, user: requester };
  let groups = [...asGroups];
  const sa = as.startsWith(SA_PREFIX) ? as.slice(SA_PREFIX.length).split(':') : null;
  const denied =
    sa !== null && sa.length === 2
      ? check(state, requester, 'serviceaccounts', sa[1] ?? '', sa[0] ?? '')
      : check(state, requester, 'users', as);
  if (denied !== null) return { ok: false, message: denied };
  for (const g of asGroups) {
    const d = check(state, requester, 'groups', g);
    if (d !== null) return { ok: false, message: d };
  }
  if (sa !== null && sa.length === 2 && groups.length === 0)
    groups = ['system:serviceaccounts', `system:serviceaccounts:${sa[0] ?? ''}`];
  if (as === 'system:anonymous') {
    // The anonymous user gets system:unauthenticated instead.
    if (!groups.includes('system:unauthenticated')) groups.push('system:unauthenticated');
  } else if (!groups.includes('system:authenticated') && !groups.includes('system:unauthenticated'))
    groups.push('system:authenticated');
  return { ok: true, user: { name: as, groups } };
}
