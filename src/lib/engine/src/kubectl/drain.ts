/**
 * `kubectl cordon|uncordon|drain NODE`, modelled on staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
 * and pkg/drain/filters.go (v1.33): cordon sets spec.unschedulable; drain cordons, then runs
 * each Pod of the node (the cluster's own and the reader's, in namespace/name order) through
 * upstream's filters: mirror (static) Pods are skipped silently; DaemonSet-managed Pods are
 * refused unless --ignore-daemonsets (then a warning); Pods with an emptyDir volume unless
 * --delete-emptydir-data (then a warning); Pods that declare no controller unless --force (then
 * a warning, and they are gone for good). The refusals of all Pods are reported together, grouped
 * by reason. The rest go through the eviction subresource one by one (workloads/pod-eviction.ts,
 * the API server's decision, PodDisruptionBudgets included) in kubectl/drain-evictions.ts, or
 * are deleted with --disable-eviction; Deployment Pods (CoreDNS, a reader's) are recreated by
 * their ReplicaSet with a new name on another Ready, schedulable node (or stay Pending).
 */
import type { ClusterState, NodeObject, PodObject } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { text, type EngineEvent } from '../events.ts';
import { findNode as lookupNode, putNode } from '../state/nodes.ts';
import { podsOnNode } from '../state/pods.ts';
import { storedUserPods } from '../workloads/user-pods.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { drainPods, type DrainRun } from './drain-evictions.ts';

/** Options of `kubectl drain`. */
export interface DrainOptions {
  readonly ignoreDaemonsets: boolean;
  readonly deleteEmptydirData: boolean;
  /** --force: also delete Pods that declare no controller. */
  readonly force?: boolean;
  /** --timeout in milliseconds; 0 or absent: no limit (kubectl waits forever). */
  readonly timeoutMs?: number;
  /** --disable-eviction: delete the Pods, bypassing PodDisruptionBudgets. */
  readonly disableEviction?: boolean;
  /** --dry-run=client|server (absent: none). */
  readonly dryRun?: 'client' | 'server';
  /** --grace-period when not negative: each delete's DeleteOptions.gracePeriodSeconds. */
  readonly gracePeriodSeconds?: number;
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

/**
 * `kubectl drain NODE… [--ignore-daemonsets] [--delete-emptydir-data]`, as RunDrain does it:
 * every node cordoned first (RunCordonOrUncordon), then each drained in turn; a node that cannot
 * be drained is reported ("continuing command...") and the next one is still drained; the
 * nodes left are listed at the end and the command fails with their errors.
 */
export function applyDrain(
  state: ClusterState,
  name: string,
  opts: DrainOptions,
  also: readonly string[] = [],
): Transition {
  const names = [name, ...also];
  const dry = dryRunSuffix(opts);
  const events: EngineEvent[] = [];
  let next = state;
  for (const n of names) {
    const node = findNode(next, n);
    events.push(
      text(
        `${node.unschedulable === true ? `node/${n} already cordoned` : `node/${n} cordoned`}${dry}`,
      ),
    );
    // Already cordoned (or a dry run): nothing is written (no new resourceVersion), as kubectl
    // sends no patch (or a dry-run one).
    if (node.unschedulable !== true && opts.dryRun === undefined)
      next = setUnschedulable(next, node, true);
  }
  const pending: string[] = [];
  const errors: string[] = [];
  for (const n of names) {
    const one = drainOne(next, n, opts);
    next = one.state;
    events.push(...one.events);
    // The real kubectl would still be retrying: the simulator's notice, none of kubectl's lines.
    if (one.notice !== undefined)
      return fail(new EngineError('UsageError', { message: one.notice }), events, next);
    if (one.error !== undefined) {
      pending.push(n);
      errors.push(one.error);
    }
  }
  if (pending.length === 0) return ok(next, events);
  events.push(
    text(
      `There are pending nodes to be drained:\n${pending.map((n) => ` ${n}`).join('\n')}`,
      'stderr',
    ),
  );
  // The node stays cordoned: kubectl cordons before it looks at the pods.
  return fail(new EngineError('UsageError', { message: errors.join('\n') }), events, next);
}

/** One cordoned node drained: its events, and the error CheckErr prints if it failed. */
interface NodeDrain {
  readonly state: ClusterState;
  readonly events: readonly EngineEvent[];
  readonly error?: string;
  readonly notice?: string;
}

/** deleteOrEvictPodsSimple for one node: the filters' refusals, warnings, then the evictions. */
function drainOne(state: ClusterState, name: string, opts: DrainOptions): NodeDrain {
  const pods = podsOn(state, name).map((p) => ({ pod: p, v: verdict(p, opts) }));
  const fatal = grouped(
    pods.flatMap(({ pod, v }) => (v.fatal ? [[v.fatal, pod.key] as const] : [])),
  );
  if (fatal.length > 0) {
    // utilerrors.NewAggregate: one error as it is, several as `[e1, e2]`. CheckErr prints an
    // aggregate's errors one per line. (Upstream groups them in a Go map: with several reasons
    // their order varies from run to run; this one is fixed.)
    const errors = fatal.map((f) => `cannot delete ${f}`);
    const reason = errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`;
    return {
      state,
      events: [unableToDrain(name, reason)],
      error: errors.join('\n'),
    };
  }
  const warnings = grouped(
    pods.flatMap(({ pod, v }) => (v.warning ? [[v.warning, pod.key] as const] : [])),
  );
  const events = warnings.length > 0 ? [text(`Warning: ${warnings.join('; ')}`, 'stderr')] : [];
  const evict = pods.filter(({ v }) => v.evict).map(({ pod }) => pod.key);
  return finish(drainPods(state, evict, opts), name, events);
}

/** RunDrain's report of a node it could not drain. */
function unableToDrain(name: string, reason: string): EngineEvent {
  return text(
    `error: unable to drain node "${name}" due to error: ${reason}, continuing command...`,
    'stderr',
  );
}

/**
 * cmd/drain RunDrain after the evictions: `node/N drained`, or kubectl's report of the Pods
 * still on the node and the eviction errors (utilerrors aggregate).
 */
function finish(run: DrainRun, name: string, events: readonly EngineEvent[]): NodeDrain {
  const out = [...events, ...run.events];
  if (run.notice !== undefined) return { state: run.state, events: out, notice: run.notice };
  if (run.errors.length === 0)
    return {
      state: run.state,
      events: [...out, text(`node/${name} drained${dryRunSuffix(run.options)}`)],
    };
  const unique = [...new Set(run.errors)];
  const aggregate = unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
  const pending = podsOn(run.state, name).filter((p) => verdict(p, run.options).evict);
  if (pending.length > 0)
    out.push(
      text(
        [
          `There are pending pods in node "${name}" when an error occurred: ${aggregate}`,
          ...pending.map((p) => `pod/${p.key.slice(p.key.indexOf('/') + 1)}`),
        ].join('\n'),
        'stderr',
      ),
    );
  out.push(unableToDrain(name, aggregate));
  // CheckErr prints an aggregate's errors one per line, a plain error after `error: `.
  const error = run.plain === true ? `error: ${aggregate}` : unique.join('\n');
  return { state: run.state, events: out, error };
}

/** cmdutil.PrintFlagsWithDryRunStrategy: what the printed operations get in a dry run. */
function dryRunSuffix(opts: DrainOptions): string {
  return opts.dryRun === 'client'
    ? ' (dry run)'
    : opts.dryRun === 'server'
      ? ' (server dry run)'
      : '';
}
