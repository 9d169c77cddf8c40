/**
 * kubeadm init's writes to the API, one function per phase that makes them (called from the
 * phases in kubeadm/init.ts, so `kubeadm init phase …` creates the same objects). Each puts the
 * objects in the store with the phase's clock as their creationTimestamp.
 */
import type { ClusterState } from '../../model/state.ts';
import { formatRfc3339 } from '../../clock.ts';
import { imagesFor } from '../../model/releases.ts';
import { readStored } from '../../store/buckets.ts';
import { putObjects } from '../../store/write.ts';
import { apiserverObjects } from './apiserver.ts';
import { bootstrapPolicyObjects } from './bootstrap-policy.ts';
import { controllerServiceAccountObjects } from '../../objects/controller-service-accounts.ts';
import { coreDnsObjects, coreDnsReplicaSet } from './coredns.ts';
import { kubeProxyObjects } from './kube-proxy.ts';
import type { Placed } from './manifest.ts';
import {
  bootstrapTokenRbac,
  clusterAdminsBinding,
  kubeadmConfigRbac,
  kubeletConfigRbac,
} from './rbac.ts';

function minorOf(state: ClusterState): number {
  return Number(state.cluster?.version.replace(/^v/, '').split('.')[1] ?? 0);
}

function image(state: ClusterState, component: string): string {
  const images = imagesFor(state.cluster?.version ?? 'v1.0.0');
  const found = images.find((i) => i.includes(`/${component}:`)) ?? '';
  const tag = state.cluster?.coreDNSVersion;
  return component === 'coredns' && tag ? found.replace(/:[^:]+$/, `:${tag}`) : found;
}

/**
 * The apiserver's Service, PriorityClasses and bootstrap RBAC policy, (v1.29+)
 * kubeadm:cluster-admins, and kube-controller-manager's ServiceAccounts.
 */
export function storeControlPlaneObjects(state: ClusterState, t: number): ClusterState {
  const c = state.cluster;
  if (!c) return state;
  const at = formatRfc3339(t);
  return putObjects(state, [
    ...apiserverObjects(c.serviceSubnet, at),
    ...bootstrapPolicyObjects(at, minorOf(state)),
    ...(minorOf(state) >= 29 ? clusterAdminsBinding(at) : []),
    ...controllerServiceAccountObjects(at, minorOf(state)),
  ]);
}

/** upload-config/kubeadm or upload-config/kubelet's Role and RoleBinding. */
export function storeUploadConfigRbac(
  state: ClusterState,
  t: number,
  which: 'kubeadm' | 'kubelet',
): ClusterState {
  const at = formatRfc3339(t);
  return putObjects(state, which === 'kubeadm' ? kubeadmConfigRbac(at) : kubeletConfigRbac(at));
}

/** The bootstrap-token phase's RBAC. */
export function storeBootstrapTokenRbac(state: ClusterState, t: number): ClusterState {
  return putObjects(state, bootstrapTokenRbac(formatRfc3339(t)));
}

function annotate(p: Placed, annotations: Readonly<Record<string, string>>): Placed {
  const [r, o] = p;
  return [
    r,
    {
      ...o,
      metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, ...annotations } },
    },
  ];
}

/**
 * The CoreDNS add-on and the ReplicaSet `coredns-<hash>` the deployment controller makes for it
 * (the Pods' names carry the same hash).
 */
export function storeCoreDns(state: ClusterState, t: number, hash: string): ClusterState {
  const c = state.cluster;
  if (!c) return state;
  const input = {
    image: image(state, 'coredns'),
    serviceSubnet: c.serviceSubnet,
    hash,
    created: formatRfc3339(t),
  };
  const placed = coreDnsObjects(input).map((p) =>
    p[1].kind === 'Deployment' ? annotate(p, { 'deployment.kubernetes.io/revision': '1' }) : p,
  );
  const next = putObjects(state, placed);
  const deployment = readStored(
    next.cluster?.objects,
    'deployments.apps',
    'kube-system',
    'coredns',
  );
  return putObjects(next, coreDnsReplicaSet(input, deployment?.metadata.uid ?? '', 1));
}

/** The kube-proxy add-on (the DaemonSet carries its template generation, as the registry sets it). */
export function storeKubeProxy(state: ClusterState, t: number): ClusterState {
  const placed = kubeProxyObjects(image(state, 'kube-proxy'), formatRfc3339(t)).map((p) =>
    p[1].kind === 'DaemonSet'
      ? annotate(p, { 'deprecated.daemonset.template.generation': '1' })
      : p,
  );
  return putObjects(state, placed);
}

/**
 * The bootstrap RBAC objects and controller ServiceAccounts of the cluster's minor that the
 * store lacks, created at `t`: kube-apiserver's rbac/bootstrap-roles hook creates missing
 * defaults at every start, kube-controller-manager the accounts of its controllers, so a
 * cluster saved before the store kept them, or a control plane upgraded to a minor with new
 * controllers, gets them. Cheap when nothing is missing (one read per object).
 */
export function storeMissingBootstrapPolicy(state: ClusterState, t: number): ClusterState {
  const objects = state.cluster?.objects;
  if (!objects || !readStored(objects, 'services', 'default', 'kubernetes')) return state;
  const at = formatRfc3339(t);
  const wanted = [
    ...bootstrapPolicyObjects(at, minorOf(state)),
    ...controllerServiceAccountObjects(at, minorOf(state)),
  ];
  const missing = wanted.filter(
    ([resource, o]) =>
      !readStored(objects, resource, o.metadata.namespace ?? null, o.metadata.name),
  );
  return missing.length === 0 ? state : putObjects(state, missing);
}
