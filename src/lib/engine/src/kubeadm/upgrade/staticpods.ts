/**
 * The static Pod upgrade kubeadm performs on a control-plane node
 * (cmd/kubeadm/app/phases/upgrade/staticpods.go StaticPodControlPlane): write new manifests to a
 * temporary folder, then per component (etcd first when it is upgraded, then kube-apiserver,
 * kube-controller-manager, kube-scheduler) renew its certificates, move the new manifest into
 * /etc/kubernetes/manifests backing up the old one, and wait for the kubelet to restart the pod.
 * Log lines follow real v1.36 output.
 */
import { findPod, putPod, removePod } from '../../state/pods.ts';
import type { ClusterState, Machine } from '../../model/state.ts';
import { log, type EngineEvent } from '../../events.ts';
import type { Rng } from '../../random.ts';
import { controlPlaneManifests } from '../files.ts';
import { backupStamp, MANIFESTS } from './common.ts';
import { renewCertificates } from '../certs/renewal.ts';
import { etcdDowngradeRefusal } from './etcd-downgrade.ts';
import { findMachine } from '../../state/machines.ts';
import { setKeyed } from '../../model/keyed-map.ts';

const RENEWED: Readonly<Record<string, readonly string[]>> = {
  etcd: ['etcd-server', 'etcd-peer', 'etcd-healthcheck-client'],
  'kube-apiserver': [
    'apiserver',
    'apiserver-kubelet-client',
    'front-proxy-client',
    'apiserver-etcd-client',
  ],
  'kube-controller-manager': ['controller-manager.conf'],
  'kube-scheduler': ['scheduler.conf'],
};

/** Result of {@link upgradeStaticPods}. */
export interface StaticPodUpgrade {
  readonly state: ClusterState;
  readonly events: EngineEvent[];
  /** Simulated time after the last component came back. */
  readonly t: number;
}

/**
 * Upgrades the control-plane static Pods of `machine` (node `node`) to `version`.
 * `etcdUpgrade` false leaves etcd alone (--etcd-upgrade=false).
 */
export function upgradeStaticPods(
  state: ClusterState,
  machine: string,
  node: string,
  version: string,
  etcdUpgrade: boolean,
  rng: Rng,
  start: number,
  certificateRenewal = true,
): StaticPodUpgrade {
  // renewCertsByComponent (staticpods.go): each component's certificates are renewed before its
  // new manifest goes in, unless --certificate-renewal=false.
  // kubeadm never downgrades etcd (etcd-downgrade.ts): the etcd step is skipped with a note.
  const etcdRefusal = etcdUpgrade
    ? etcdDowngradeRefusal(findMachine(state, machine), version)
    : null;
  const components = [
    ...(etcdUpgrade && etcdRefusal === null ? ['etcd'] : []),
    'kube-apiserver',
    'kube-controller-manager',
    'kube-scheduler',
  ];
  if (certificateRenewal) {
    state = renewCertificates(
      state,
      machine,
      components.flatMap((component) => RENEWED[component] ?? []),
    ).state;
  }
  const c = state.cluster;
  const m = findMachine(state, machine);
  if (!c || !m) return { state, events: [], t: start };
  const events: EngineEvent[] = etcdRefusal
    ? [log('upgrade/etcd', `non fatal issue encountered during upgrade: ${etcdRefusal}`)]
    : [];
  let t = start;
  const tmp = `/etc/kubernetes/tmp/kubeadm-upgraded-manifests${rng.int(4_000_000_000)}`;
  const backup = `/etc/kubernetes/tmp/kubeadm-backup-manifests-${backupStamp(t)}`;
  const next = controlPlaneManifests({
    node,
    ip: m.ip,
    version,
    serviceSubnet: c.serviceSubnet,
    podSubnet: c.podSubnet,
  });
  events.push(log('upgrade/staticpods', `Writing new Static Pod manifests to "${tmp}"`));
  const files: Record<string, string> = { ...m.files };
  let recreated: ClusterState = state;
  for (const component of components) {
    const path = `${MANIFESTS}/${component}.yaml`;
    events.push(log('upgrade/staticpods', `Preparing for "${component}" upgrade`));
    if (certificateRenewal) {
      for (const cert of RENEWED[component] ?? [])
        events.push(log('upgrade/staticpods', `Renewing ${cert} certificate`));
    }
    // upgradeComponent (staticpods.go) compares the manifests after renewing certificates: an
    // unchanged manifest (etcd whose image kubeadm pairs with both releases, or re-applying the
    // same version) is left alone and its Pod keeps running.
    if (files[path] === next[`${component}.yaml`]) {
      events.push(
        log(
          'upgrade/staticpods',
          `current and new manifests of ${component} are equal, skipping upgrade`,
        ),
      );
      if (component === 'etcd')
        events.push(log('upgrade/etcd', 'Waiting for etcd to become available'));
      continue;
    }
    events.push(
      log(
        'upgrade/staticpods',
        `Moving new manifest to "${path}" and backing up old manifest to "${backup}/${component}.yaml"`,
      ),
      log('upgrade/staticpods', 'Waiting for the kubelet to restart the component'),
      log('upgrade/staticpods', 'This can take up to 5m0s'),
      log('apiclient', `Found 1 Pods for label selector component=${component}`),
      log('upgrade/staticpods', `Component "${component}" upgraded successfully!`),
    );
    if (component === 'etcd')
      events.push(log('upgrade/etcd', 'Waiting for etcd to become available'));
    files[`${backup}/${component}.yaml`] = files[path] ?? '';
    files[path] = next[`${component}.yaml`] ?? '';
    t += 20_000 + rng.int(15_000);
    const pod = findPod(recreated, 'kube-system', `${component}-${node}`);
    // The kubelet recreates the static (mirror) pod: AGE starts again.
    if (pod)
      recreated = putPod(removePod(recreated, pod.namespace, pod.name), { ...pod, createdAt: t });
  }
  events.push(
    log(
      'upgrade/control-plane',
      'The control plane instance for this node was successfully upgraded!',
    ),
  );
  const machineNext: Machine = { ...m, files };
  return {
    state: {
      ...recreated,
      machines: setKeyed(state.machines, machine, machineNext),
    },
    events,
    t,
  };
}
