/**
 * `kubectl apply -f` of the flannel release manifest: creates the kube-flannel namespace and
 * DaemonSet, whose pods write the CNI configuration on every node so nodes become Ready.
 */
import { putNamespace } from '../state/namespaces.ts';
import { nodeList } from '../state/nodes.ts';
import { podList, putPods } from '../state/pods.ts';
import type { ClusterState, PodObject } from '../model/state.ts';
import { type Transition, ok } from '../commands/result.ts';
import { text } from '../events.ts';
import { createRng, NAME_SUFFIX_ALPHABET } from '../random.ts';
import { FLANNEL_CNI_CONF, kubeletCanRun } from '../machine/kubelet.ts';
import { noKubeconfig } from './no-kubeconfig.ts';
import { getKeyed, setKeyed } from '../model/keyed-map.ts';
import { storeFlannelObjects } from './flannel-objects.ts';

/** The well-known manifest URL the install guides use. */
export const FLANNEL_URL =
  'https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml';

/** /etc/cni/net.d/10-flannel.conflist as flannel's install-cni container writes it. */
export const FLANNEL_CONFLIST = `{
  "name": "cbr0",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "hairpinMode": true,
        "isDefaultGateway": true
      }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      }
    }
  ]
}
`;

const CREATED = [
  'namespace/kube-flannel created',
  'serviceaccount/flannel created',
  'clusterrole.rbac.authorization.k8s.io/flannel created',
  'clusterrolebinding.rbac.authorization.k8s.io/flannel created',
  'configmap/kube-flannel-cfg created',
  'daemonset.apps/kube-flannel-ds created',
];

/** Applies the flannel manifest to the cluster. */
export function applyFlannel(state: ClusterState): Transition {
  const c = state.cluster;
  if (!c) return noKubeconfig();
  if (c.cni === 'flannel')
    return ok(state, [text(CREATED.map((l) => l.replace(/created$/, 'unchanged')).join('\n'))]);
  const rng = createRng(state.rng);
  const pods: PodObject[] = [];
  let machines = state.machines;
  const t = state.now + 5000;
  const nodes = nodeList(state);
  for (const n of nodes) {
    const name = `kube-flannel-ds-${rng.pick(NAME_SUFFIX_ALPHABET, 5)}`;
    pods.push({
      namespace: 'kube-flannel',
      name,
      app: 'kube-flannel',
      node: n.name,
      createdAt: state.now,
    });
    const m = getKeyed(machines, n.machine);
    if (m && kubeletCanRun(m))
      machines = setKeyed(machines, n.machine, {
        ...m,
        files: { ...m.files, [FLANNEL_CNI_CONF]: FLANNEL_CONFLIST },
      });
  }
  // CoreDNS gets scheduled once a node is Ready (it tolerates the control-plane taint).
  const readyNode = nodes.find(
    (n) => getKeyed(machines, n.machine)?.files[FLANNEL_CNI_CONF] !== undefined,
  );
  if (readyNode)
    for (const p of podList(state))
      if (p.app === 'coredns' && p.node === null) pods.push({ ...p, node: readyNode.name });
  const withNamespace = putNamespace(
    { ...state, now: t, rng: rng.state, machines, cluster: { ...c, cni: 'flannel' } },
    'kube-flannel',
    { createdAt: state.now },
  );
  const next: ClusterState = putPods(withNamespace, pods);
  return ok(storeFlannelObjects(next, state.now), [text(CREATED.join('\n'))]);
}
