/**
 * The parts of kubeadm's kube-apiserver, kube-controller-manager and kube-scheduler static Pods
 * besides their command lines (cmd/kubeadm/app/phases/controlplane/manifests.go
 * GetStaticPodSpecs, volumes.go getHostPathVolumesForTheControlPlane):
 * - kube-apiserver: the advertise-address endpoint annotation; liveness /livez, readiness
 *   /readyz and startup /livez over HTTPS on the advertise address; 250m CPU.
 * - kube-controller-manager: liveness and startup /healthz on 127.0.0.1:10257; 200m CPU.
 * - kube-scheduler: liveness /livez, readiness /readyz, startup /livez on 127.0.0.1:10259;
 *   100m CPU.
 * Volumes: the certificate directory and /etc/ssl/certs for the apiserver and the controller
 * manager, plus the CA directories Debian and Ubuntu have (/etc/ca-certificates,
 * /usr/share/ca-certificates, /usr/local/share/ca-certificates: added when present on the host),
 * the controller manager's flexvolume directory and kubeconfig, the scheduler's kubeconfig.
 */
import {
  hostPathVolumes,
  liveness,
  probePort,
  readiness,
  requests,
  startup,
  volumeMounts,
  type HostPathVolume,
  type PodParts,
} from './pod-parts.ts';

const dir = (name: string, path: string, readOnly = true): HostPathVolume => ({
  name,
  path,
  type: 'DirectoryOrCreate',
  readOnly,
});
const file = (name: string, path: string): HostPathVolume => ({
  name,
  path,
  type: 'FileOrCreate',
  readOnly: true,
});

/** The CA bundle directories of an Ubuntu host (volumes.go caCertsVolumePath + extra paths). */
const CA_DIRS: readonly HostPathVolume[] = [
  dir('ca-certs', '/etc/ssl/certs'),
  dir('etc-ca-certificates', '/etc/ca-certificates'),
  dir('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'),
  dir('usr-share-ca-certificates', '/usr/share/ca-certificates'),
];

const byName = (vs: readonly HostPathVolume[]): HostPathVolume[] =>
  [...vs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function parts(
  annotations: string,
  probes: { host: string; live: string; ready?: string; start: string; port: number },
  cpu: string,
  volumes: readonly HostPathVolume[],
): PodParts {
  const sorted = byName(volumes);
  const at = { host: probes.host, port: 'probe-port', scheme: 'HTTPS' } as const;
  return {
    annotations,
    beforeName: `${liveness(at, probes.live)}\n`,
    afterName: [
      probePort(probes.port),
      ...(probes.ready === undefined ? [] : [readiness(at, probes.ready)]),
      requests(cpu),
      startup(at, probes.start),
      volumeMounts(sorted),
      '',
    ].join('\n'),
    volumes: hostPathVolumes(sorted),
  };
}

/** kube-apiserver advertising `ip` on port 6443. */
export function apiServerPodParts(ip: string, pki: string): PodParts {
  return parts(
    `  annotations:\n    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: ${ip}:6443\n`,
    { host: ip, live: '/livez', ready: '/readyz', start: '/livez', port: 6443 },
    '250m',
    [...CA_DIRS, dir('k8s-certs', pki)],
  );
}

/** kube-controller-manager (secure port 10257 on localhost). */
export function controllerManagerPodParts(pki: string): PodParts {
  return parts(
    '',
    { host: '127.0.0.1', live: '/healthz', start: '/healthz', port: 10257 },
    '200m',
    [
      ...CA_DIRS,
      dir('k8s-certs', pki),
      dir('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', false),
      file('kubeconfig', '/etc/kubernetes/controller-manager.conf'),
    ],
  );
}

/** kube-scheduler (secure port 10259 on localhost). */
export function schedulerPodParts(): PodParts {
  return parts(
    '',
    { host: '127.0.0.1', live: '/livez', ready: '/readyz', start: '/livez', port: 10259 },
    '100m',
    [file('kubeconfig', '/etc/kubernetes/scheduler.conf')],
  );
}
