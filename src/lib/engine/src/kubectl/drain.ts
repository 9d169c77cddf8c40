/**
 * `kubectl cordon|uncordon|drain NODE`, modelled on staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
 * and pkg/drain/filters.go (v1.33): cordon sets spec.unschedulable; drain cordons, then runs
 * each Pod of the node (the cluster's own and the reader's, in namespace/name order) through
 * upstream's filters: mirror (static) Pods are skipped silently; DaemonSet-managed Pods are
 * refused unless --ignore-daemonsets (then a warning); Pods with an emptyDir volume unless
 * --delete-emptydir-data (then a warning); Pods that declare no controller unless --force (then
 * a warning, and they are gone for good). The refusals of all Pods are reported together, grouped
 * by reason. The rest are evicted: Deployment Pods (CoreDNS, a reader's) are recreated by their
 * ReplicaSet with a new name on another Ready, schedulable node (or stay Pending).
 */
import type { ClusterState, NodeObject, PodObject } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text, type EngineEvent } from '../events.ts';
import { createRng, NAME_SUFFIX_ALPHABET } from '../random.ts';
import { nodeReady } from '../machine/kubelet.ts';
import { findMachine } from '../state/machines.ts';
import { findNode as lookupNode, nodeList, putNode } from '../state/nodes.ts';
import { podList, podsOnNode, putPod, removePod } from '../state/pods.ts';
import { storedUserPods } from '../workloads/user-pods.ts';
import { removeObject } from '../store/write.ts';
import type { ApiObject, Json } from '../store/types.ts';

/** Options of `kubectl drain`. */
export interface DrainOptions {
  readonly ignoreDaemonsets: boolean;
  readonly deleteEmptydirData: boolean;
  /** --force: also delete Pods that declare no controller. */
  readonly force?: boolean;
}

/** filters.go's messages: fatal (a refusal) and warning, per filter. */
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

type Obj = { readonly [k: string]: Json };

/** One Pod of the node as drain sees it: the cluster's own (compact) or a reader's (stored). */
interface DrainPod {
  readonly key: string;
  readonly compact?: PodObject;
  readonly stored?: ApiObject;
}

/** What filters.go decides for a Pod: evict, skip, or refuse; with a warning or fatal message. */
interface Verdict {
  readonly evict: boolean;
  readonly warning?: string;
  readonly fatal?: string;
}

function controllerKind(o: ApiObject): string | null {
  const refs = (o.metadata.ownerReferences ?? []) as readonly {
    kind?: string;
    controller?: boolean;
  }[];
  return refs.find((r) => r.controller === true)?.kind ?? null;
}

function hasEmptyDir(o: ApiObject): boolean {
  const volumes = ((o['spec'] as Obj | undefined)?.['volumes'] ?? []) as readonly Obj[];
  return volumes.some((v) => v['emptyDir'] !== undefined);
}

/** daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter in that order. */
function verdict(p: DrainPod, opts: DrainOptions): Verdict {
  if (p.compact) {
    if (DAEMONSET.has(p.compact.app))
      return opts.ignoreDaemonsets
        ? { evict: false, warning: DAEMONSET_WARNING }
        : { evict: false, fatal: DAEMONSET_FATAL };
    return { evict: true };
  }
  const o = p.stored as ApiObject;
  const kind = controllerKind(o);
  if (kind === 'DaemonSet')
    return opts.ignoreDaemonsets
      ? { evict: false, warning: DAEMONSET_WARNING }
      : { evict: false, fatal: DAEMONSET_FATAL };
  const phase = (o['status'] as Obj | undefined)?.['phase'];
  const finished = phase === 'Succeeded' || phase === 'Failed';
  let warning: string | undefined;
  if (!finished && hasEmptyDir(o)) {
    if (!opts.deleteEmptydirData) return { evict: false, fatal: LOCAL_STORAGE_FATAL };
    warning = LOCAL_STORAGE_WARNING;
  }
  if (kind === null) {
    if (opts.force !== true) return { evict: false, fatal: UNMANAGED_FATAL };
    warning = UNMANAGED_WARNING;
  }
  return warning !== undefined ? { evict: true, warning } : { evict: true };
}

/** PodDeleteList.errors() / Warnings(): Pods grouped by message, `MSG: ns/a, ns/b`. */
function grouped(items: ReadonlyArray<readonly [string, string]>): string[] {
  const by = new Map<string, string[]>();
  for (const [msg, pod] of items) by.set(msg, [...(by.get(msg) ?? []), pod]);
  return [...by].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`);
}

const STATIC: ReadonlySet<PodObject['app']> = new Set([
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
]);
const DAEMONSET: ReadonlySet<PodObject['app']> = new Set(['kube-proxy', 'kube-flannel']);

function findNode(state: ClusterState, name: string): NodeObject {
  const node = lookupNode(state, name);
  if (!node)
    throw new EngineError('UsageError', {
      message: `Error from server (NotFound): nodes "${name}" not found`,
    });
  return node;
}

function setUnschedulable(state: ClusterState, node: NodeObject, value: boolean): ClusterState {
  const next: NodeObject = value
    ? { ...node, unschedulable: true }
    : (({ unschedulable: _u, ...rest }) => rest)(node);
  return putNode(state, next);
}

/** `kubectl cordon NODE` (value true) or `kubectl uncordon NODE` (false). */
export function applyCordon(state: ClusterState, name: string, value: boolean): Transition {
  const node = findNode(state, name);
  const verb = value ? 'cordoned' : 'uncordoned';
  if ((node.unschedulable === true) === value)
    return ok(state, [text(`node/${name} already ${verb}`)]);
  return ok(setUnschedulable(state, node, value), [text(`node/${name} ${verb}`)]);
}

/** The Pods of `node` a drain looks at (static Pods' mirrors left out), in namespace/name order. */
function podsOn(state: ClusterState, node: string): DrainPod[] {
  const own = podsOnNode(state, node)
    .filter((p) => !STATIC.has(p.app))
    .map((p): DrainPod => ({ key: `${p.namespace}/${p.name}`, compact: p }));
  const readers = storedUserPods(state, null)
    .filter((o) => (o['spec'] as Obj | undefined)?.['nodeName'] === node)
    .map((o): DrainPod => ({ key: `${o.metadata.namespace ?? ''}/${o.metadata.name}`, stored: o }));
  return [...own, ...readers].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A Ready, schedulable node other than `except` for a recreated pod, or null (Pending). */
function scheduleTarget(state: ClusterState, except: string): string | null {
  const candidates = nodeList(state)
    .filter((n) => n.name !== except && n.unschedulable !== true)
    .filter((n) => {
      const m = findMachine(state, n.machine);
      return m !== undefined && nodeReady(m);
    });
  // Spread like the default scheduler's pod-topology spreading: prefer the node running fewer
  // pods of the same app. Deterministic: ties go to the first name.
  if (candidates.length === 0) return null;
  // One pass over the pods, not one per candidate node (5,000 nodes × 15,000 pods otherwise).
  const running = new Map<string, number>();
  for (const p of podList(state))
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
  // Already cordoned: nothing is written (no new resourceVersion), as kubectl sends no patch.
  let next = node.unschedulable === true ? state : setUnschedulable(state, node, true);
  const pods = podsOn(next, name).map((p) => ({ pod: p, v: verdict(p, opts) }));
  const fatal = grouped(
    pods.flatMap(({ pod, v }) => (v.fatal ? [[v.fatal, pod.key] as const] : [])),
  );
  if (fatal.length > 0) {
    // utilerrors.NewAggregate: one error as it is, several as `[e1, e2]`.
    const errors = fatal.map((f) => `cannot delete ${f}`);
    const reason = errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`;
    events.push(
      text(
        `error: unable to drain node "${name}" due to error: ${reason}, continuing command...`,
        'stderr',
      ),
      text(`There are pending nodes to be drained:\n ${name}`, 'stderr'),
    );
    // The node stays cordoned: kubectl cordons before it looks at the pods. CheckErr prints an
    // aggregate's errors one per line. (Upstream groups them in a Go map: with several reasons
    // their order varies from run to run; this one is fixed.)
    return fail(new EngineError('UsageError', { message: errors.join('\n') }), events, next);
  }
  const warnings = grouped(
    pods.flatMap(({ pod, v }) => (v.warning ? [[v.warning, pod.key] as const] : [])),
  );
  if (warnings.length > 0) events.push(text(`Warning: ${warnings.join('; ')}`, 'stderr'));
  const evict = pods.filter(({ v }) => v.evict).map(({ pod }) => pod);
  for (const p of evict) events.push(text(`evicting pod ${p.key}`));
  const rng = createRng(next.rng);
  for (const p of evict) {
    if (p.stored) {
      // Evicted: the kubelet stops it and it is gone; its ReplicaSet (if any) replaces it when
      // the controllers run after this command.
      const o = p.stored;
      next = removeObject(next, 'pods', o.metadata.namespace ?? null, o.metadata.name);
      events.push(text(`pod/${o.metadata.name} evicted`));
      continue;
    }
    const c = p.compact as PodObject;
    // The ReplicaSet replaces the pod: same "<deployment>-<rs hash>-" prefix, new suffix.
    const prefix = c.name.slice(0, c.name.lastIndexOf('-') + 1);
    const replacement = `${prefix}${rng.pick(NAME_SUFFIX_ALPHABET, 5)}`;
    const withoutOld = removePod(next, c.namespace, c.name);
    const target = scheduleTarget(withoutOld, name);
    const pod: PodObject = { ...c, name: replacement, node: target, createdAt: next.now };
    next = putPod(withoutOld, pod);
    events.push(text(`pod/${c.name} evicted`));
  }
  events.push(text(`node/${name} drained`));
  return ok({ ...next, rng: rng.state, now: next.now + (evict.length > 0 ? 5000 : 0) }, events);
}
