/**
 * kube-scheduler for a reader's Pods: a pending Pod goes to a node that is schedulable, matches
 * its nodeSelector and whose NoSchedule/NoExecute taints it tolerates (the served Node's taints,
 * so kubeadm's control-plane taint, `kubectl taint` and the node lifecycle controller's
 * not-ready/unreachable/unschedulable taints all count) and has room for its requests and one
 * more Pod (NodeResourcesFit against the node's allocatable, after every bound Pod's requests);
 * among those, the one running the fewest Pods (a rough stand-in for the resource scores), then
 * by name. A Pod no node fits
 * stays Pending with the FailedScheduling message the scheduler writes into its PodScheduled
 * condition.
 *
 * upstream (v1.32): pkg/scheduler/framework/plugins/nodeunschedulable ("node(s) were
 * unschedulable"), tainttoleration ("node(s) had untolerated taint {%s: %s}"), nodeaffinity
 * ("node(s) didn't match Pod's node affinity/selector"), pkg/scheduler/framework/types.go
 * (FitError.Error: "0/%v nodes are available: %v." with reasons sorted, then the preemption
 * message "preemption: 0/%v nodes are available: %v Preemption is not helpful for scheduling."),
 * k8s.io/api/core/v1 toleration.go (ToleratesTaint).
 */
import type { ClusterState } from '../model/state.ts';
import { nodeObject } from '../objects/node-object.ts';
import { nodeList } from '../state/nodes.ts';
import { podsOnNode } from '../state/pods.ts';
import type { ApiObject, Json } from '../store/types.ts';
import { putObject } from '../store/write.ts';
import { tolerates, type Taint, type Toleration } from './tolerations.ts';
import { reservePodIp } from './pod-ips.ts';
import { recordEvent } from '../objects/controller-events.ts';
import { servedUserPod, storedUserPods, userPodSim } from '../workloads/user-pods.ts';
import { isJobPod } from '../workloads/job-pod-run.ts';
import { POD_RESOURCES } from '../objects/pod-object.ts';
import {
  insufficient,
  nodeAllocatable,
  podRequests,
  usageOf,
  withPod,
  type NodeUsage,
} from './resource-fit.ts';

type Obj = { readonly [k: string]: Json };

/** Why `node` (as the API serves it) cannot take the Pod (the first failing filter), or null. */
export function nodeRejects(pod: ApiObject, node: Obj): string | null {
  const podSpec = (pod['spec'] ?? {}) as Obj;
  const tolerations = (podSpec['tolerations'] ?? []) as readonly Toleration[];
  const nodeSpec = (node['spec'] ?? {}) as Obj;
  const taints = (nodeSpec['taints'] ?? []) as readonly Taint[];
  const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
  if (
    nodeSpec['unschedulable'] === true &&
    !tolerations.some((t) => tolerates(t, unschedulableTaint))
  )
    return 'node(s) were unschedulable';
  const selector = (podSpec['nodeSelector'] ?? {}) as Record<string, string>;
  const labels = ((node['metadata'] as Obj)['labels'] ?? {}) as Record<string, string>;
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v))
    return "node(s) didn't match Pod's node affinity/selector";
  const bad = taints.find(
    (t) =>
      (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
      !tolerations.some((x) => tolerates(x, t)),
  );
  return bad ? `node(s) had untolerated taint {${bad.key}: ${bad.value ?? ''}}` : null;
}

/** Why one node was filtered out: its reasons, and whether preemption could change that. */
interface NodeVerdict {
  readonly reasons: readonly string[];
  /** UnschedulableAndUnresolvable (taints, selector, cordon) rather than Unschedulable. */
  readonly unresolvable: boolean;
}

/** "N reason" parts sorted as strings (FitError.Error's sortReasonsHistogram). */
function histogram(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}

/**
 * FitError's message: every node's reasons, then the preemption PostFilter's: a node filtered
 * out by an unresolvable plugin is "not helpful"; one short of resources has no victims, as
 * every Pod it runs has at least the incoming Pod's priority (user Pods run at priority 0, the
 * system's at system-node-critical or system-cluster-critical; higher-priority user Pods that
 * would preempt are not simulated).
 */
function fitError(verdicts: readonly NodeVerdict[]): string {
  const n = verdicts.length;
  const filters = histogram(verdicts.flatMap((v) => v.reasons));
  const preemption = histogram(
    verdicts.map((v) =>
      v.unresolvable
        ? 'Preemption is not helpful for scheduling'
        : 'No preemption victims found for incoming pod',
    ),
  );
  return `0/${n} nodes are available: ${filters}. preemption: 0/${n} nodes are available: ${preemption}.`;
}

/** The Pods bound to each node, as container specs to sum, with their count. */
function nodeUsages(state: ClusterState, users: readonly ApiObject[]): Map<string, NodeUsage> {
  const usage = new Map<string, NodeUsage>();
  for (const n of nodeList(state))
    usage.set(
      n.name,
      usageOf(
        podsOnNode(state, n.name).map((p) => ({
          containers: [{ resources: POD_RESOURCES[p.app] as Obj }],
        })),
      ),
    );
  for (const p of users) {
    const spec = (p['spec'] ?? {}) as Obj;
    const on = spec['nodeName'];
    if (typeof on !== 'string' || terminal(state, p)) continue;
    usage.set(on, withPod(usage.get(on) ?? usageOf([]), podRequests(spec)));
  }
  return usage;
}

/** A finished Job Pod: the scheduler's cache drops terminal Pods. */
function terminal(state: ClusterState, p: ApiObject): boolean {
  if (!isJobPod(p)) return false;
  const phase = ((servedUserPod(state, p)['status'] ?? {}) as Obj)['phase'];
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Binds every pending user Pod it can; records why for the others. */
export function schedulePods(state: ClusterState): ClusterState {
  const users = storedUserPods(state, null);
  const pending = users.filter((p) => ((p['spec'] ?? {}) as Obj)['nodeName'] === undefined);
  if (pending.length === 0) return state;
  const nodes = nodeList(state).map((n) => nodeObject(state, n.name) as unknown as Obj);
  const usage = nodeUsages(state, users);
  let s = state;
  for (const pod of pending.sort((a, b) => userPodSim(a).createdAt - userPodSim(b).createdAt)) {
    const verdicts: NodeVerdict[] = [];
    const fits: string[] = [];
    const requests = podRequests((pod['spec'] ?? {}) as Obj);
    for (const node of nodes) {
      const name = ((node['metadata'] as Obj)['name'] as string | undefined) ?? '';
      const why = nodeRejects(pod, node);
      // NodeResourcesFit runs after the unresolvable filters (default_plugins.go order).
      const short =
        why === null
          ? insufficient(requests, nodeAllocatable(node), usage.get(name) ?? usageOf([]))
          : [];
      if (why === null && short.length === 0) fits.push(name);
      else
        verdicts.push(
          why !== null
            ? { reasons: [why], unresolvable: true }
            : { reasons: short, unresolvable: false },
        );
    }
    const sim = userPodSim(pod);
    if (fits.length === 0) {
      const message =
        nodes.length === 0 ? 'no nodes available to schedule pods' : fitError(verdicts);
      if (sim.unschedulable !== message) {
        s = putObject(s, 'pods', {
          ...pod,
          simulator: { ...sim, unschedulable: message },
        });
        s = recordEvent(s, {
          object: pod,
          reason: 'FailedScheduling',
          message,
          component: 'default-scheduler',
          type: 'Warning',
        });
      }
      continue;
    }
    const load = (n: string): number => usage.get(n)?.pods ?? 0;
    const best = [...fits].sort((a, b) => load(a) - load(b) || (a < b ? -1 : 1))[0] ?? '';
    usage.set(best, withPod(usage.get(best) ?? usageOf([]), requests));
    const { unschedulable: _gone, ...rest } = sim;
    // host-local reserves the Pod's address on its node (controllers/pod-ips.ts).
    const ip = ((pod['spec'] ?? {}) as Obj)['hostNetwork'] === true ? null : reservePodIp(s, best);
    s = putObject(ip?.state ?? s, 'pods', {
      ...pod,
      spec: { ...((pod['spec'] ?? {}) as Obj), nodeName: best },
      simulator: { ...rest, scheduledAt: s.now, ...(ip ? { ipHost: ip.host } : {}) },
    });
    s = recordEvent(s, {
      object: pod,
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${best}`,
      component: 'default-scheduler',
    });
  }
  return s;
}
