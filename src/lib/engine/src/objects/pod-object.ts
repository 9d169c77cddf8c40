/**
 * Pod objects (static Pods' mirror Pods, kube-proxy, CoreDNS, flannel) as the API serves them,
 * derived from the cluster's pod records and the views' status (views/cluster.ts).
 * upstream: k8s.io/api/core/v1 Pod; kubeadm's static Pod manifests; addons/dns/manifests.go.
 */
import { findNode, nodeUid } from '../state/nodes.ts';
import { findPod, podRecordLabels, storedPodObject } from '../state/pods.ts';
import type { ClusterState, PodObject } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { imagesFor } from '../model/releases.ts';
import { listPods } from '../views/cluster.ts';
import { meta, uid } from './legacy-meta.ts';
import { readStored } from '../store/buckets.ts';

import { findMachine } from '../state/machines.ts';
import { hash64 } from '../etcd/model.ts';
import { systemPodTolerations } from './pod-tolerations.ts';
import { podReadyCondition } from '../workloads/pod-conditions.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { systemPodSpec } from './system-pod-spec.ts';
import { runtimeStatusFields } from '../workloads/container-status.ts';

type Obj = Record<string, unknown>;

/** Resource requests/limits of each workload's container (kubeadm manifests, coredns, kube-flannel.yml). */
export const POD_RESOURCES: Readonly<Record<PodObject['app'], Obj>> = {
  etcd: { requests: { cpu: '100m', memory: '100Mi' } },
  'kube-apiserver': { requests: { cpu: '250m' } },
  'kube-controller-manager': { requests: { cpu: '200m' } },
  'kube-scheduler': { requests: { cpu: '100m' } },
  coredns: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
  'kube-proxy': {},
  'kube-flannel': { requests: { cpu: '100m', memory: '50Mi' } },
};

const STATIC = new Set(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);
/** The image of kube-flannel.yml's DaemonSet (flannel v0.27.4 release manifest). */
const FLANNEL_IMAGE = 'ghcr.io/flannel-io/flannel:v0.27.4';

/** The image a pod's container runs (its static Pod manifest, else the release's image). */
export function podImage(state: ClusterState, p: PodObject): string {
  const c = state.cluster;
  if (p.app === 'kube-flannel') return FLANNEL_IMAGE;
  // A static Pod runs what its manifest on that node says (differs per node mid-upgrade).
  const machine = p.node ? findNode(state, p.node)?.machine : undefined;
  const manifest = machine
    ? findMachine(state, machine)?.files[`/etc/kubernetes/manifests/${p.app}.yaml`]
    : undefined;
  const fromManifest = manifest ? /image: (\S+)/.exec(manifest)?.[1] : undefined;
  if (fromManifest) return fromManifest;
  // A CoreDNS Pod runs its ReplicaSet's template (`kubectl set image` rolls a new one).
  if (p.app === 'coredns') {
    const rs = readStored(
      c?.objects,
      'replicasets.apps',
      p.namespace,
      p.name.replace(/-[^-]*$/, ''),
    );
    const spec = (rs?.['spec'] as { template?: { spec?: { containers?: { image?: string }[] } } })
      ?.template?.spec?.containers?.[0]?.image;
    if (typeof spec === 'string' && spec !== '') return spec;
  }
  const images = imagesFor(c?.version ?? 'v1.0.0');
  const prefix = p.app === 'coredns' ? '/coredns:' : `/${p.app}:`;
  return images.find((i) => i.includes(prefix)) ?? '';
}

/** The uid of a Pod's owner: the stored object's, or (older saved states) one derived from `seed`. */
function ownerUid(
  state: ClusterState,
  resource: string,
  namespace: string,
  name: string,
  seed: string,
): string {
  return readStored(state.cluster?.objects, resource, namespace, name)?.metadata.uid ?? uid(seed);
}

/**
 * A static Pod's mirror annotations (pkg/kubelet/types/pod_update.go): the kubelet's hash of the
 * manifest's Pod (md5, 32 hex digits; here a hash of the manifest text), repeated as
 * config.mirror, which is how kubectl drain recognises a mirror Pod (pkg/drain/filters.go).
 */
function mirrorAnnotations(state: ClusterState, p: PodObject): Record<string, string> {
  const machine = p.node ? findNode(state, p.node)?.machine : undefined;
  const manifest =
    (machine
      ? findMachine(state, machine)?.files[`/etc/kubernetes/manifests/${p.app}.yaml`]
      : undefined) ?? p.name;
  const hash = (hash64(manifest) + hash64(`${manifest}#2`)).slice(0, 32);
  return {
    'kubernetes.io/config.hash': hash,
    'kubernetes.io/config.mirror': hash,
    'kubernetes.io/config.source': 'file',
  };
}

/** The workload whose template made a controller-made Pod (none for mirror Pods). */
function ownerWorkload(state: ClusterState, p: PodObject): ApiObject | undefined {
  const store = state.cluster?.objects;
  if (p.app === 'coredns')
    return readStored(store, 'replicasets.apps', p.namespace, p.name.replace(/-[^-]*$/, ''));
  if (p.app === 'kube-proxy')
    return readStored(store, 'daemonsets.apps', p.namespace, 'kube-proxy');
  if (p.app === 'kube-flannel')
    return readStored(store, 'daemonsets.apps', p.namespace, 'kube-flannel-ds');
  return undefined;
}

/**
 * A Pod's served spec: a controller-made Pod's from its workload's template as the API server
 * admitted it (objects/system-pod-spec.ts); a mirror Pod's (or one whose workload is gone) the
 * compact `fallback`.
 */
function servedSpec(
  state: ClusterState,
  p: PodObject,
  stored: ApiObject | undefined,
  fallback: () => { readonly [k: string]: Json },
): { readonly [k: string]: Json } {
  const workload = STATIC.has(p.app) ? undefined : ownerWorkload(state, p);
  if (!workload) return fallback();
  const image = podImage(state, p);
  // Stored objects are never changed in place: the same Pod of the same workload reads the same.
  const hit = stored ? builtSpecs.get(stored) : undefined;
  if (hit && hit.workload === workload && hit.image === image) return hit.spec;
  const spec = systemPodSpec(workload, {
    uid: stored?.metadata.uid ?? '',
    node: p.node,
    image,
    tolerations: systemPodTolerations(state, p),
    priority: p.app === 'coredns' ? 2000000000 : 2000001000,
    daemon: p.app !== 'coredns',
  });
  if (stored) builtSpecs.set(stored, { workload, image, spec });
  return spec;
}

/**
 * The served spec of one of the cluster's controller-made Pods (its workload's template as the
 * API server admitted it); undefined for a mirror Pod or one whose workload is gone.
 */
export function systemPodServedSpec(
  state: ClusterState,
  p: PodObject,
): { readonly [k: string]: Json } | undefined {
  if (STATIC.has(p.app) || !ownerWorkload(state, p)) return undefined;
  const stored = storedPodObject(state, p.namespace, p.name);
  return servedSpec(state, p, stored, () => ({}));
}

const builtSpecs = new WeakMap<
  ApiObject,
  {
    readonly workload: ApiObject;
    readonly image: string;
    readonly spec: { readonly [k: string]: Json };
  }
>();

/** containerStatuses of a Pod whose containers run since `since` (none restarted). */
function runningStatuses(
  uid: string,
  spec: { readonly [k: string]: Json },
  ready: boolean,
  since: string,
): Json[] {
  // A built spec is kept per stored Pod (servedSpec): its runtime fields are drawn once.
  let fields = runtimeFields.get(spec);
  if (!fields) {
    const containers = (spec['containers'] ?? []) as readonly { readonly [k: string]: Json }[];
    fields = containers.map((c) => runtimeStatusFields(uid, c, 0));
    runtimeFields.set(spec, fields);
  }
  return fields.map((f) => ({
    ...f,
    imageID: '',
    lastState: {},
    name: f['name'] ?? '',
    ready,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: since } },
  }));
}

const runtimeFields = new WeakMap<object, readonly { readonly [k: string]: Json }[]>();

/** initContainerStatuses of a started Pod: each init container ran to completion (exit 0). */
function completedInitStatuses(
  uid: string,
  spec: { readonly [k: string]: Json },
  since: string,
): Json[] {
  return ((spec['initContainers'] ?? []) as readonly { readonly [k: string]: Json }[]).map((c) => {
    const fields = runtimeStatusFields(uid, c, 0);
    return {
      ...fields,
      imageID: '',
      lastState: {},
      name: c['name'] ?? '',
      ready: true,
      restartCount: 0,
      started: false,
      state: {
        terminated: {
          containerID: fields['containerID'] ?? '',
          exitCode: 0,
          finishedAt: since,
          reason: 'Completed',
          startedAt: since,
        },
      },
    };
  });
}

/** Pod objects of one namespace (null = all), in the order the API lists them. */
export function podObjects(state: ClusterState, namespace: string | null): Obj[] {
  const c = state.cluster;
  if (!c) return [];
  return listPods(state, namespace).map((row) => {
    const p = findPod(state, row.namespace, row.name) as PodObject;
    const stored = storedPodObject(state, row.namespace, row.name);
    const node = p.node ? findNode(state, p.node) : undefined;
    const hostIP = node ? (findMachine(state, node.machine)?.ip ?? '') : '';
    const owner = STATIC.has(p.app)
      ? {
          apiVersion: 'v1',
          controller: true,
          kind: 'Node',
          name: p.node ?? '',
          uid: nodeUid(state, p.node ?? ''),
        }
      : p.app === 'coredns'
        ? {
            apiVersion: 'apps/v1',
            blockOwnerDeletion: true,
            controller: true,
            kind: 'ReplicaSet',
            name: p.name.split('-').slice(0, 2).join('-'),
            uid: ownerUid(
              state,
              'replicasets.apps',
              p.namespace,
              p.name.split('-').slice(0, 2).join('-'),
              `kube-system/rs/${p.name.split('-')[1]}`,
            ),
          }
        : {
            apiVersion: 'apps/v1',
            blockOwnerDeletion: true,
            controller: true,
            kind: 'DaemonSet',
            name: p.app === 'kube-flannel' ? 'kube-flannel-ds' : 'kube-proxy',
            uid: ownerUid(
              state,
              'daemonsets.apps',
              p.namespace,
              p.app === 'kube-flannel' ? 'kube-flannel-ds' : 'kube-proxy',
              `${p.namespace}/ds/${p.app}`,
            ),
          };
    // A crash-looping container's Pod stays in phase Running (it restarts in place).
    const phase = ['Running', 'CrashLoopBackOff', 'Error'].includes(row.status)
      ? 'Running'
      : 'Pending';
    const resources = POD_RESOURCES[p.app];
    const hostNetwork = p.app !== 'coredns';
    // The kubelet's conditions (pkg/kubelet/status/generate.go): Ready and ContainersReady
    // while the containers are ready (READY 1/1), Ready False once the node is lost.
    const since = formatRfc3339(p.createdAt);
    const cond = (type: string, ok: boolean): { readonly [k: string]: Json } => ({
      lastProbeTime: null,
      lastTransitionTime: since,
      status: ok ? 'True' : 'False',
      type,
    });
    const ready = phase === 'Running' && row.ready === '1/1';
    const conditions = p.node
      ? [
          cond('PodReadyToStartContainers', phase === 'Running'),
          cond('Initialized', true),
          podReadyCondition(state, p.node, cond('Ready', ready)),
          cond('ContainersReady', ready),
          cond('PodScheduled', true),
        ]
      : [];
    const spec = servedSpec(
      state,
      p,
      stored,
      () =>
        ({
          containers: [
            {
              image: podImage(state, p),
              imagePullPolicy: 'IfNotPresent',
              name: p.app,
              resources,
            },
          ],
          ...(hostNetwork ? { hostNetwork: true } : {}),
          ...(p.node ? { nodeName: p.node } : {}),
          priority: p.app === 'coredns' ? 2000000000 : 2000001000,
          priorityClassName:
            p.app === 'coredns' ? 'system-cluster-critical' : 'system-node-critical',
          tolerations: systemPodTolerations(state, p),
        }) as unknown as { readonly [k: string]: Json },
    );
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...meta(p.name, p.namespace, p.createdAt, {
          ...(STATIC.has(p.app) || stored?.metadata.annotations !== undefined
            ? {
                annotations: {
                  ...(STATIC.has(p.app) ? mirrorAnnotations(state, p) : {}),
                  ...stored?.metadata.annotations,
                },
              }
            : {}),
          labels: stored?.metadata.labels ?? podRecordLabels(p),
          ownerReferences: [owner],
        }),
        // The stored Pod's identity: uid and resourceVersion as the API server keeps them, and
        // its graceful deletion (an eviction) until its kubelet removes it.
        ...(stored
          ? { resourceVersion: stored.metadata.resourceVersion, uid: stored.metadata.uid }
          : {}),
        ...(stored?.metadata.deletionTimestamp !== undefined
          ? {
              deletionGracePeriodSeconds: stored.metadata.deletionGracePeriodSeconds ?? 30,
              deletionTimestamp: stored.metadata.deletionTimestamp,
            }
          : {}),
      },
      spec,
      status: {
        ...(conditions.length > 0 ? { conditions } : {}),
        // The kubelet's report of the containers it runs (a restarted one's last run is not
        // modelled: such a Pod reports no container statuses).
        ...(p.node && row.status === 'Running' && row.restarts === 0
          ? {
              containerStatuses: runningStatuses(stored?.metadata.uid ?? '', spec, ready, since),
              ...(Array.isArray(spec['initContainers'])
                ? {
                    initContainerStatuses: completedInitStatuses(
                      stored?.metadata.uid ?? '',
                      spec,
                      since,
                    ),
                  }
                : {}),
            }
          : {}),
        ...(p.node ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
        phase,
        ...(row.ip !== '<none>' ? { podIP: row.ip, podIPs: [{ ip: row.ip }] } : {}),
        qosClass: Object.keys(resources).length === 0 ? 'BestEffort' : 'Burstable',
        ...(p.node ? { startTime: formatRfc3339(p.createdAt) } : {}),
      },
    };
  });
}
