/**
 * Events (core v1) the cluster's components record, as `kubectl get events` lists them. Derived
 * from the Nodes and Pods when read, dated from when each component acted, and kept for
 * kube-apiserver's --event-ttl (default 1h0m0s: older Events are gone).
 *
 * upstream (kubernetes v1.35.0):
 * - kubelet: pkg/kubelet/kubelet.go BirthCry ("Starting kubelet."), pkg/kubelet/cm/
 *   node_container_manager_linux.go ("Updated Node Allocatable limit across pods"),
 *   pkg/kubelet/kubelet_node_status.go recordNodeStatusEvent ("Node %s status is now: %s"
 *   for NodeHasSufficientMemory, NodeHasNoDiskPressure, NodeHasSufficientPID, NodeReady;
 *   recordNodeSchedulableEvent for NodeNotSchedulable/NodeSchedulable);
 * - node lifecycle controller: pkg/controller/nodelifecycle/node_lifecycle_controller.go
 *   RegisteredNode through pkg/controller/util/node/controller_utils.go RecordNodeEvent
 *   ("Node %s event: %s", "Registered Node %v in Controller");
 * - kube-proxy: cmd/kube-proxy/app/server.go birthCry (reason Starting, empty message);
 * - scheduler: pkg/scheduler/schedule_one.go ("Successfully assigned %v/%v to %v");
 * - the name: client-go tools/record/event.go makeEvent (`<object>.<UnixNano in hex>`).
 */
import type { ClusterState, NodeObject, PodObject } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { nodeList, nodeUid, storedNodeObject } from '../state/nodes.ts';
import { schedulableChanges } from './node-schedulable-events.ts';
import { podList, storedPodObject } from '../state/pods.ts';
import { cniSince, networkReadyAt } from './node-network-ready.ts';
import { findMachine } from '../state/machines.ts';
import { FLANNEL_CNI_CONF } from '../machine/kubelet.ts';
import { heartbeatStoppedFor, unreachableAfter } from '../controllers/node-lifecycle.ts';
import type { ApiObject } from '../store/types.ts';
import { legacyRv, uid } from './legacy-meta.ts';
import { nodePodCidr } from '../controllers/node-ipam.ts';
import { cidrNotAvailableSeries } from '../controllers/cidr-retries.ts';
import { servedUserPod, storedUserPods, userPodSim } from '../workloads/user-pods.ts';
import type { Json } from '../store/types.ts';
import { podStartEvents, type StartedPod } from './pod-start-events.ts';
import { systemPodServedSpec } from './pod-object.ts';
import { listPods } from '../views/cluster.ts';

type Obj = { readonly [k: string]: Json };

/** kube-apiserver --event-ttl default. */
export const EVENT_TTL_MS = 60 * 60 * 1000;
/** The node lifecycle controller's --node-monitor-period default: it sees a new Node within it. */
const NODE_MONITOR_PERIOD_MS = 5000;

interface Recorded {
  readonly namespace: string;
  /**
   * The reference the recorder got: the controllers' and the scheduler's carry apiVersion
   * (reference.GetReference, controller_utils.go RecordNodeEvent), the kubelet's and kube-proxy's
   * hand-made nodeRef does not (pkg/kubelet/kubelet.go NewMainKubelet, cmd/kube-proxy/app/server.go).
   */
  readonly object: {
    readonly apiVersion?: string;
    readonly kind: string;
    readonly name: string;
    readonly uid: string;
    /** The container an Event of the kubelet's is about (`spec.containers{nginx}`). */
    readonly fieldPath?: string;
  };
  readonly reason: string;
  readonly message: string;
  readonly component: string;
  readonly host?: string;
  readonly at: number;
  /** Normal unless said otherwise. */
  readonly type?: 'Warning';
  /** Nanoseconds past `at`'s millisecond: Events recorded within one millisecond keep their order. */
  readonly nanos?: number;
  /** A repeated Event folded by the recorder: when first recorded (`at`: the last) and how often. */
  readonly series?: { readonly first: number; readonly count: number };
}

const STATIC: ReadonlySet<PodObject['app']> = new Set([
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
]);

/** `<name>.<UnixNano in hex>`, as client-go names an Event. */
function eventName(object: string, at: number, nanos = 0): string {
  return `${object}.${(BigInt(at) * 1_000_000n + BigInt(nanos)).toString(16)}`;
}

function toObject(e: Recorded): ApiObject {
  const first = e.series?.first ?? e.at;
  const name = eventName(e.object.name, first, e.nanos);
  const when = formatRfc3339(first);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    count: e.series?.count ?? 1,
    eventTime: null,
    firstTimestamp: when,
    involvedObject: {
      ...(e.object.apiVersion !== undefined ? { apiVersion: e.object.apiVersion } : {}),
      ...(e.object.fieldPath !== undefined ? { fieldPath: e.object.fieldPath } : {}),
      kind: e.object.kind,
      name: e.object.name,
      ...(e.namespace !== 'default' || e.object.kind === 'Pod' ? { namespace: e.namespace } : {}),
      uid: e.object.uid,
    },
    lastTimestamp: formatRfc3339(e.at),
    message: e.message,
    metadata: {
      creationTimestamp: when,
      name,
      namespace: e.namespace,
      resourceVersion: legacyRv(`${e.namespace}/${name}`),
      uid: uid(`${e.namespace}/${name}/${first}`),
    },
    reason: e.reason,
    reportingComponent: e.component,
    reportingInstance: e.host ?? '',
    source: { component: e.component, ...(e.host !== undefined ? { host: e.host } : {}) },
    type: e.type ?? 'Normal',
  };
}

function nodeEvents(state: ClusterState, n: NodeObject, cni: number | undefined): Recorded[] {
  // The kubelet names the Node by its name in the events it records (kl.nodeRef UID = node name).
  const kubelet = (reason: string, message: string, at = n.createdAt): Recorded => ({
    namespace: 'default',
    object: { kind: 'Node', name: n.name, uid: n.name },
    reason,
    message,
    component: 'kubelet',
    host: n.name,
    at,
  });
  const status = (condition: string, at = n.createdAt): Recorded =>
    kubelet(condition, `Node ${n.name} status is now: ${condition}`, at);
  const m = findMachine(state, n.machine);
  // One after the other within the same second: each gets its own timestamp (and name).
  const out: Recorded[] = [
    kubelet('Starting', 'Starting kubelet.'),
    status('NodeHasSufficientMemory', n.createdAt + 1),
    status('NodeHasNoDiskPressure', n.createdAt + 2),
    status('NodeHasSufficientPID', n.createdAt + 3),
    kubelet(
      'NodeAllocatableEnforced',
      'Updated Node Allocatable limit across pods',
      n.createdAt + 4,
    ),
    {
      namespace: 'default',
      object: { apiVersion: 'v1', kind: 'Node', name: n.name, uid: nodeUid(state, n.name) },
      reason: 'RegisteredNode',
      message: `Node ${n.name} event: Registered Node ${n.name} in Controller`,
      component: 'node-controller',
      at: n.createdAt + NODE_MONITOR_PERIOD_MS,
    },
  ];
  // The node IPAM range allocator had no subnet left for it (controllers/node-ipam.ts):
  // range_allocator.go AllocateOrOccupyCIDR → RecordNodeStatusChange(…, Warning, "CIDRNotAvailable"),
  // again at every retry (controllers/cidr-retries.ts), folded into one Event by the recorder.
  const retries =
    state.cluster?.podSubnet && nodePodCidr(state, n.name) === null
      ? cidrNotAvailableSeries(n.createdAt + 6, state.now)
      : null;
  if (retries)
    out.push({
      namespace: 'default',
      object: { apiVersion: 'v1', kind: 'Node', name: n.name, uid: nodeUid(state, n.name) },
      reason: 'CIDRNotAvailable',
      message: `Node ${n.name} status is now: CIDRNotAvailable`,
      component: 'cidrAllocator',
      at: retries.last,
      type: 'Warning',
      series: { first: retries.first, count: retries.count },
    });
  // Ready once the CNI configuration is on the node: at registration, when flannel came, or when
  // it came back (the kubelet's Ready setter records the transitions it posts); the Event stays
  // after the kubelet stops.
  const network = m?.files[FLANNEL_CNI_CONF] !== undefined;
  const readyAt = networkReadyAt(n, m, cni);
  if (readyAt !== null) out.push(status('NodeReady', readyAt));
  // Cordoned or uncordoned: the kubelet's next status update records what it sees
  // (objects/node-schedulable-events.ts).
  for (const c of schedulableChanges(storedNodeObject(state, n.name)?.['simulator']))
    out.push(status(c.unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable', c.at));
  // NotReady since its network plugin's configuration went away (machine/network-since.ts).
  if (m && !network && m.networkSince !== undefined && m.networkSince > n.createdAt)
    out.push(status('NodeNotReady', m.networkSince));
  // A Ready node whose kubelet stopped posting: the node lifecycle controller marks it Unknown at
  // the end of the grace period and records NodeNotReady (monitorNodeHealth, RecordNodeStatusChange).
  const unreachable = unreachableAfter(heartbeatStoppedFor(state, n, m), state.now);
  if (unreachable !== null && network && cni !== undefined && unreachable > cni)
    out.push({
      namespace: 'default',
      object: { apiVersion: 'v1', kind: 'Node', name: n.name, uid: nodeUid(state, n.name) },
      reason: 'NodeNotReady',
      message: `Node ${n.name} status is now: NodeNotReady`,
      component: 'node-controller',
      at: unreachable,
    });
  return out;
}

/** When the scheduler bound one of the cluster's own Pods. */
function scheduledAt(p: PodObject, cni: number | undefined): number {
  // CoreDNS waits (Pending) for a Ready node: the scheduler binds it once the CNI is there.
  return p.app === 'coredns' ? Math.max(p.createdAt, cni ?? p.createdAt) : p.createdAt;
}

function podEvents(state: ClusterState, p: PodObject, cni: number | undefined): Recorded[] {
  if (p.node === null || STATIC.has(p.app)) return [];
  const scheduled = scheduledAt(p, cni);
  const podUid = storedPodObject(state, p.namespace, p.name)?.metadata.uid ?? '';
  const events: Recorded[] = [
    {
      namespace: p.namespace,
      object: { apiVersion: 'v1', kind: 'Pod', name: p.name, uid: podUid },
      reason: 'Scheduled',
      message: `Successfully assigned ${p.namespace}/${p.name} to ${p.node}`,
      component: 'default-scheduler',
      at: scheduled,
    },
  ];
  if (p.app === 'kube-proxy')
    events.push({
      namespace: 'default',
      object: { kind: 'Node', name: p.node, uid: p.node },
      reason: 'Starting',
      message: '',
      component: 'kube-proxy',
      host: p.node,
      at: p.createdAt + 1000,
    });
  return events;
}

/**
 * The Pods whose containers a kubelet started: the reader's once bound and running (they have
 * container IDs), the cluster's controller-made ones (not mirror Pods: a static Pod's Events
 * name the static Pod, not its mirror) while their kubelet runs them.
 */
function startedPods(state: ClusterState, cni: number | undefined): StartedPod[] {
  const users = storedUserPods(state, null).flatMap((o): StartedPod[] => {
    const served = servedUserPod(state, o);
    const node = (served['spec'] as Obj | undefined)?.['nodeName'];
    if (typeof node !== 'string' || !hasStarted(served)) return [];
    const sim = userPodSim(o);
    return [
      {
        namespace: o.metadata.namespace ?? 'default',
        name: o.metadata.name,
        uid: o.metadata.uid,
        node,
        at: sim.scheduledAt ?? sim.createdAt,
        spec: served['spec'] as Obj,
      },
    ];
  });
  const running = new Set(
    listPods(state, null)
      .filter((r) => r.status === 'Running')
      .map((r) => `${r.namespace}/${r.name}`),
  );
  const system = podList(state).flatMap((p): StartedPod[] => {
    if (p.node === null || STATIC.has(p.app) || !running.has(`${p.namespace}/${p.name}`)) return [];
    const spec = systemPodServedSpec(state, p);
    const stored = storedPodObject(state, p.namespace, p.name);
    if (!spec || !stored) return [];
    return [
      {
        namespace: p.namespace,
        name: p.name,
        uid: stored.metadata.uid,
        node: p.node,
        at: scheduledAt(p, cni),
        spec,
      },
    ];
  });
  return [...system, ...users];
}

/** Whether the kubelet has started the Pod's containers (they have runtime IDs). */
function hasStarted(served: ApiObject): boolean {
  const statuses = ((served['status'] as Obj | undefined)?.['containerStatuses'] ??
    []) as readonly Obj[];
  return statuses.some((c) => typeof c['containerID'] === 'string');
}

/** The Events still kept (younger than the TTL) in `namespace` (null: all), by namespace and name. */
export function eventObjects(state: ClusterState, namespace: string | null): ApiObject[] {
  if (!state.cluster) return [];
  const cni = cniSince(state);
  const recorded = [
    ...nodeList(state).flatMap((n) => nodeEvents(state, n, cni)),
    ...podList(state).flatMap((p) => podEvents(state, p, cni)),
    ...podStartEvents(state, startedPods(state, cni)),
  ];
  return recorded
    .filter((e) => e.at <= state.now && state.now - e.at < EVENT_TTL_MS)
    .filter((e) => namespace === null || e.namespace === namespace)
    .map(toObject)
    .sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}
