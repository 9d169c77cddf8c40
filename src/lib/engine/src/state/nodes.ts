/**
 * Node objects in the API object store (resource `nodes`): the kubelet registers one when it
 * joins, `kubectl cordon` sets spec.unschedulable, the kubelet reports its version in
 * status.nodeInfo. Readers and writers use these accessors and the compact NodeObject view
 * (model/state.ts) they return; the stored object is what the API keeps, and the served Node
 * (objects/node-object.ts) adds what the kubelet and the node lifecycle controller report now.
 *
 * One node is read or written in O(1) (store buckets), the control-plane nodes come from the
 * store's role index (store/indexes.ts), and the whole list is built once per nodes table (the
 * state is immutable: a table seen before has the same list).
 */
import type { ClusterState, NodeObject } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { readByKey, readStored, scanStored, type ObjectStore } from '../store/buckets.ts';
import { CONTROL_PLANE_LABEL, indexedKeys } from '../store/indexes.ts';
import { putObject, removeObject } from '../store/write.ts';
import type { ApiObject, Json, NewObject } from '../store/types.ts';
import { allocateNodeCidr, releaseNodeCidr } from '../controllers/node-ipam.ts';
import { schedulableChanges, withSchedulableChange } from '../objects/node-schedulable-events.ts';
import { createNodeLeases, handOverLeaderLeases, removeNodeLeases } from '../objects/leases.ts';

/** What reads need: the cluster (a Cluster alone passes as `{ cluster }`). */
export type ClusterView = Pick<ClusterState, 'cluster'>;

/** What the simulation keeps about a Node that the API does not serve; read views drop it. */
interface NodeSimulation {
  /** The machine whose kubelet registered the node (differs from the name after --node-name). */
  readonly machine: string;
  /** Registration time, epoch ms (creationTimestamp keeps whole seconds). */
  readonly createdAt: number;
  /**
   * When spec.unschedulable last became true (`kubectl cordon`, `drain`): the node lifecycle
   * controller's node.kubernetes.io/unschedulable taint is added then (its timeAdded).
   */
  readonly cordonedAt?: number;
}

/** When the stored Node `o` was cordoned (spec.unschedulable became true), if it is. */
export function cordonedAt(o: ApiObject | undefined): number | undefined {
  const unschedulable = (o?.['spec'] as { unschedulable?: boolean } | undefined)?.unschedulable;
  if (unschedulable !== true) return undefined;
  return (o?.['simulator'] as NodeSimulation | undefined)?.cordonedAt;
}

const views = new WeakMap<ApiObject, NodeObject>();
const lists = new WeakMap<object, readonly NodeObject[]>();

/** The compact view of a stored Node. */
export function nodeRecord(o: ApiObject): NodeObject {
  const hit = views.get(o);
  if (hit) return hit;
  const sim = o['simulator'] as unknown as NodeSimulation;
  const spec = o['spec'] as { readonly [k: string]: Json } | undefined;
  const info = (o['status'] as { readonly nodeInfo?: { readonly kubeletVersion?: string } })
    ?.nodeInfo;
  const view: NodeObject = {
    name: o.metadata.name,
    machine: sim.machine,
    controlPlane: o.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined,
    createdAt: sim.createdAt,
    kubeletVersion: info?.kubeletVersion ?? '',
    ...(spec?.['unschedulable'] === true ? { unschedulable: true } : {}),
  };
  views.set(o, view);
  return view;
}

/** The Node as the kubelet registers it (kubelet_node_status.go initialNode) and kubeadm labels it. */
function storedNode(n: NodeObject): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      creationTimestamp: formatRfc3339(n.createdAt),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        ...(n.controlPlane
          ? {
              [CONTROL_PLANE_LABEL]: '',
              'node.kubernetes.io/exclude-from-external-load-balancers': '',
            }
          : {}),
      },
    },
    spec: {
      ...(n.controlPlane ? { taints: [{ effect: 'NoSchedule', key: CONTROL_PLANE_LABEL }] } : {}),
      ...(n.unschedulable === true ? { unschedulable: true } : {}),
    },
    status: { nodeInfo: { kubeletVersion: n.kubeletVersion } },
    simulator: { machine: n.machine, createdAt: n.createdAt },
  };
}

function storeOf(state: ClusterView): ObjectStore | undefined {
  return state.cluster?.objects;
}

/** The Node named `name`, or undefined. O(1). */
export function findNode(state: ClusterView, name: string): NodeObject | undefined {
  const o = readStored(storeOf(state), 'nodes', null, name);
  return o ? nodeRecord(o) : undefined;
}

/** The stored Node object named `name` (metadata as the API keeps it), or undefined. */
export function storedNodeObject(state: ClusterView, name: string): ApiObject | undefined {
  return readStored(storeOf(state), 'nodes', null, name);
}

/** The uid of the Node named `name` (owner of its Lease and mirror Pods), or '' when there is none. */
export function nodeUid(state: ClusterView, name: string): string {
  return storedNodeObject(state, name)?.metadata.uid ?? '';
}

/** Every Node, sorted by name (as the API lists them). O(n) once per change of the nodes. */
export function nodeList(state: ClusterView): readonly NodeObject[] {
  const table = storeOf(state)?.resources['nodes'];
  if (!table) return [];
  const hit = lists.get(table);
  if (hit) return hit;
  const list = scanStored(storeOf(state), 'nodes')
    .map(nodeRecord)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  lists.set(table, list);
  return list;
}

const storedLists = new WeakMap<object, readonly ApiObject[]>();

/** Every stored Node object, sorted by name. O(n) once per change of the nodes. */
export function storedNodeList(state: ClusterView): readonly ApiObject[] {
  const table = storeOf(state)?.resources['nodes'];
  if (!table) return [];
  const hit = storedLists.get(table);
  if (hit) return hit;
  const list = scanStored(storeOf(state), 'nodes').sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
  storedLists.set(table, list);
  return list;
}

/** How many Nodes the cluster has. */
export function nodeCount(state: ClusterView): number {
  return nodeList(state).length;
}

/** The control-plane Nodes, sorted by name, from the role index (no scan of every node). */
export function controlPlaneNodes(state: ClusterView): NodeObject[] {
  const store = storeOf(state);
  return indexedKeys(store?.indexes, 'nodes/role', 'control-plane')
    .map((k) => readByKey(store, 'nodes', k))
    .filter((o): o is ApiObject => o !== undefined)
    .map(nodeRecord)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A state with the Node registered or replaced (kubelet registration, cordon, kubelet upgrade). */
export function putNode(state: ClusterState, node: NodeObject): ClusterState {
  const fresh = storedNode(node);
  const existing = storedNodeObject(state, node.name);
  // A new Node gets its pod subnet from the node IPAM controller (controllers/node-ipam.ts), and
  // its kubelet (and control plane) their Leases (objects/leases.ts).
  if (!existing)
    return createNodeLeases(
      allocateNodeCidr(putObject(state, 'nodes', fresh), node.name),
      node,
      node.controlPlane,
      node.createdAt,
    );
  // What clients changed (labels, annotations, taints) stays; a node that becomes a control
  // plane gets kubeadm's label and taint (kubeadm's markcontrolplane phase) on top.
  const wasControlPlane = existing.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined;
  const promoted = node.controlPlane && !wasControlPlane;
  const freshSpec = fresh['spec'] as { readonly [k: string]: Json };
  const taints = (existing['spec'] as { taints?: readonly Json[] } | undefined)?.taints ?? [];
  const allTaints = promoted
    ? [{ effect: 'NoSchedule', key: CONTROL_PLANE_LABEL }, ...taints]
    : taints;
  const { taints: _fresh, ...spec } = freshSpec;
  // spec.podCIDR/podCIDRs are set once by the allocator and immutable afterwards.
  const { podCIDR, podCIDRs } = (existing['spec'] ?? {}) as { readonly [k: string]: Json };
  const cidrs = podCIDR !== undefined && podCIDRs !== undefined ? { podCIDR, podCIDRs } : {};
  const withLeases = promoted ? createNodeLeases(state, node, true, state.now) : state;
  return putObject(withLeases, 'nodes', {
    ...fresh,
    simulator: nodeSimulatorAfter(state, existing, node.unschedulable === true),
    metadata: {
      ...fresh.metadata,
      labels: { ...existing.metadata.labels, ...(promoted ? fresh.metadata.labels : {}) },
      ...(existing.metadata.annotations !== undefined
        ? { annotations: existing.metadata.annotations }
        : {}),
    },
    spec: { ...cidrs, ...spec, ...(allTaints.length > 0 ? { taints: allTaints } : {}) },
  });
}

/**
 * A stored Node's simulation fields after its spec.unschedulable became `unschedulable`: the
 * kubelet's record of the change for its NodeSchedulable/NodeNotSchedulable Event
 * (objects/node-schedulable-events.ts).
 */
export function nodeSimulatorAfter(
  state: Pick<ClusterState, 'cluster' | 'now'>,
  existing: ApiObject,
  unschedulable: boolean,
): Json {
  const sim = existing['simulator'] as unknown as NodeSimulation;
  const before = (existing['spec'] as { unschedulable?: boolean } | undefined)?.unschedulable;
  const changes = withSchedulableChange(
    schedulableChanges(existing['simulator']),
    sim.createdAt,
    state.now,
    before === true,
    unschedulable,
  );
  const cordoned = !unschedulable ? undefined : before === true ? sim.cordonedAt : state.now;
  return {
    machine: sim.machine,
    createdAt: sim.createdAt,
    ...(cordoned !== undefined ? { cordonedAt: cordoned } : {}),
    ...(changes.length > 0 ? { schedulableChanges: changes as unknown as Json } : {}),
  };
}

/** A state with the Node named `name` changed by `update`; unchanged when there is none. */
export function updateNode(
  state: ClusterState,
  name: string,
  update: (n: NodeObject) => NodeObject,
): ClusterState {
  const n = findNode(state, name);
  return n ? putNode(state, update(n)) : state;
}

/**
 * A state without the Node named `name` (kubectl delete node, kubeadm reset), nor its Leases
 * (objects/leases.ts removeNodeLeases); the leader-election Leases it held pass to another
 * control-plane node.
 */
export function removeNode(state: ClusterState, name: string): ClusterState {
  const existing = storedNodeObject(state, name);
  const node = existing ? nodeRecord(existing) : undefined;
  const gone = removeObject(state, 'nodes', null, name);
  const removed = node ? removeNodeLeases(gone, node) : gone;
  const heir = controlPlaneNodes(removed)[0];
  const handed = heir ? handOverLeaderLeases(removed, name, heir) : removed;
  return existing ? releaseNodeCidr(handed, existing) : handed;
}
