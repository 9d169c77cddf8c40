/**
 * The parts of kubeadm's etcd static Pod besides its command line (cmd/kubeadm/app/phases/etcd/
 * local.go GetEtcdPodSpec with cmd/kubeadm/app/util/staticpod/utils.go): the advertise-URL
 * annotation, the HTTP probes on the metrics port (liveness /livez, readiness and startup
 * /readyz), the resource requests, and the two hostPath volumes, `etcd-data` (the data dir, the
 * one the etcd restore task on kubernetes.io edits) and `etcd-certs`. Its mounts keep
 * GetEtcdPodSpec's source order (data, then certificates); its volumes are sorted by name.
 */
import {
  hostPathVolumes,
  liveness,
  readiness,
  requests,
  startup,
  volumeMounts,
  type HostPathVolume,
  type PodParts,
} from './pod-parts.ts';

export type { PodParts } from './pod-parts.ts';

/** etcd's metrics listener (--listen-metrics-urls), where GetEtcdProbeEndpoint points probes. */
const METRICS = { host: '127.0.0.1', port: 2381, scheme: 'HTTP' } as const;

/** The etcd Pod's parts for a member advertising `ip`, data in `dataDir`. */
export function etcdPodParts(ip: string, dataDir = '/var/lib/etcd'): PodParts {
  const data: HostPathVolume = {
    name: 'etcd-data',
    path: dataDir,
    type: 'DirectoryOrCreate',
    readOnly: false,
  };
  const certs: HostPathVolume = {
    name: 'etcd-certs',
    path: '/etc/kubernetes/pki/etcd',
    type: 'DirectoryOrCreate',
    readOnly: false,
  };
  return {
    annotations: `  annotations:\n    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://${ip}:2379\n`,
    beforeName: `${liveness(METRICS, '/livez')}\n`,
    afterName: [
      readiness(METRICS, '/readyz'),
      requests('100m', '100Mi'),
      startup(METRICS, '/readyz'),
      volumeMounts([data, certs]),
      '',
    ].join('\n'),
    volumes: hostPathVolumes([certs, data]),
  };
}
