/**
 * Goals of the install guide's leaves: machines prepared, control plane initialised, nodes Ready,
 * workers joined. Each mirrors what the leaf's snippets leave behind (see scenarios/index.ts), but
 * checks the outcome, not the commands, so any correct route counts.
 */
import { controlPlaneNodes, nodeList } from '../state/nodes.ts';
import type { ClusterState, KubePackage } from '../model/state.ts';
import { listNodes } from '../views/cluster.ts';
import { listNames, type Goal, type GoalShell } from './types.ts';
import { findMachine, machineNames } from '../state/machines.ts';

const PACKAGES: readonly KubePackage[] = ['kubeadm', 'kubelet', 'kubectl'];

/** Where the install guide copies admin.conf so kubectl finds it ($HOME/.kube/config of root). */
const ADMIN_KUBECONFIG = '/root/.kube/config';

/**
 * The files kubectl would read its kubeconfig from, the way client-go's loading rules pick them:
 * every path in KUBECONFIG (colon-separated) when it is set, otherwise $HOME/.kube/config.
 * upstream: staging/src/k8s.io/client-go/tools/clientcmd/loader.go (NewDefaultClientConfigLoadingRules)
 */
function kubeconfigCandidates(shell: GoalShell | undefined): string[] {
  const home = shell?.env['HOME'] ?? '/root';
  const list = shell?.env['KUBECONFIG'];
  if (list === undefined || list === '') return [`${home}/.kube/config`];
  return list
    .split(':')
    .filter((path) => path !== '')
    .map((path) => (path.startsWith('/') ? path : `${home}/${path}`));
}

function sortedMachines(state: ClusterState): string[] {
  return machineNames(state).sort();
}

/** Swap off, IP forwarding on, and kubeadm, kubelet and kubectl installed and held everywhere. */
export const packagesInstalledAndHeld: Goal = {
  title:
    'every machine has swap off, IP forwarding on and kubeadm, kubelet and kubectl installed and held',
  check(state) {
    const missing: string[] = [];
    for (const name of sortedMachines(state)) {
      const m = findMachine(state, name);
      if (!m) continue;
      const problems: string[] = [];
      if (m.swapOn) problems.push('swap is on');
      if (m.ipForward !== 1) problems.push('IP forwarding is off');
      const absent = PACKAGES.filter((p) => m.packages[p] === undefined);
      const unheld = PACKAGES.filter((p) => m.packages[p] !== undefined && !m.packages[p]?.held);
      if (absent.length > 0) problems.push(`${listNames(absent)} not installed`);
      if (unheld.length > 0) problems.push(`${listNames(unheld)} not held`);
      if (problems.length > 0) missing.push(`${name}: ${problems.join(', ')}`);
    }
    if (sortedMachines(state).length === 0) return { done: false, detail: 'there are no machines' };
    return missing.length === 0
      ? { done: true, detail: 'all machines are ready for kubeadm' }
      : { done: false, detail: missing.join('; ') };
  },
};

/** kubeadm init succeeded and root's kubectl has the admin kubeconfig on a control-plane node. */
export const controlPlaneInitialized: Goal = {
  title: 'kubeadm init has run and kubectl on the control-plane node can reach the cluster',
  check(state, shell) {
    const cluster = state.cluster;
    if (!cluster) return { done: false, detail: 'kubeadm init has not completed yet' };
    const planes = controlPlaneNodes(state);
    const candidates = kubeconfigCandidates(shell);
    const configured = planes.filter((n) =>
      candidates.some((path) => findMachine(state, n.machine)?.files[path] !== undefined),
    );
    if (configured.length === 0) {
      const where =
        shell?.env['KUBECONFIG'] === undefined
          ? `${candidates[0] ?? ADMIN_KUBECONFIG} is missing: copy /etc/kubernetes/admin.conf there`
          : `KUBECONFIG names ${candidates.join(', ') || 'no file'}, which does not exist`;
      return {
        done: false,
        detail: `the control plane is up, but ${where} (or export KUBECONFIG=/etc/kubernetes/admin.conf)`,
      };
    }
    return { done: true, detail: `control plane ${cluster.version} is initialised` };
  },
};

/** At least one node, and every node reports Ready. */
export const allNodesReady: Goal = {
  title: 'every node is Ready',
  check(state) {
    const nodes = listNodes(state);
    if (nodes.length === 0) return { done: false, detail: 'the cluster has no nodes yet' };
    const notReady = nodes.filter((n) => !n.status.startsWith('Ready')).map((n) => n.name);
    return notReady.length === 0
      ? { done: true, detail: `${nodes.length} of ${nodes.length} nodes are Ready` }
      : {
          done: false,
          detail: `${listNames(notReady)} ${notReady.length === 1 ? 'is' : 'are'} NotReady`,
        };
  },
};

/** Every machine with kubeadm installed is a node, and at least one node is a worker. */
export const workersJoined: Goal = {
  title: 'every prepared machine has joined the cluster',
  check(state) {
    const cluster = state.cluster;
    if (!cluster) return { done: false, detail: 'there is no cluster to join yet' };
    const joined = new Set(nodeList(state).map((n) => n.machine));
    const waiting = sortedMachines(state).filter(
      (name) => findMachine(state, name)?.packages.kubeadm !== undefined && !joined.has(name),
    );
    const workers = nodeList(state).filter((n) => !n.controlPlane).length;
    if (waiting.length > 0)
      return {
        done: false,
        detail: `${listNames(waiting)} ${waiting.length === 1 ? 'has' : 'have'} not joined`,
      };
    if (workers === 0) return { done: false, detail: 'no worker node has joined' };
    return { done: true, detail: `${workers} worker${workers === 1 ? '' : 's'} joined` };
  },
};
