/**
 * kubeadm's preflight checks (cmd/kubeadm/app/preflight/checks.go), evaluated against a
 * simulated machine. Check names and messages follow upstream; order follows RunInitNodeChecks /
 * RunJoinNodeChecks followed by the common checks.
 */
import type { Machine } from '../model/state.ts';
import { parseVersion } from '../model/version.ts';
import { EngineError } from '../errors.ts';
import { log, text, type EngineEvent } from '../events.ts';

/** One finding: check name and message. */
export interface Finding {
  readonly check: string;
  readonly message: string;
}

/** Result of running the checks. */
export interface PreflightResult {
  readonly warnings: readonly Finding[];
  readonly errors: readonly Finding[];
}

/** kubeadm's ControlPlaneNumCPU. */
export const CONTROL_PLANE_NUM_CPU = 2;
/** kubeadm's ControlPlaneMem, in MB. */
export const CONTROL_PLANE_MEM_MB = 1700;

// The SwapCheck warning since kubeadm v1.31.
const SWAP_WARNING =
  'swap is supported for cgroup v2 only. The kubelet must be properly configured to use swap. Please refer to https://kubernetes.io/docs/concepts/architecture/nodes/#swap-memory, or disable swap on the node';

const CRI_DOWN =
  'container runtime is not running: output: time="%TIME%" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/containerd/containerd.sock: connect: no such file or directory\\""\n, error: exit status 1';

/** Inputs the checks need beyond the machine. */
export interface PreflightInput {
  readonly kind: 'init' | 'join';
  readonly controlPlane: boolean;
  /** Control-plane version the node will run against, e.g. "v1.36.4". */
  readonly controlPlaneVersion: string;
  /** True when this machine already runs a control plane (ports taken). */
  readonly controlPlaneRunning: boolean;
  /** RFC 3339 time for messages that embed it. */
  readonly time: string;
  /** kubeadm's own version (init's KubernetesVersionCheck); absent: not checked. */
  readonly kubeadmVersion?: string;
}

/** Runs the checks; errors and warnings in upstream order. */
export function runChecks(m: Machine, input: PreflightInput): PreflightResult {
  const warnings: Finding[] = [];
  const errors: Finding[] = [];
  const err = (check: string, message: string): void => void errors.push({ check, message });
  const warn = (check: string, message: string): void => void warnings.push({ check, message });
  const fileExists = (p: string): boolean => m.files[p] !== undefined;
  const manifests = '/etc/kubernetes/manifests';

  if (input.controlPlane) {
    if (m.cpus < CONTROL_PLANE_NUM_CPU) {
      err(
        'NumCPU',
        `the number of available CPUs ${m.cpus} is less than the required ${CONTROL_PLANE_NUM_CPU}`,
      );
    }
    const mb = Math.floor((m.memoryMiB * 1024 * 1024) / 1024 / 1024) - 150;
    if (mb < CONTROL_PLANE_MEM_MB)
      err('Mem', `the system RAM (${mb} MB) is less than the minimum ${CONTROL_PLANE_MEM_MB} MB`);
  }
  // KubernetesVersionCheck: a control plane of a newer minor than kubeadm's own is a warning.
  if (input.kind === 'init' && input.kubeadmVersion !== undefined) {
    const k = parseVersion(input.kubeadmVersion);
    const v = parseVersion(input.controlPlaneVersion);
    if (k.major > 0 && (v.major > k.major || (v.major === k.major && v.minor > k.minor)))
      warn(
        'KubernetesVersion',
        `Kubernetes version is greater than kubeadm version. Please consider to upgrade kubeadm. Kubernetes version: ${input.controlPlaneVersion.replace(/^v/, '')}. Kubeadm version: ${k.major}.${k.minor}.x`,
      );
  }
  if (input.kind === 'init') {
    const portsInUse = input.controlPlaneRunning;
    for (const port of [6443, 10259, 10257])
      if (portsInUse) err(`Port-${port}`, `Port ${port} is in use`);
    for (const c of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd']) {
      const p = `${manifests}/${c}.yaml`;
      if (fileExists(p)) err(`FileAvailable-${p.replaceAll('/', '-')}`, `${p} already exists`);
    }
    for (const port of [2379, 2380]) if (portsInUse) err(`Port-${port}`, `Port ${port} is in use`);
    if (Object.keys(m.files).some((f) => f.startsWith('/var/lib/etcd/')))
      err('DirAvailable--var-lib-etcd', '/var/lib/etcd is not empty');
  } else {
    if (Object.keys(m.files).some((f) => f.startsWith(`${manifests}/`))) {
      err('DirAvailable--etc-kubernetes-manifests', `${manifests} is not empty`);
    }
    for (const p of ['/etc/kubernetes/kubelet.conf', '/etc/kubernetes/bootstrap-kubelet.conf']) {
      if (fileExists(p)) err(`FileAvailable-${p.replaceAll('/', '-')}`, `${p} already exists`);
    }
  }
  // Common checks.
  if (!m.containerd.running) err('CRI', CRI_DOWN.replace('%TIME%', input.time));
  if (m.ipForward !== 1)
    err(
      'FileContent--proc-sys-net-ipv4-ip_forward',
      '/proc/sys/net/ipv4/ip_forward contents are not set to 1',
    );
  if (m.swapOn) warn('Swap', SWAP_WARNING);
  const kubelet = m.packages.kubelet;
  if (kubelet) {
    const kv = parseVersion(kubelet.version);
    const cp = parseVersion(input.controlPlaneVersion);
    if (kv.major > cp.major || (kv.major === cp.major && kv.minor > cp.minor)) {
      err(
        'KubeletVersion',
        `the kubelet version is higher than the control plane version. This is not a supported version skew and may lead to a malfunctional cluster. Kubelet version: "${kubelet.version}" Control plane version: "${input.controlPlaneVersion.replace(/^v/, '')}"`,
      );
    }
    if (!m.kubelet.enabled)
      warn(
        'Service-Kubelet',
        "kubelet service is not enabled, please run 'systemctl enable kubelet.service'",
      );
  } else {
    err('FileExisting-kubelet', 'kubelet not found in system path');
  }
  // RunJoinNodeChecks (cmd/kubeadm/app/preflight/checks.go): only a worker's join refuses an
  // existing CA certificate; a control-plane join uses the CA files copied to it by hand.
  if (input.kind === 'join' && !input.controlPlane && fileExists('/etc/kubernetes/pki/ca.crt')) {
    err('FileAvailable--etc-kubernetes-pki-ca.crt', '/etc/kubernetes/pki/ca.crt already exists');
  }
  if (input.controlPlaneRunning || (input.kind === 'join' && m.kubelet.active === 'active'))
    err('Port-10250', 'Port 10250 is in use');
  return { warnings, errors };
}

/**
 * Runs the checks as the `preflight` phase prints them, turning ignored errors into warnings.
 * Pushes events; throws the phase error ("preflight checks failed") when fatal errors remain.
 */
export function preflightPhase(
  m: Machine,
  input: PreflightInput,
  ignore: readonly string[],
  events: EngineEvent[],
): void {
  events.push(log('preflight', 'Running pre-flight checks'));
  const { warnings, errors } = runChecks(m, input);
  const ignored = new Set(ignore.map((i) => i.toLowerCase()));
  const isIgnored = (f: Finding): boolean =>
    ignored.has('all') || ignored.has(f.check.toLowerCase());
  const fatal = errors.filter((f) => !isIgnored(f));
  for (const f of [...warnings, ...errors.filter(isIgnored)]) {
    events.push({ type: 'preflight.warning', check: f.check, message: f.message });
  }
  if (fatal.length > 0) {
    const lines = [
      '[preflight] Some fatal errors occurred:',
      ...fatal.map((f) => `\t[ERROR ${f.check}]: ${f.message}`),
      '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`',
    ];
    // RunChecks → handleError (cmd/kubeadm/app/preflight/checks.go, v1.35–v1.37) writes the list
    // to stderr and returns errors.New("preflight checks failed"), which the workflow runner wraps
    // as "error execution phase preflight: preflight checks failed".
    events.push(text(lines.join('\n'), 'stderr'));
    throw new EngineError('Kubeadm', { message: 'preflight checks failed' });
  }
}

/** Validates `--ignore-preflight-errors` values: `all` cannot be mixed with names. */
export function validateIgnore(values: readonly string[]): string | null {
  const lower = values.map((v) => v.toLowerCase());
  if (lower.includes('all') && lower.length > 1) {
    return `ignore-preflight-errors: Invalid value: "${values.join(',')}": don't specify individual checks if 'all' is used`;
  }
  return null;
}
