/**
 * The external etcd scenario: the HA machines plus three etcd hosts (etcd-1..3, 10.0.0.31-33)
 * running an etcd cluster set up as in kubernetes/website
 * content/en/docs/setup/production-environment/tools/kubeadm/setup-ha-etcd-with-kubeadm.md, the
 * etcd CA and the apiserver's etcd client certificate copied to cp-1, and the kubeadm
 * configuration of high-availability.md ("Set up the first control plane node", external etcd).
 */
import { installPackagesCommands } from './repository.ts';
import type { Command } from '../commands/types.ts';
import type { Scenario } from './types.ts';
import { HA_ENDPOINT, HA_HOSTS } from './ha.ts';

/** The etcd hosts of the external topology. */
export const EXTERNAL_ETCD_MACHINES = [
  { name: 'etcd-1', ip: '10.0.0.31', cpus: 2, memoryMiB: 2048 },
  { name: 'etcd-2', ip: '10.0.0.32', cpus: 2, memoryMiB: 2048 },
  { name: 'etcd-3', ip: '10.0.0.33', cpus: 2, memoryMiB: 2048 },
];

/** /etc/hosts with the etcd hosts added. */
export const EXTERNAL_ETCD_HOSTS = `${HA_HOSTS}10.0.0.31 etcd-1
10.0.0.32 etcd-2
10.0.0.33 etcd-3
`;

/** /root/kubeadm-config.yaml on cp-1 (high-availability.md, external etcd nodes). */
export const EXTERNAL_ETCD_KUBEADM_CONFIG = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: stable
controlPlaneEndpoint: "${HA_ENDPOINT}"
etcd:
  external:
    endpoints:
      - https://10.0.0.31:2379
      - https://10.0.0.32:2379
      - https://10.0.0.33:2379
    caFile: /etc/kubernetes/pki/etcd/ca.crt
    certFile: /etc/kubernetes/pki/apiserver-etcd-client.crt
    keyFile: /etc/kubernetes/pki/apiserver-etcd-client.key
`;

const ALL = [
  'cp-1',
  'cp-2',
  'cp-3',
  'lb',
  'worker-1',
  'worker-2',
  ...EXTERNAL_ETCD_MACHINES.map((m) => m.name),
];

/** External etcd scenarios, appended to the scenario list. */
export const externalEtcdScenarios: readonly Scenario[] = [
  {
    name: 'external-etcd-ready',
    title: 'External etcd cluster running, cp-1 prepared',
    description:
      'ha-endpoint-ready plus etcd-1, etcd-2, etcd-3 (10.0.0.31-33) running a three-member etcd cluster as static Pods (own etcd CA, data in /var/lib/etcd); cp-1 has /etc/kubernetes/pki/etcd/ca.crt and apiserver-etcd-client.crt/.key copied from etcd-1 and /root/kubeadm-config.yaml with etcd.external; kubeadm init has not run.',
    base: 'ha-endpoint-ready',
    steps: (_, t) => [
      ...EXTERNAL_ETCD_MACHINES.flatMap((spec): Command[] => [
        { type: 'machine.add', spec },
        { type: 'swap.off', machine: spec.name },
        { type: 'sysctl.set', machine: spec.name, key: 'net.ipv4.ip_forward', value: '1' },
        ...installPackagesCommands(spec.name, t.minor, [{ name: 'kubelet' }, { name: 'kubeadm' }]),
      ]),
      ...ALL.map((m): Command => ({
        type: 'file.write',
        machine: m,
        path: '/etc/hosts',
        content: EXTERNAL_ETCD_HOSTS,
      })),
      {
        type: 'etcd.external.bootstrap',
        machines: EXTERNAL_ETCD_MACHINES.map((m) => m.name),
        clientMachine: 'cp-1',
      },
      {
        type: 'file.write',
        machine: 'cp-1',
        path: '/root/kubeadm-config.yaml',
        content: EXTERNAL_ETCD_KUBEADM_CONFIG,
      },
    ],
  },
];
