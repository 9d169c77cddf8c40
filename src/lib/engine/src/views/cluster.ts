/**
 * Read-only views of the cluster as kubectl shows it: node and pod rows with derived status.
 * Pure functions of the state; no formatting.
 */
import { findNode, nodeList } from '../state/nodes.ts';
import { podList } from '../state/pods.ts';
import type { ClusterState } from '../model/state.ts';
import { nodeReady } from '../machine/kubelet.ts';
import { sandboxSurvives } from '../machine/network-since.ts';
import { heartbeatStoppedAt } from '../controllers/node-lifecycle.ts';
import { nodeLostByFault } from '../etcd/faults.ts';
import { findMachine } from '../state/machines.ts';
import { crashLoop, flannelLeaseError } from '../controllers/flannel.ts';
import { nodePodCidr } from '../controllers/node-ipam.ts';
import { addressIn } from '../controllers/cidr-set.ts';

/** One row of `kubectl get nodes`. */
export interface NodeRow {
  readonly name: string;
  /** Ready/NotReady, with `,SchedulingDisabled` appended for a cordoned node (kubectl printers.go). */
  readonly status:
    'Ready' | 'NotReady' | 'Ready,SchedulingDisabled' | 'NotReady,SchedulingDisabled';
  readonly roles: string;
  readonly ageMs: number;
  readonly version: string;
  readonly internalIP: string;
  readonly osImage: string;
  readonly kernel: string;
  readonly runtime: string;
}

/** Nodes sorted by name, as the API lists them. */
export function listNodes(state: ClusterState): NodeRow[] {
  const c = state.cluster;
  if (!c) return [];
  return nodeList(state).map((n) => {
    const m = findMachine(state, n.machine);
    return {
      name: n.name,
      status: `${m && nodeReady(m, state.now) && !nodeLostByFault(state, n.machine) ? 'Ready' : 'NotReady'}${n.unschedulable === true ? ',SchedulingDisabled' : ''}`,
      roles: n.controlPlane ? 'control-plane' : '<none>',
      ageMs: state.now - n.createdAt,
      version: n.kubeletVersion,
      internalIP: m?.ip ?? '<none>',
      osImage: m?.os ?? '<unknown>',
      kernel: m?.kernel ?? '<unknown>',
      runtime: m ? `containerd://${m.containerd.version}` : '<unknown>',
    };
  });
}

/** One row of `kubectl get pods`. */
export interface PodRow {
  readonly namespace: string;
  readonly name: string;
  readonly ready: string;
  readonly status: string;
  readonly restarts: number;
  /** How long ago the container last restarted, when it has (kubectl prints `N (AGE ago)`). */
  readonly lastRestartAgoMs?: number;
  readonly ageMs: number;
  readonly ip: string;
  readonly node: string;
}

/** Pods of one namespace (or all when `namespace` is null), sorted by namespace then name. */
export function listPods(state: ClusterState, namespace: string | null): PodRow[] {
  const c = state.cluster;
  if (!c) return [];
  // host-local IPAM hands out each node's /24 in order from .2: a Pod's address is its place
  // among the pod-network (not hostNetwork) Pods of its node, oldest first.
  const onNode = new Map<string, number>();
  const perNode = new Map<string, number>();
  for (const p of podList(state)
    .filter((x) => x.app === 'coredns' && x.node !== null)
    .sort((a, b) => a.createdAt - b.createdAt)) {
    const k = perNode.get(p.node ?? '') ?? 0;
    onNode.set(`${p.namespace}/${p.name}`, k);
    perNode.set(p.node ?? '', k + 1);
  }
  return podList(state)
    .filter((p) => namespace === null || p.namespace === namespace)
    .map((p) => {
      const node = p.node ? findNode(state, p.node) : undefined;
      const m = node ? findMachine(state, node.machine) : undefined;
      const hostNetwork = p.app !== 'coredns';
      // Flannel's agent exits when its node has no usable pod range (controllers/flannel.ts):
      // its Pod crash-loops and Pods that need the pod network get no sandbox on that node.
      const leaseError =
        p.node !== null && (p.app === 'kube-flannel' || p.app === 'coredns')
          ? c.cni === 'flannel'
            ? flannelLeaseError(state, p.node)
            : null
          : null;
      const crashing =
        p.app === 'kube-flannel' && leaseError !== null && m?.kubelet.active === 'active';
      // A lost node's kubelet posts nothing more: its CoreDNS Pod keeps the status it last posted.
      const lost = p.node !== null && heartbeatStoppedAt(state, p.node) !== null;
      const running =
        p.app === 'coredns'
          ? p.node !== null &&
            m !== undefined &&
            (lost || m.kubelet.active === 'active') &&
            sandboxSurvives(m, p.createdAt) &&
            leaseError === null
          : m?.kubelet.active === 'active' && !crashing;
      const loop = crashing ? crashLoop(state.now - p.createdAt) : null;
      // printPod: a Pod being deleted shows Terminating.
      const status =
        p.deletingAt !== undefined
          ? 'Terminating'
          : p.node === null
            ? 'Pending'
            : loop
              ? loop.restarts > 0
                ? 'CrashLoopBackOff'
                : 'Error'
              : running
                ? 'Running'
                : p.app === 'coredns'
                  ? 'ContainerCreating'
                  : 'Pending';
      const host = p.ipHost ?? (onNode.get(`${p.namespace}/${p.name}`) ?? 0) + 2;
      const range = p.node !== null ? nodePodCidr(state, p.node) : null;
      const podIP = range ? addressIn(range, host) : null;
      return {
        namespace: p.namespace,
        name: p.name,
        // READY counts the containers the kubelet last reported ready: a lost node's Pods keep
        // theirs (MarkPodsNotReady only turns the Pod's Ready condition False), as real
        // clusters show (kubernetes/kubernetes#96641, #123612: `1/1 Running` on a NotReady node).
        ready: running ? '1/1' : '0/1',
        status,
        restarts: loop?.restarts ?? 0,
        ...(loop && loop.restarts > 0
          ? { lastRestartAgoMs: state.now - p.createdAt - loop.lastStartMs }
          : {}),
        ageMs: state.now - p.createdAt,
        ip:
          p.node === null
            ? '<none>'
            : hostNetwork
              ? (m?.ip ?? '<none>')
              : running
                ? (podIP ?? '<none>')
                : '<none>',
        node: p.node ?? '<none>',
      };
    });
}
