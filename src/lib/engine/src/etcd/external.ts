/**
 * The external etcd topology: three etcd hosts set up as in kubernetes/website
 * content/en/docs/setup/production-environment/tools/kubeadm/setup-ha-etcd-with-kubeadm.md —
 * the kubelet as etcd's service manager (20-etcd-service-manager.conf), an etcd CA made with
 * `kubeadm init phase certs etcd-ca` on the first host, per-host etcd-server / etcd-peer /
 * etcd-healthcheck-client / apiserver-etcd-client certificates signed by it, and a static Pod
 * `etcd` on each host (`kubeadm init phase etcd local --config kubeadmcfg.yaml`) whose
 * --initial-cluster names all three. The control-plane machine gets the three files the HA guide
 * tells you to copy from the first etcd host (high-availability.md, "External etcd nodes"):
 * /etc/kubernetes/pki/etcd/ca.crt, /etc/kubernetes/pki/apiserver-etcd-client.crt and .key.
 *
 * Member names: the doc's script names members infra0..2; here each member is named after its
 * host (etcd-1..3), which the same script produces with NAMES=(etcd-1 etcd-2 etcd-3).
 */
import type { CertificateMeta, ClusterState, Machine } from '../model/state.ts';
import { type Transition, ok, fail } from '../commands/result.ts';
import { EngineError } from '../errors.ts';
import { createRng } from '../random.ts';
import { CERTIFICATE_SPECS } from '../pki/specs.ts';
import { createKeyPicker, planOne, randomSerialHex } from '../pki/plan-certificates.ts';
import { certificateFiles } from '../kubeadm/certs/refs.ts';
import { usedKeyIds } from '../kubeadm/certs/csr.ts';
import { controlPlaneManifests } from '../kubeadm/files.ts';
import { hash64, type EtcdMember, type ExternalEtcdCluster } from './model.ts';
import { findMachine } from '../state/machines.ts';
import { getKeyed, setKeyed } from '../model/keyed-map.ts';

const MANIFEST = '/etc/kubernetes/manifests/etcd.yaml';

/** The kubelet drop-in of setup-ha-etcd-with-kubeadm.md, step 1. */
export const ETCD_SERVICE_MANAGER_CONF = `[Service]
ExecStart=
#  Replace "systemd" with the cgroup driver of your container runtime. The default value in the kubelet is "cgroupfs".
ExecStart=/usr/bin/kubelet --address=127.0.0.1 --pod-manifest-path=/etc/kubernetes/manifests --cgroup-driver=systemd
Restart=always
`;

function spec(name: string): (typeof CERTIFICATE_SPECS)[number] {
  const s = CERTIFICATE_SPECS.find((x) => x.name === name);
  if (!s) throw new Error(`no certificate spec ${name}`);
  return s;
}

/** The member an etcd host runs (ids hashed from the peer URL, as etcd derives them). */
export function externalMember(m: Machine): EtcdMember {
  const peerURL = `https://${m.ip}:2380`;
  return {
    id: hash64(`${peerURL}|etcd-cluster|external`),
    name: m.name,
    machine: m.name,
    peerURL,
    clientURL: `https://${m.ip}:2379`,
    learner: false,
  };
}

/** etcd.yaml for one member: kubeadm's local etcd manifest with the doc's extraArgs applied. */
function memberManifest(m: Machine, members: readonly EtcdMember[]): string {
  const version = `v${m.packages.kubeadm?.version ?? '1.36.0'}`;
  const base =
    controlPlaneManifests({
      node: m.name,
      ip: m.ip,
      version,
      serviceSubnet: '10.96.0.0/12',
      podSubnet: null,
    })['etcd.yaml'] ?? '';
  const initial = members.map((x) => `${x.name}=${x.peerURL}`).join(',');
  return base
    .replace(
      /    - --initial-cluster=\S+\n/,
      `    - --initial-cluster=${initial}\n    - --initial-cluster-state=new\n`,
    )
    .replace(
      /    - --listen-client-urls=\S+\n/,
      `    - --listen-client-urls=https://${m.ip}:2379\n`,
    );
}

/** Sets up the external etcd hosts and copies the apiserver's client files to `clientMachine`. */
export function applyExternalEtcdBootstrap(
  state: ClusterState,
  machineNames: readonly string[],
  clientMachine: string,
): Transition {
  const hosts = machineNames.map((n) => findMachine(state, n));
  const client = findMachine(state, clientMachine);
  if (hosts.some((m) => m === undefined) || !client || hosts.length === 0)
    return fail(
      new EngineError('Internal', { message: 'etcd.external.bootstrap: unknown machine' }),
    );
  const machines = hosts as Machine[];
  const rng = createRng(state.rng);
  const fork = createRng(Math.floor(rng.next() * 4294967296));
  const random = (): number => fork.next();
  const keys = createKeyPicker(random, usedKeyIds(state));
  const first = machines[0] as Machine;
  const input = (m: Machine): Parameters<typeof planOne>[1] => ({
    nodeName: m.name,
    advertiseAddress: m.ip,
    now: state.now,
    random,
  });
  const ca = planOne(spec('etcd-ca'), input(first), keys.next(), randomSerialHex(random));
  const members = machines.map(externalMember);
  let next = state.machines;
  let clientCert: CertificateMeta | undefined;
  machines.forEach((m, i) => {
    let files: Record<string, string> = { ...m.files, ...certificateFiles(ca, i === 0) };
    const certs: Record<string, CertificateMeta> = { ...m.certs, [ca.path]: ca };
    for (const name of [
      'etcd-server',
      'etcd-peer',
      'etcd-healthcheck-client',
      'apiserver-etcd-client',
    ]) {
      const meta = planOne(spec(name), input(m), keys.next(), randomSerialHex(random));
      files = { ...files, ...certificateFiles(meta) };
      certs[meta.path] = meta;
      if (i === 0 && name === 'apiserver-etcd-client') clientCert = meta;
    }
    files['/etc/systemd/system/kubelet.service.d/20-etcd-service-manager.conf'] =
      ETCD_SERVICE_MANAGER_CONF;
    files[MANIFEST] = memberManifest(m, members);
    files['/var/lib/etcd/member/snap/db'] = '';
    next = setKeyed(next, m.name, {
      ...m,
      files,
      certs,
      kubelet: {
        ...m.kubelet,
        active: m.packages.kubelet ? 'active' : 'inactive',
        since: state.now,
      },
    });
  });
  if (clientCert) {
    // scp from the first etcd host (high-availability.md, "Set up the first control plane node").
    const c = getKeyed(next, clientMachine) ?? client;
    next = setKeyed(next, clientMachine, {
      ...c,
      files: {
        ...c.files,
        ...certificateFiles(ca, false),
        ...certificateFiles(clientCert),
      },
      certs: { ...c.certs, [ca.path]: ca, [clientCert.path]: clientCert },
    });
  }
  const external: ExternalEtcdCluster = {
    clusterId: hash64(`cluster|${members[0]?.id ?? ''}`),
    members,
    endpoints: members.map((m) => m.clientURL),
  };
  return ok({ ...state, rng: rng.state, machines: next, externalEtcd: external } as ClusterState);
}
