/**
 * Who kubectl is to the API server: the subject of the client certificate in the kubeconfig it
 * loads (CN the user name, O the groups, as the x509 authenticator reads them; every
 * authenticated user is also in system:authenticated), then `--as`/`--as-group` impersonation.
 *
 * upstream: staging/src/k8s.io/apiserver/pkg/authentication/request/x509/x509.go (CommonNameUserConversion),
 * staging/src/k8s.io/apiserver/pkg/authentication/group/authenticated_group_adder.go,
 * staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go.
 */
import { findMachine, impersonate, type Impersonated, type UserInfo } from '../../src/index.ts';
import { list, str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { kubeconfigPath } from './pki-cluster.ts';

/** The authenticated user of the kubeconfig kubectl loads (null when it holds no known certificate). */
export function kubeconfigUser(inv: Invocation, p: ParsedFlags): UserInfo | null {
  const path = kubeconfigPath(inv, str(p, 'kubeconfig'));
  const cert = path === null ? undefined : findMachine(inv.ctx.state, inv.machine)?.certs[path];
  if (!cert) return null;
  const groups = [...cert.subject.organizations];
  return { name: cert.subject.commonName, groups: [...groups, 'system:authenticated'] };
}

/** The user the request acts as, after `--as`/`--as-group`; null without a known certificate. */
export function requestUser(inv: Invocation, p: ParsedFlags): Impersonated | null {
  const user = kubeconfigUser(inv, p);
  if (user === null) return null;
  return impersonate(inv.ctx.state, user, str(p, 'as'), list(p, 'as-group'));
}
