/**
 * When a node's network plugin became ready or stopped being ready: the kubelet's runtime
 * status check (pkg/kubelet/kubelet.go updateRuntimeUp, NetworkReady from the CRI) turns the
 * node's Ready condition False as soon as the CNI configuration is gone and True once it is
 * back. Files change through many commands (`rm`, `kubectl apply -f kube-flannel.yml`,
 * `kubeadm reset`), so the change is recorded after each command by comparing the machines it
 * touched: the keyed map's buckets that a command did not write are the same objects, so only
 * the changed buckets are looked at (nothing grows with the cluster for a one-machine command).
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { getKeyed, setKeyed, type KeyedMap } from '../model/keyed-map.ts';
import { FLANNEL_CNI_CONF } from './kubelet.ts';

const hasNetwork = (m: Machine): boolean => m.files[FLANNEL_CNI_CONF] !== undefined;

/** The machines of `after` whose bucket differs from `before`'s (every one when the map grew). */
function touched(before: KeyedMap<Machine>, after: KeyedMap<Machine>): Machine[] {
  const grown = before.buckets.length !== after.buckets.length;
  const out: Machine[] = [];
  after.buckets.forEach((bucket, i) => {
    if (!grown && bucket === before.buckets[i]) return;
    for (const m of Object.values(bucket)) out.push(m);
  });
  return out;
}

/**
 * `after` with `networkSince` set to `after.now` on every machine whose CNI configuration
 * appeared or went away since `before` (a machine added by the command keeps none: its node
 * registers later, and Ready counts from the registration).
 */
export function recordNetworkChanges(before: ClusterState, after: ClusterState): ClusterState {
  if (before.machines === after.machines) return after;
  let machines = after.machines;
  for (const m of touched(before.machines, after.machines)) {
    const old = getKeyed(before.machines, m.name);
    if (!old || old === m || hasNetwork(old) === hasNetwork(m)) continue;
    machines = setKeyed(machines, m.name, { ...m, networkSince: after.now });
  }
  return machines === after.machines ? after : { ...after, machines };
}

/**
 * True when a Pod started at `startedAt` on machine `m` still has its sandbox: the network
 * plugin is configured, or its configuration went away after the Pod started (a running Pod
 * keeps its network namespace; only new sandboxes need the plugin).
 */
export function sandboxSurvives(m: Machine, startedAt: number): boolean {
  return hasNetwork(m) || (m.networkSince !== undefined && startedAt < m.networkSince);
}
