/**
 * What `kubeadm upgrade plan|apply|node` share (cmd/kubeadm/app/cmd/upgrade/common.go
 * enforceRequirements, phases/upgrade/health.go): reading the cluster configuration, the cluster
 * health checks, the per-node control-plane version read from the static Pod manifests, and the
 * etcd/CoreDNS versions in use.
 */
import { controlPlaneNodes, nodeList } from '../../state/nodes.ts';
import type { ClusterState, Machine } from '../../model/state.ts';
import { EngineError } from '../../errors.ts';
import { log, type EngineEvent } from '../../events.ts';
import { findMinor, releaseCatalog } from '../../model/releases.ts';
import { nodeReady } from '../../machine/kubelet.ts';
import { findMachine } from '../../state/machines.ts';

/** Where kubeadm keeps the static Pod manifests. */
export const MANIFESTS = '/etc/kubernetes/manifests';

/** The two log lines every upgrade command prints after reading kubeadm-config (v1.35+ wording). */
export function configReadEvents(phase: string): EngineEvent[] {
  return [
    log(
      phase,
      'Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
    ),
    log(
      phase,
      "Use 'kubeadm init phase upload-config kubeadm --config your-config-file' to re-upload it.",
    ),
  ];
}

/** The cluster, or kubeadm's error when this machine cannot reach it with admin.conf. */
export function requireAdminCluster(
  state: ClusterState,
  m: Machine,
): NonNullable<ClusterState['cluster']> {
  const c = state.cluster;
  if (!c || m.files['/etc/kubernetes/admin.conf'] === undefined) {
    throw new EngineError('Kubeadm', {
      message:
        'couldn\'t create a Kubernetes client from file "/etc/kubernetes/admin.conf": failed to load admin kubeconfig: open /etc/kubernetes/admin.conf: no such file or directory',
    });
  }
  return c;
}

/** Control-plane nodes sorted by name. */
export { controlPlaneNodes };

/**
 * Errors of the cluster health checks (health.go): ControlPlaneNodesReady, and CreateJob (a
 * tiny Job must be scheduled and complete: it needs a Ready node that is not cordoned).
 */
export function healthErrors(state: ClusterState): string[] {
  const c = state.cluster;
  if (!c) return [];
  const errors: string[] = [];
  const notReady = controlPlaneNodes(state)
    .filter((n) => {
      const m = findMachine(state, n.machine);
      return !m || !nodeReady(m, state.now);
    })
    .map((n) => n.name);
  if (notReady.length > 0) {
    errors.push(
      `[ERROR ControlPlaneNodesReady]: there are NotReady control-planes in the cluster: [${notReady.join(' ')}]`,
    );
  }
  const schedulable = nodeList(state).some((n) => {
    const m = findMachine(state, n.machine);
    return n.unschedulable !== true && m !== undefined && nodeReady(m, state.now);
  });
  if (!schedulable) {
    // Upstream text: `Job "upgrade-health-check-<suffix>" in the namespace "kube-system" did not complete in 15s`
    // (exact suffix and trailing detail reconstructed).
    errors.push(
      '[ERROR CreateJob]: Job "upgrade-health-check" in the namespace "kube-system" did not complete in 15s: no condition of type Complete',
    );
  }
  return errors;
}

/** Image tag of a static Pod manifest on a machine ("v1.36.4", "3.6.9-0"), or null. */
export function manifestTag(m: Machine | undefined, component: string): string | null {
  const content = m?.files[`${MANIFESTS}/${component}.yaml`];
  if (content === undefined) return null;
  const match = new RegExp(`image: \\S*/${component}:(\\S+)`).exec(content);
  return match?.[1] ?? null;
}

/** The catalog entry of a version's minor (nearest known when missing). */
export function catalogEntry(version: string): (typeof releaseCatalog)[number] | undefined {
  const minor = version.replace(/^v/, '').split('.').slice(0, 2).join('.');
  return findMinor(minor) ?? releaseCatalog.at(-1);
}

/** CoreDNS tag running in the cluster. */
export function coreDNSInUse(c: NonNullable<ClusterState['cluster']>): string {
  return c.coreDNSVersion ?? catalogEntry(c.version)?.coreDNS ?? '';
}

/** Go's time format "2006-01-02-15-04-05" (UTC) for kubeadm's backup folder names. */
export function backupStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${p(d.getUTCHours())}-${p(d.getUTCMinutes())}-${p(d.getUTCSeconds())}`;
}

/**
 * klog header "I1125 09:00:12.345678    4242 file.go:N] " for a simulated time (klog's
 * `%c%02d%02d %02d:%02d:%02d.%06d %7d %s:%d] `: the PID right-aligned in 7 columns).
 */
export function klogPrefix(
  level: 'I' | 'W' | 'E',
  ms: number,
  micros: number,
  where: string,
  pid = 4242,
): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${level}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(micros, 6)} ${String(pid).padStart(7)} ${where}] `;
}
