/**
 * `kubectl cordon|uncordon|drain NODE`, modelled on staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
 * and pkg/drain/filters.go: cordon sets spec.unschedulable; drain cordons, skips mirror (static)
 * pods silently, refuses DaemonSet-managed pods unless --ignore-daemonsets (then warns), and
 * evicts the rest. Evicted Deployment pods (CoreDNS) are recreated by their ReplicaSet with a new
 * name and scheduled on another Ready, schedulable node (or stay Pending).
 */
import type { ClusterState, NodeObject, PodObject } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text, type EngineEvent } from '../events.ts';
import { createRng, NAME_SUFFIX_ALPHABET } from '../random.ts';
import { nodeReady } from '../machine/kubelet.ts';
import { findMachine } from '../state/machines.ts';

/** Options of `kubectl drain`. */
export interface DrainOptions {
  readonly ignoreDaemonsets: boolean;
  readonly deleteEmptydirData: boolean;
}

const STATIC: ReadonlySet<PodObject['app']> = new Set([
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
]);
const DAEMONSET: ReadonlySet<PodObject['app']> = new Set(['kube-proxy', 'kube-flannel']);

function findNode(state: ClusterState, name: string): NodeObject {
  const nodes = state.cluster?.nodes;
  const node = nodes && Object.hasOwn(nodes, name) ? nodes[name] : undefined;
  if (!node)
    throw new EngineError('UsageError', {
      message: `Error from server (NotFound): nodes "${name}" not found`,
    });
  return node;
}

function setUnschedulable(state: ClusterState, node: NodeObject, value: boolean): ClusterState {
  const c = state.cluster;
  if (!c) return state;
  const next: NodeObject = value
    ? { ...node, unschedulable: true }
    : (({ unschedulable: _u, ...rest }) => rest)(node);
  return { ...state, cluster: { ...c, nodes: { ...c.nodes, [node.name]: next } } };
}

/** `kubectl cordon NODE` (value true) or `kubectl uncordon NODE` (false). */
export function applyCordon(state: ClusterState, name: string, value: boolean): Transition {
  const node = findNode(state, name);
  const verb = value ? 'cordoned' : 'uncordoned';
  if ((node.unschedulable === true) === value)
    return ok(state, [text(`node/${name} already ${verb}`)]);
  return ok(setUnschedulable(state, node, value), [text(`node/${name} ${verb}`)]);
}

/** Pods a drain of `node` would touch, by kind, sorted by namespace/name like kubectl lists them. */
function podsOn(state: ClusterState, node: string): { daemon: PodObject[]; evict: PodObject[] } {
  const pods = Object.values(state.cluster?.pods ?? {})
    .filter((p) => p.node === node && !STATIC.has(p.app))
    .sort((a, b) => (`${a.namespace}/${a.name}` < `${b.namespace}/${b.name}` ? -1 : 1));
  return {
    daemon: pods.filter((p) => DAEMONSET.has(p.app)),
    evict: pods.filter((p) => !DAEMONSET.has(p.app)),
  };
}

/** A Ready, schedulable node other than `except` for a recreated pod, or null (Pending). */
function scheduleTarget(state: ClusterState, except: string): string | null {
  const c = state.cluster;
  if (!c) return null;
  const candidates = Object.values(c.nodes)
    .filter((n) => n.name !== except && n.unschedulable !== true)
    .filter((n) => {
      const m = findMachine(state, n.machine);
      return m !== undefined && nodeReady(m);
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  // Spread like the default scheduler's pod-topology spreading: prefer the node running fewer
  // pods of the same app. Deterministic: ties go to the first name.
  if (candidates.length === 0) return null;
  // One pass over the pods, not one per candidate node (5,000 nodes × 15,000 pods otherwise).
  const running = new Map<string, number>();
  for (const p of Object.values(c.pods))
    if (p.app === 'coredns' && p.node !== null) running.set(p.node, (running.get(p.node) ?? 0) + 1);
  const count = (n: string): number => running.get(n) ?? 0;
  return [...candidates].sort((a, b) => count(a.name) - count(b.name))[0]?.name ?? null;
}

/** `kubectl drain NODE [--ignore-daemonsets] [--delete-emptydir-data]`. */
export function applyDrain(state: ClusterState, name: string, opts: DrainOptions): Transition {
  const node = findNode(state, name);
  const events: EngineEvent[] = [
    text(node.unschedulable === true ? `node/${name} already cordoned` : `node/${name} cordoned`),
  ];
  let next = setUnschedulable(state, node, true);
  const { daemon, evict } = podsOn(next, name);
  const daemonList = daemon.map((p) => `${p.namespace}/${p.name}`).join(', ');
  if (daemon.length > 0 && !opts.ignoreDaemonsets) {
    const reason = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonList}`;
    events.push(
      text(
        `error: unable to drain node "${name}" due to error: ${reason}, continuing command...`,
        'stderr',
      ),
      text(`There are pending nodes to be drained:\n ${name}`, 'stderr'),
    );
    // The node stays cordoned: kubectl cordons before it looks at the pods.
    return fail(new EngineError('UsageError', { message: reason }), events, next);
  }
  if (daemon.length > 0)
    events.push(text(`Warning: ignoring DaemonSet-managed Pods: ${daemonList}`, 'stderr'));
  for (const p of evict) events.push(text(`evicting pod ${p.namespace}/${p.name}`));
  const rng = createRng(next.rng);
  for (const p of evict) {
    const c = next.cluster;
    if (!c) break;
    const { [`${p.namespace}/${p.name}`]: _gone, ...rest } = c.pods;
    // The ReplicaSet replaces the pod: same "<deployment>-<rs hash>-" prefix, new suffix.
    const prefix = p.name.slice(0, p.name.lastIndexOf('-') + 1);
    const replacement = `${prefix}${rng.pick(NAME_SUFFIX_ALPHABET, 5)}`;
    const withoutOld = { ...next, cluster: { ...c, pods: rest } };
    const target = scheduleTarget(withoutOld, name);
    const pod: PodObject = { ...p, name: replacement, node: target, createdAt: next.now };
    next = {
      ...withoutOld,
      cluster: { ...c, pods: { ...rest, [`${p.namespace}/${replacement}`]: pod } },
    };
    events.push(text(`pod/${p.name} evicted`));
  }
  events.push(text(`node/${name} drained`));
  return ok({ ...next, rng: rng.state, now: next.now + (evict.length > 0 ? 5000 : 0) }, events);
}
