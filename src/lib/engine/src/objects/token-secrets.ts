/**
 * Objects kept for kubeadm's token records and the namespaces (written to the store by
 * controllers/publishers.ts when they change): the bootstrap-token Secrets
 * (cmd/kubeadm/app/apis/bootstraptoken/v1/utils.go BootstrapTokenToSecret; an expired token's
 * Secret is deleted by kube-controller-manager's tokencleaner), the kubeadm-certs Secret of
 * `--upload-certs` (cmd/kubeadm/app/phases/copycerts/copycerts.go; garbage-collected with the
 * short-lived token that owns it, 2h), and each namespace's `default` ServiceAccount (the
 * serviceaccounts controller; no token Secret since v1.24).
 */
import { namespaceNames } from '../state/namespaces.ts';
import type { ClusterState } from '../model/state.ts';
import type { NewObject } from '../store/types.ts';
import { formatRfc3339 } from '../clock.ts';
import { hash64 } from '../etcd/model.ts';
import { usesExternalEtcd } from '../etcd/model.ts';
import { tokenValid } from '../kubeadm/tokens.ts';
import { toBase64 } from '../pki/der.ts';
import { namespaceMeta } from '../kubectl/objects.ts';

/** Metadata of an object its writer creates at `at`. */
function created(name: string, namespace: string, at: number): NewObject['metadata'] {
  return { creationTimestamp: formatRfc3339(at), name, namespace };
}

// Every value here is ASCII, so one byte per character.
const b64 = (s: string): string => toBase64(Uint8Array.from(s, (ch) => ch.charCodeAt(0)));

/**
 * The Secret `kube-system/bootstrap-token-<id>` of every valid token, and kubeadm-certs while its
 * key lives; `start()` is when the cluster started (a token without TTL is dated from it).
 */
export function bootstrapTokenSecrets(state: ClusterState, start: () => number): NewObject[] {
  const c = state.cluster;
  if (!c) return [];
  const tokens = c.tokens.filter((t) => tokenValid(t, state.now));
  const secrets = tokens.map((t) => {
    const data: Record<string, string> = {
      'auth-extra-groups': b64(t.groups.join(',')),
      ...(t.description !== '' ? { description: b64(t.description) } : {}),
      ...(t.expires !== null ? { expiration: b64(formatRfc3339(t.expires)) } : {}),
      'token-id': b64(t.id),
      'token-secret': b64(t.secret),
      ...Object.fromEntries(t.usages.map((u) => [`usage-bootstrap-${u}`, b64('true')])),
    };
    return {
      apiVersion: 'v1',
      data,
      kind: 'Secret',
      metadata: created(
        `bootstrap-token-${t.id}`,
        'kube-system',
        t.expires === null ? start() : state.now,
      ),
      type: 'bootstrap.kubernetes.io/token',
    };
  });
  const key = c.certificateKey;
  if (key && key.expires > state.now) {
    const files = [
      'ca.crt',
      'ca.key',
      ...(usesExternalEtcd(state)
        ? ['external-etcd-ca.crt', 'external-etcd.crt', 'external-etcd.key']
        : ['etcd-ca.crt', 'etcd-ca.key']),
      'front-proxy-ca.crt',
      'front-proxy-ca.key',
      'sa.key',
      'sa.pub',
    ].sort();
    // The values are AES-GCM ciphertexts under the certificate key; not modelled byte for byte.
    const data = Object.fromEntries(
      files.map((f) => [f, b64(`${hash64(`${key.key}/${f}`)}${hash64(`${f}/${key.key}`)}`)]),
    );
    secrets.push({
      apiVersion: 'v1',
      data,
      kind: 'Secret',
      metadata: created('kubeadm-certs', 'kube-system', key.expires - 2 * 3600 * 1000),
      type: 'Opaque',
    });
  }
  return secrets;
}

/** The `default` ServiceAccount of every namespace. */
export function defaultServiceAccounts(state: ClusterState): NewObject[] {
  return namespaceNames(state).map((ns) => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: created('default', ns, namespaceMeta(state, ns).createdAt),
  }));
}
