/**
 * Pods of a reader's own workloads (`kubectl create deployment`, `kubectl run`): ordinary stored
 * Pod objects with their full spec, marked `simulator.user`, beside the compact records of the
 * cluster's own Pods (state/pods.ts). The API serves them with the status the kubelet would
 * report now: Pending with the scheduler's PodScheduled=False condition while unscheduled,
 * ContainerCreating while the node has no pod network, Running with a pod IP from the node's
 * range on a Ready node.
 *
 * upstream: k8s.io/api/core/v1 Pod and PodStatus; pkg/kubelet/status/generate.go (conditions),
 * pkg/scheduler/schedule_one.go (FailedScheduling: PodScheduled False, reason Unschedulable).
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { sandboxSurvives } from '../machine/network-since.ts';
import { findMachine } from '../state/machines.ts';
import { findNode } from '../state/nodes.ts';
import { nodePodCidr } from '../controllers/node-ipam.ts';
import { addressIn } from '../controllers/cidr-set.ts';
import { heartbeatStoppedAt } from '../controllers/node-lifecycle.ts';
import { flannelLeaseError } from '../controllers/flannel.ts';
import { evictionConditions, podReadyCondition } from './pod-conditions.ts';
import { podsOnNode } from '../state/pods.ts';
import { readByKey } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { isUserPod } from './user-pod-mark.ts';
import { podQosClass } from '../controllers/resource-fit.ts';
import { isJobPod } from './job-pod-run.ts';
import { jobPodStatus } from './job-pod-status.ts';
import { runtimeStatusFields, specStatusFields } from './container-status.ts';
import { podDefaults } from '../store/pod-defaults.ts';

export { isUserPod };

type Obj = { readonly [k: string]: Json };

/** What the simulation keeps about a user Pod beside the object. */
export interface UserPodSimulation {
  readonly user: true;
  /** Creation time, epoch ms. */
  readonly createdAt: number;
  /** Why the scheduler could not place it (FailedScheduling message), while unscheduled. */
  readonly unschedulable?: string;
  /** When it was bound to its node, epoch ms. */
  readonly scheduledAt?: number;
}

/** The simulation record of a user Pod. */
export function userPodSim(o: ApiObject): UserPodSimulation {
  return o['simulator'] as unknown as UserPodSimulation;
}

/** The stored user Pods of `namespace` (null: every namespace), sorted by namespace and name. */
export function storedUserPods(state: ClusterState, namespace: string | null): ApiObject[] {
  const store = state.cluster?.objects;
  return indexedKeys(store?.indexes, 'pods/user', 'user')
    .map((k) => readByKey(store, 'pods', k))
    .filter((o): o is ApiObject => o !== undefined)
    .filter((o) => namespace === null || o.metadata.namespace === namespace)
    .sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

/** The pod IP of a user Pod: its node's range, after the node's pod-network Pods by age. */
function podIp(state: ClusterState, o: ApiObject, node: string): string | undefined {
  const range = nodePodCidr(state, node);
  if (range === null) return undefined;
  // Pinned when it was bound (controllers/pod-ips.ts); older saved states: its place by age.
  const pinned = (o['simulator'] as { ipHost?: number } | undefined)?.ipHost;
  if (pinned !== undefined) return addressIn(range, pinned) ?? undefined;
  const system = podsOnNode(state, node).filter((p) => p.app === 'coredns').length;
  const mine = storedUserPods(state, null)
    .filter((p) => (p['spec'] as Obj | undefined)?.['nodeName'] === node)
    .sort((a, b) => userPodSim(a).createdAt - userPodSim(b).createdAt)
    .findIndex((p) => p.metadata.uid === o.metadata.uid);
  return addressIn(range, system + mine + 2) ?? undefined;
}

function containerNames(o: ApiObject): string[] {
  const spec = (o['spec'] ?? {}) as Obj;
  const containers = (spec['containers'] ?? []) as readonly Obj[];
  return containers.map((c) => (c['name'] as string | undefined) ?? '');
}

function specContainers(o: ApiObject): readonly Obj[] {
  return (((o['spec'] ?? {}) as Obj)['containers'] ?? []) as readonly Obj[];
}

/** The Pod as the API serves it now. */
export function servedUserPod(state: ClusterState, o: ApiObject): ApiObject {
  const sim = userPodSim(o);
  const { simulator: _sim, ...stored } = o;
  // The API server defaults what it decodes from storage too: a Pod a saved state kept from
  // before the store defaulted Pods reads with the defaults (store/pod-defaults.ts).
  const object = { ...stored, spec: podDefaults((o['spec'] ?? {}) as Obj) } as ApiObject;
  const node = (o['spec'] as Obj | undefined)?.['nodeName'];
  const created = formatRfc3339(sim.createdAt);
  if (typeof node !== 'string') {
    return {
      ...object,
      status: {
        conditions: [
          {
            lastProbeTime: null,
            lastTransitionTime: created,
            message: sim.unschedulable ?? '',
            reason: 'Unschedulable',
            status: 'False',
            type: 'PodScheduled',
          },
        ],
        phase: 'Pending',
        qosClass: podQosClass((o['spec'] ?? {}) as Obj),
      },
    };
  }
  const n = findNode(state, node);
  const m = n ? findMachine(state, n.machine) : undefined;
  const hostIP = m?.ip ?? '';
  // A lost node's kubelet reports nothing more: the Pod keeps the status it last posted.
  const lost = heartbeatStoppedAt(state, node) !== null;
  // Flannel without a usable pod range on the node gives Pods no sandbox (controllers/flannel.ts).
  const noNetwork = state.cluster?.cni === 'flannel' && flannelLeaseError(state, node) !== null;
  // A running Pod keeps its sandbox when the CNI configuration goes away (machine/network-since.ts).
  const running =
    m !== undefined &&
    !noNetwork &&
    (lost || m.kubelet.active === 'active') &&
    sandboxSurvives(m, sim.scheduledAt ?? sim.createdAt);
  const since = formatRfc3339(sim.scheduledAt ?? sim.createdAt);
  const ip = running ? podIp(state, o, node) : undefined;
  const cond = (type: string, ok: boolean): Obj => ({
    lastProbeTime: null,
    lastTransitionTime: since,
    ...(ok
      ? {}
      : {
          message: 'containers with unready status: [' + containerNames(o).join(' ') + ']',
          reason: 'ContainersNotReady',
        }),
    status: ok ? 'True' : 'False',
    type,
  });
  const status = {
    conditions: [
      cond('PodReadyToStartContainers', running),
      { lastProbeTime: null, lastTransitionTime: since, status: 'True', type: 'Initialized' },
      podReadyCondition(state, node, cond('Ready', running)),
      cond('ContainersReady', running),
      { lastProbeTime: null, lastTransitionTime: since, status: 'True', type: 'PodScheduled' },
      ...evictionConditions(o),
    ],
    containerStatuses: specContainers(object).map((c) => ({
      // The runtime's ID, the image as it names it, once the container runs.
      ...(running
        ? runtimeStatusFields(o.metadata.uid, c, 0)
        : { ...specStatusFields(c), image: c['image'] ?? '' }),
      // The registry digest the runtime resolved (`docker.io/library/nginx@sha256:…`): not
      // knowable offline, and a made-up digest would be worse than none.
      imageID: '',
      lastState: {},
      name: c['name'] ?? '',
      ready: running,
      restartCount: 0,
      started: running,
      state: running
        ? { running: { startedAt: since } }
        : { waiting: { reason: 'ContainerCreating' } },
    })),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase: running ? 'Running' : 'Pending',
    ...(ip !== undefined ? { podIP: ip, podIPs: [{ ip }] } : {}),
    qosClass: podQosClass((o['spec'] ?? {}) as Obj),
    startTime: since,
  };
  // A Job's Pod runs its command to the end (workloads/job-pod-status.ts).
  if (running && isJobPod(o))
    return {
      ...object,
      status: jobPodStatus(o, status, sim.scheduledAt ?? sim.createdAt, state.now),
    };
  return { ...object, status };
}

/** The user Pods of `namespace` (null: all) as the API serves them. */
export function userPodObjects(state: ClusterState, namespace: string | null): ApiObject[] {
  return storedUserPods(state, namespace).map((o) => servedUserPod(state, o));
}
