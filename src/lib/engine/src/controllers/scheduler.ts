/**
 * kube-scheduler for a reader's Pods: a pending Pod goes to a node that is schedulable, matches
 * its nodeSelector and whose NoSchedule/NoExecute taints it tolerates (the served Node's taints,
 * so kubeadm's control-plane taint, `kubectl taint` and the node lifecycle controller's
 * not-ready/unreachable/unschedulable taints all count); among those, the one running the
 * fewest Pods (a rough stand-in for the resource scores), then by name. A Pod no node fits
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
import { storedUserPods, userPodSim } from '../workloads/user-pods.ts';

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

/** FitError's message for `reasons` (one per node). */
function fitError(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort();
  const n = reasons.length;
  return `0/${n} nodes are available: ${parts.join(', ')}. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;
}

/** Binds every pending user Pod it can; records why for the others. */
export function schedulePods(state: ClusterState): ClusterState {
  const users = storedUserPods(state, null);
  const pending = users.filter((p) => ((p['spec'] ?? {}) as Obj)['nodeName'] === undefined);
  if (pending.length === 0) return state;
  const nodes = nodeList(state).map((n) => nodeObject(state, n.name) as unknown as Obj);
  const load = new Map<string, number>();
  for (const n of nodeList(state)) load.set(n.name, podsOnNode(state, n.name).length);
  for (const p of users) {
    const on = ((p['spec'] ?? {}) as Obj)['nodeName'];
    if (typeof on === 'string') load.set(on, (load.get(on) ?? 0) + 1);
  }
  let s = state;
  for (const pod of pending.sort((a, b) => userPodSim(a).createdAt - userPodSim(b).createdAt)) {
    const reasons: string[] = [];
    const fits: string[] = [];
    for (const node of nodes) {
      const name = ((node['metadata'] as Obj)['name'] as string | undefined) ?? '';
      const why = nodeRejects(pod, node);
      if (why === null) fits.push(name);
      else reasons.push(why);
    }
    const sim = userPodSim(pod);
    if (fits.length === 0) {
      const message =
        nodes.length === 0 ? 'no nodes available to schedule pods' : fitError(reasons);
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
    const best =
      [...fits].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (a < b ? -1 : 1))[0] ??
      '';
    load.set(best, (load.get(best) ?? 0) + 1);
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
