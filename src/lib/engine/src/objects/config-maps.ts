/**
 * The ConfigMaps of a kubeadm cluster (kubeadm-config, kubelet-config, kube-proxy, coredns,
 * cluster-info, kube-root-ca.crt in every namespace, flannel's kube-flannel-cfg), as their
 * writers keep them for the cluster state; controllers/publishers.ts writes them to the store
 * when they change. upstream: cmd/kubeadm/app/phases/uploadconfig, addons/dns/manifests.go,
 * addons/proxy/manifests.go, bootstraptoken/clusterinfo, pkg/controller/bootstrap/bootstrapsigner.go
 * (the jws-kubeconfig-<id> keys), pkg/controller/certificates/rootcacertpublisher/publisher.go.
 */
import { namespaceNames } from '../state/namespaces.ts';
import type { ClusterState } from '../model/state.ts';
import {
  clusterConfigurationYaml,
  kubeletConfigurationYaml,
  kubeProxyConfigurationYaml,
} from '../config/defaults.ts';
import { hash64 } from '../etcd/model.ts';
import { formatRfc3339 } from '../clock.ts';
import { namespaceMeta } from '../kubectl/objects.ts';
import type { NewObject } from '../store/types.ts';
import { FLANNEL_NETWORK } from '../controllers/flannel.ts';
import { tokenValid } from '../kubeadm/tokens.ts';

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
        // The bootstrap signer signs with every valid token for signing (pkg/controller/
        // bootstrap/util.go validateSecretForSigning skips an expired one).
        ...Object.fromEntries(
          c.tokens
            .filter((t) => tokenValid(t, state.now) && t.usages.includes('signing'))
            .map((t) => [
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

/**
 * The ConfigMap object of one entry of {@link configMaps} as its writer creates it, dated from
 * `start()` (when the cluster started).
 */
export function configMapObject(
  state: ClusterState,
  cm: { namespace: string; name: string; data: Record<string, string> },
  start: () => number,
): NewObject {
  // root-ca-cert-publisher writes kube-root-ca.crt when the namespace appears.
  const created =
    cm.name === 'kube-root-ca.crt'
      ? Math.max(start(), namespaceMeta(state, cm.namespace).createdAt)
      : start();
  return {
    apiVersion: 'v1',
    data: cm.data,
    kind: 'ConfigMap',
    metadata: {
      creationTimestamp: formatRfc3339(created),
      name: cm.name,
      namespace: cm.namespace,
    },
  };
}
