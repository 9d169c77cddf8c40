/**
 * The stacked-etcd side of `kubeadm join --control-plane` (cmd/kubeadm/app/phases/etcd/local.go,
 * CreateStackedEtcdStaticPodManifestFile): the new member joins the existing cluster, so its
 * manifest lists every member in --initial-cluster and sets --initial-cluster-state=existing.
 */
import type { ClusterState } from '../model/state.ts';
import { etcdView, requireEtcdQuorum } from './model.ts';
import { startAddedMember } from './ops.ts';
import { findMachine } from '../state/machines.ts';
import { setKeyed } from '../model/keyed-map.ts';

export { requireEtcdQuorum };

const MANIFEST = '/etc/kubernetes/manifests/etcd.yaml';

/** Adds the joining machine's member and rewrites its etcd manifest for an existing cluster. */
export function joinEtcdMember(state: ClusterState, machine: string, node: string): ClusterState {
  const next = startAddedMember(state, machine, node);
  const m = findMachine(next, machine);
  const manifest = m?.files[MANIFEST];
  if (!m || manifest === undefined) return next;
  const ip = m.ip;
  const others = (etcdView(state)?.members ?? []).filter(
    (x) => x.machine !== machine && x.name !== '',
  );
  const initial = [
    `${node}=https://${ip}:2380`,
    ...others.map((x) => `${x.name}=${x.peerURL}`),
  ].join(',');
  const rewritten = manifest.replace(
    /    - --initial-cluster=\S+\n/,
    `    - --initial-cluster=${initial}\n    - --initial-cluster-state=existing\n`,
  );
  return {
    ...next,
    machines: setKeyed(next.machines, machine, {
      ...m,
      files: { ...m.files, [MANIFEST]: rewritten },
    }),
  };
}
