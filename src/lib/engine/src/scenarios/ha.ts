/**
 * HA and etcd scenarios: three control-plane machines behind a load balancer whose DNS name
 * (k8s-api.example.internal) resolves to 10.0.0.10, two workers; the states the HA and rollback
 * guides start from. Built by applying typed commands on top of the install scenarios.
 */
import { installPackagesCommands } from './repository.ts';
import type { ClusterState } from '../model/state.ts';
import type { Command } from '../commands/types.ts';
import type { Scenario } from './types.ts';
import { etcdView } from '../etcd/model.ts';
import { joinCommand } from './common.ts';
import { findMachine } from '../state/machines.ts';

/** The control-plane endpoint the HA guides use. */
export const HA_ENDPOINT = 'k8s-api.example.internal:6443';

/** The machines an HA cluster adds to the install scenarios' three: two control planes and the load balancer. */
export const HA_EXTRA_MACHINES = [
  { name: 'cp-2', ip: '10.0.0.12', cpus: 2, memoryMiB: 4096 },
  { name: 'cp-3', ip: '10.0.0.13', cpus: 2, memoryMiB: 4096 },
  { name: 'lb', ip: '10.0.0.10', cpus: 1, memoryMiB: 1024 },
];
const ALL = ['cp-1', 'cp-2', 'cp-3', 'lb', 'worker-1', 'worker-2'];

/** /etc/hosts on every machine: the load balancer's name is how everybody finds the apiservers. */
export const HA_HOSTS = `127.0.0.1 localhost
10.0.0.10 k8s-api.example.internal lb
10.0.0.11 cp-1
10.0.0.12 cp-2
10.0.0.13 cp-3
10.0.0.21 worker-1
10.0.0.22 worker-2
`;

/** `kubeadm join` through the HA endpoint (with the certificate key for a control plane). */
function haJoin(state: ClusterState, machine: string, controlPlane: boolean): Command {
  return joinCommand(state, machine, { controlPlane, endpoint: HA_ENDPOINT });
}

const MANIFEST = '/etc/kubernetes/manifests/kube-apiserver.yaml';

/** Applies `--apiserver-count=1 --endpoint-reconciler-type=master-count` to a manifest text. */
export function withMasterCount(manifest: string, count: number): string {
  return manifest.replace(
    /( {4}- --advertise-address=\S+\n)/,
    `$1    - --apiserver-count=${count}\n    - --endpoint-reconciler-type=master-count\n`,
  );
}

function editManifest(state: ClusterState, machine: string, edit: (s: string) => string): Command {
  return {
    type: 'file.write',
    machine,
    path: MANIFEST,
    content: edit(findMachine(state, machine)?.files[MANIFEST] ?? ''),
  };
}

/** cp-1 initialised behind the endpoint with --upload-certs, kubeconfig copied, Flannel applied. */
export function haFirstControlPlaneSteps(): Command[] {
  return [
    {
      type: 'kubeadm.init',
      machine: 'cp-1',
      options: {
        controlPlaneEndpoint: HA_ENDPOINT,
        uploadCerts: true,
        podNetworkCidr: '10.244.0.0/16',
      },
    },
    { type: 'file.mkdir', machine: 'cp-1', path: '/root/.kube', parents: true },
    {
      type: 'file.copy',
      machine: 'cp-1',
      from: '/etc/kubernetes/admin.conf',
      to: '/root/.kube/config',
    },
    { type: 'kubectl.apply.flannel' },
    { type: 'clock.advance', ms: 60_000 },
  ];
}

/** cp-2 and cp-3 joined as control planes, then both workers. */
export function haJoinAllSteps(state: ClusterState): Command[] {
  return [
    haJoin(state, 'cp-2', true),
    haJoin(state, 'cp-3', true),
    haJoin(state, 'worker-1', false),
    haJoin(state, 'worker-2', false),
    { type: 'clock.advance', ms: 60_000 },
  ];
}

/** The HA scenarios, in guide order. */
export const haScenarios: readonly Scenario[] = [
  {
    name: 'ha-endpoint-ready',
    title: 'HA machines ready',
    description:
      'cp-1, cp-2, cp-3 (10.0.0.11-13) and worker-1/2 with packages installed; lb (10.0.0.10) is a TCP load balancer for port 6443 and k8s-api.example.internal resolves to it on every machine.',
    base: 'packages-installed',
    steps: (_, t) => [
      ...HA_EXTRA_MACHINES.map((spec): Command => ({ type: 'machine.add', spec })),
      ...['cp-2', 'cp-3'].flatMap((m): Command[] => [
        { type: 'swap.off', machine: m },
        { type: 'sysctl.set', machine: m, key: 'net.ipv4.ip_forward', value: '1' },
        ...installPackagesCommands(m, t.minor, [
          { name: 'kubelet' },
          { name: 'kubeadm' },
          { name: 'kubectl' },
        ]),
      ]),
      ...ALL.map((m): Command => ({
        type: 'file.write',
        machine: m,
        path: '/etc/hosts',
        content: HA_HOSTS,
      })),
    ],
  },
  {
    name: 'ha-first-control-plane',
    title: 'First control plane behind the endpoint',
    description: `kubeadm init --control-plane-endpoint ${HA_ENDPOINT} --upload-certs --pod-network-cidr=10.244.0.0/16 on cp-1, kubeconfig copied, Flannel applied.`,
    base: 'ha-endpoint-ready',
    steps: haFirstControlPlaneSteps,
  },
  {
    name: 'ha-three-control-planes',
    title: 'Three control planes, two workers',
    description:
      'cp-2 and cp-3 joined with --control-plane --certificate-key (stacked etcd, three members); worker-1 and worker-2 joined through the endpoint.',
    base: 'ha-first-control-plane',
    steps: haJoinAllSteps,
  },
  {
    name: 'ha-member-lost',
    title: 'One etcd member lost',
    description:
      'ha-three-control-planes after cp-3 went down: two of three etcd members run, quorum holds, cp-3 is NotReady.',
    base: 'ha-three-control-planes',
    steps: () => [
      { type: 'fault.inject', kind: 'machine-down', machine: 'cp-3' },
      { type: 'clock.advance', ms: 60_000 },
    ],
  },
  {
    name: 'ha-member-replaced',
    title: 'Lost member removed',
    description:
      'ha-member-lost after cp-3 was removed from the etcd member list with etcdctl member remove.',
    base: 'ha-member-lost',
    steps: (s) => {
      const id = etcdView(s)?.members.find((m) => m.machine === 'cp-3')?.id ?? '';
      return [{ type: 'etcd.member.remove', id }];
    },
  },
  {
    name: 'ha-apiservers-fighting',
    title: 'Two apiservers fighting over the kubernetes endpoint',
    description:
      'ha-member-replaced (cp-3 down and removed) with the kube-apiservers on cp-1 and cp-2 started with --endpoint-reconciler-type=master-count --apiserver-count=1.',
    base: 'ha-member-replaced',
    steps: (s) => ['cp-1', 'cp-2'].map((m) => editManifest(s, m, (x) => withMasterCount(x, 1))),
  },
  {
    name: 'etcd-snapshot-taken',
    title: 'etcd snapshot taken',
    description:
      'workers-joined with an etcd snapshot saved to /root/backup/etcd-snapshot.db on cp-1 (before an upgrade).',
    base: 'workers-joined',
    steps: () => [
      { type: 'file.mkdir', machine: 'cp-1', path: '/root/backup', parents: true },
      { type: 'etcd.snapshot.save', machine: 'cp-1', path: '/root/backup/etcd-snapshot.db' },
    ],
  },
];
