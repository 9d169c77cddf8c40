/**
 * What happens to a Pod once the API server lets it go (an eviction, or drain's delete when
 * eviction is disabled): a reader's Pod is deleted (its ReplicaSet, if any, replaces it when the
 * controllers run); the cluster's own CoreDNS Pod is replaced by its ReplicaSet at once with a
 * new name on another Ready, schedulable node (or stays Pending); the other Pods of the cluster
 * (static Pods' mirrors, DaemonSet Pods) come back as their owner recreates them
 * (controllers/system-workloads.ts replaceDeletedPod, as `kubectl delete pod` does).
 */
import type { ClusterState, PodObject } from '../model/state.ts';
import { createRng, NAME_SUFFIX_ALPHABET } from '../random.ts';
import { nodeReady } from '../machine/kubelet.ts';
import { findMachine } from '../state/machines.ts';
import { nodeList } from '../state/nodes.ts';
import { findPod, podList, putPod, removePod } from '../state/pods.ts';
import { removeObject } from '../store/write.ts';
import { replaceDeletedPod } from '../controllers/system-workloads.ts';

/** A Ready, schedulable node other than `except` for a recreated pod, or null (Pending). */
function scheduleTarget(state: ClusterState, except: string | null): string | null {
  const candidates = nodeList(state)
    .filter((n) => n.name !== except && n.unschedulable !== true)
    .filter((n) => {
      const m = findMachine(state, n.machine);
      return m !== undefined && nodeReady(m, state.now);
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

function replaceCoreDns(state: ClusterState, c: PodObject): ClusterState {
  const rng = createRng(state.rng);
  // The ReplicaSet replaces the pod: same "<deployment>-<rs hash>-" prefix, new suffix.
  const prefix = c.name.slice(0, c.name.lastIndexOf('-') + 1);
  const replacement = `${prefix}${rng.pick(NAME_SUFFIX_ALPHABET, 5)}`;
  const withoutOld = removePod(state, c.namespace, c.name);
  const target = scheduleTarget(withoutOld, c.node);
  const pod: PodObject = { ...c, name: replacement, node: target, createdAt: state.now };
  return { ...putPod(withoutOld, pod), rng: rng.state };
}

/** The state once Pod `namespace/name` has been deleted by an eviction (or drain's delete). */
export function removeEvictedPod(
  state: ClusterState,
  namespace: string,
  name: string,
): ClusterState {
  const own = findPod(state, namespace, name);
  if (!own) return removeObject(state, 'pods', namespace, name);
  return own.app === 'coredns' ? replaceCoreDns(state, own) : replaceDeletedPod(state, own);
}
