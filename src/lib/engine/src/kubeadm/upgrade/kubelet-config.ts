/**
 * The kubelet-config step of `kubeadm upgrade apply|node` (phases/upgrade/postupgrade.go
 * WriteKubeletConfigFiles): back up /var/lib/kubelet/config.yaml into a temporary folder and
 * write the configuration downloaded from the kubelet-config ConfigMap. Lines as in v1.36 output.
 */
import type { ClusterState } from '../../model/state.ts';
import { log, text, type EngineEvent } from '../../events.ts';
import type { Rng } from '../../random.ts';
import { parseVersion } from '../../model/version.ts';
import { KUBELET_CONFIG_YAML } from '../files.ts';
import { backupStamp, klogPrefix } from './common.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';

/** Backup folder of the kubelet config for an upgrade at `t`. */
export function kubeletConfigBackupDir(t: number): string {
  return `/etc/kubernetes/tmp/kubeadm-kubelet-config-${backupStamp(t)}`;
}

/**
 * The log lines of the kubelet-config step (the W-line goes to stderr, as klog does).
 * @param kubeadmVersion the running kubeadm binary: the kubeletconfiguration patch line is its
 * behaviour (v1.35+), whatever version it upgrades or downgrades to.
 */
export function kubeletConfigEvents(t: number, rng: Rng, kubeadmVersion: string): EngineEvent[] {
  const dir = kubeletConfigBackupDir(t);
  return [
    text(
      `${klogPrefix('W', t, rng.int(1_000_000), 'postupgrade.go:105')}Using temporary directory ${dir} for kubelet config. To override it set the environment variable KUBEADM_UPGRADE_DRYRUN_DIR`,
      'stderr',
    ),
    log('upgrade', `Backing up kubelet config file to ${dir}/config.yaml`),
    ...(parseVersion(kubeadmVersion).minor >= 35
      ? [
          log(
            'patches',
            'Applied patch of type "application/strategic-merge-patch+json" to target "kubeletconfiguration"',
          ),
        ]
      : []),
    log('kubelet-start', 'Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"'),
    log(
      'upgrade/kubelet-config',
      'The kubelet configuration for this node was successfully upgraded!',
    ),
  ];
}

/** The machine after the backup and rewrite of its kubelet config. */
export function writeKubeletConfig(state: ClusterState, machine: string, t: number): ClusterState {
  const m = findMachine(state, machine);
  if (!m) return state;
  const old = m.files['/var/lib/kubelet/config.yaml'] ?? '';
  const files = {
    ...m.files,
    [`${kubeletConfigBackupDir(t)}/config.yaml`]: old,
    '/var/lib/kubelet/config.yaml': KUBELET_CONFIG_YAML,
  };
  return { ...state, machines: setKeyed(state.machines, machine, { ...m, files }) };
}
