/**
 * The Deployment controller's rolling update of CoreDNS when `kubeadm upgrade apply` changes its
 * image: the Deployment's template and revision change, a new ReplicaSet `coredns-<hash>` with
 * the next revision takes the Deployment's replicas and the old one is scaled to 0 (kept, for
 * `kubectl rollout history` and `undo`), as upstream does.
 *
 * upstream (v1.32): pkg/controller/deployment/sync.go (getNewReplicaSet: revision = max old + 1),
 * pkg/controller/deployment/rolling.go (reconcileOldReplicaSets scales the old ones to 0),
 * cmd/kubeadm/app/phases/addons/dns/dns.go (createDNSService/createCoreDNSAddon update the
 * Deployment in place).
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { coreDnsReplicaSet } from '../kubeadm/api-objects/coredns.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { putObject, putObjects } from '../store/write.ts';

type Obj = { readonly [k: string]: Json };

const revisionOf = (o: ApiObject): number =>
  Number(o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);

/** The template with its first container's image set to `image`. */
function withImage(template: Obj, image: string): Obj {
  const spec = (template['spec'] ?? {}) as Obj;
  const containers = (spec['containers'] ?? []) as readonly Obj[];
  return {
    ...template,
    spec: { ...spec, containers: containers.map((c, i) => (i === 0 ? { ...c, image } : c)) },
  };
}

/**
 * The coredns Deployment rolled to the CoreDNS version `tag` (e.g. `v1.12.1`), its Pods now in
 * ReplicaSet `coredns-<hash>`. Unchanged without a stored Deployment or when it runs `tag`.
 */
export function rollCoreDns(
  state: ClusterState,
  hash: string,
  tag: string,
  t: number,
): ClusterState {
  const c = state.cluster;
  const d = readStored(c?.objects, 'deployments.apps', 'kube-system', 'coredns');
  if (!c || !d) return state;
  const spec = (d['spec'] ?? {}) as Obj;
  const template = (spec['template'] ?? {}) as Obj;
  const first = (
    ((template['spec'] ?? {}) as Obj)['containers'] as readonly Obj[] | undefined
  )?.[0];
  const current = first?.['image'];
  const image = (typeof current === 'string' ? current : '').replace(/:[^:/]+$/, `:${tag}`);
  const owned = scanStored(c.objects, 'replicasets.apps', 'kube-system').filter(
    (rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid) === true,
  );
  const revision = Math.max(0, ...owned.map(revisionOf)) + 1;
  const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
  let s = putObject(state, 'deployments.apps', {
    ...d,
    metadata: {
      ...d.metadata,
      annotations: {
        ...d.metadata.annotations,
        'deployment.kubernetes.io/revision': String(revision),
      },
    },
    spec: { ...spec, template: withImage(template, image) },
  });
  for (const old of owned)
    s = putObject(s, 'replicasets.apps', {
      ...old,
      spec: { ...((old['spec'] ?? {}) as Obj), replicas: 0 },
    });
  const placed = coreDnsReplicaSet(
    { image, serviceSubnet: c.serviceSubnet, hash, created: formatRfc3339(t) },
    d.metadata.uid,
    revision,
  ).map(([r, o]): [string, typeof o] => [
    r,
    {
      ...o,
      metadata: {
        ...o.metadata,
        annotations: {
          ...o.metadata.annotations,
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
        },
      },
      spec: { ...((o['spec'] ?? {}) as Obj), replicas },
    },
  ]);
  return putObjects(s, placed);
}
