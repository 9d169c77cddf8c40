/**
 * The ConfigMaps of a kubeadm cluster (kubeadm-config, kubelet-config, kube-proxy, coredns,
 * cluster-info, kube-root-ca.crt in every namespace, flannel's kube-flannel-cfg), derived from
 * the cluster state. upstream: cmd/kubeadm/app/phases/uploadconfig, addons/dns/manifests.go,
 * addons/proxy/manifests.go, bootstraptoken/clusterinfo.
 */
import { namespaceNames } from '../state/namespaces.ts';
import type { ClusterState } from '../model/state.ts';
import {
  clusterConfigurationYaml,
  kubeletConfigurationYaml,
  kubeProxyConfigurationYaml,
} from '../config/defaults.ts';
import { hash64 } from '../etcd/model.ts';
import { clusterStart, meta } from './legacy-meta.ts';
import { namespaceMeta } from '../kubectl/objects.ts';
import { FLANNEL_NETWORK } from '../controllers/flannel.ts';

type Obj = Record<string, unknown>;

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

/** The ConfigMaps a kubeadm cluster holds, with their data, per namespace. */
export function configMaps(
  state: ClusterState,
): Array<{ namespace: string; name: string; data: Record<string, string> }> {
  const c = state.cluster;
  if (!c) return [];
  const ca = '@pki:pem:/etc/kubernetes/pki/ca.crt';
  const cms: Array<{ namespace: string; name: string; data: Record<string, string> }> = [];
  for (const ns of namespaceNames(state))
    cms.push({ namespace: ns, name: 'kube-root-ca.crt', data: { 'ca.crt': ca } });
  const kubeconfig = `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: @pki:base64:/etc/kubernetes/pki/ca.crt\n    server: https://${c.endpoint}\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n`;
  cms.push(
    {
      namespace: 'kube-public',
      name: 'cluster-info',
      data: {
        kubeconfig,
        ...Object.fromEntries(
          c.tokens.map((t) => [
            `jws-kubeconfig-${t.id}`,
            `eyJhbGciOiJIUzI1NiIsImtpZCI6IiR7dC5pZH0ifQ..${hash64(t.secret)}`,
          ]),
        ),
      },
    },
    { namespace: 'kube-system', name: 'coredns', data: { Corefile: COREFILE } },
    {
      namespace: 'kube-system',
      name: 'kube-proxy',
      data: {
        'config.conf': kubeProxyConfigurationYaml({ clusterCIDR: c.podSubnet }),
        'kubeconfig.conf': `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n    server: https://${c.endpoint}\n  name: default\ncontexts:\n- context:\n    cluster: default\n    namespace: default\n    user: default\n  name: default\ncurrent-context: default\nusers:\n- name: default\n  user:\n    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token\n`,
      },
    },
    {
      namespace: 'kube-system',
      name: 'kubeadm-config',
      data: {
        ClusterConfiguration: clusterConfigurationYaml({
          kubernetesVersion: c.version,
          controlPlaneEndpoint: c.controlPlaneEndpoint,
          podSubnet: c.podSubnet,
          serviceSubnet: c.serviceSubnet,
        }),
      },
    },
    {
      namespace: 'kube-system',
      name: 'kubelet-config',
      data: { kubelet: kubeletConfigurationYaml() },
    },
  );
  if (c.cni === 'flannel')
    cms.push({
      namespace: 'kube-flannel',
      name: 'kube-flannel-cfg',
      data: {
        'cni-conf.json': '{…}',
        'net-conf.json': `{\n  "Network": "${FLANNEL_NETWORK}",\n  "EnableNFTables": false,\n  "Backend": {\n    "Type": "vxlan"\n  }\n}\n`,
      },
    });
  return cms.sort((a, b) => (`${a.namespace}/${a.name}` < `${b.namespace}/${b.name}` ? -1 : 1));
}

/** The ConfigMap object of one entry of {@link configMaps}. */
export function configMapObject(
  state: ClusterState,
  cm: { namespace: string; name: string; data: Record<string, string> },
): Obj {
  return {
    apiVersion: 'v1',
    data: cm.data,
    kind: 'ConfigMap',
    // root-ca-cert-publisher writes kube-root-ca.crt when the namespace appears.
    metadata: meta(
      cm.name,
      cm.namespace,
      cm.name === 'kube-root-ca.crt'
        ? Math.max(clusterStart(state), namespaceMeta(state, cm.namespace).createdAt)
        : clusterStart(state),
    ),
  };
}
