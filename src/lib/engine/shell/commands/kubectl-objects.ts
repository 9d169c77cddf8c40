/**
 * kubectl for objects beyond the node/pod tables: namespaces (with Terminating), ConfigMaps,
 * custom resources (their objects and tables; `-o yaml|json|name|jsonpath` of every resource is
 * kubectl-print.ts over kubectl-resources.ts), `create namespace`, `delete namespace|node|<cr>`,
 * `patch --type=merge` of finalizers. Object shapes follow the API (k8s.io/api/core/v1).
 */
import {
  clusterConfigurationYaml,
  formatRfc3339,
  hash64,
  kubeletConfigurationYaml,
  kubeProxyConfigurationYaml,
  crdName,
  customResourcesOf,
  findCrd,
  type ClusterState,
  type CustomResource,
  type CustomResourceDefinition,
} from '../../src/index.ts';
import { str, type ParsedFlags } from '../flags.ts';
import { formatTable, humanDuration } from '../format.ts';
import type { Invocation } from '../types.ts';

type Obj = Record<string, unknown>;

/** A stable UID derived from the object's identity. */
export function uid(seed: string): string {
  const h = hash64(seed) + hash64(`${seed}#2`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
function rv(seed: string): string {
  return String((parseInt(hash64(seed).slice(0, 6), 16) % 900000) + 1000);
}
/** ObjectMeta with the fields the API server always sets (keys in the order kubectl's YAML sorts them). */
export function meta(
  name: string,
  namespace: string | null,
  created: number,
  extra: Obj = {},
): Obj {
  return {
    creationTimestamp: formatRfc3339(created),
    ...extra,
    name,
    ...(namespace ? { namespace } : {}),
    resourceVersion: rv(`${namespace}/${name}`),
    uid: uid(`${namespace}/${name}/${created}`),
  };
}

export function clusterStart(state: ClusterState): number {
  const c = state.cluster;
  return c ? Math.min(...Object.values(c.nodes).map((n) => n.createdAt), state.now) : state.now;
}

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
  for (const ns of c.namespaces)
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
        'net-conf.json': `{\n  "Network": "${c.podSubnet ?? '10.244.0.0/16'}",\n  "EnableNFTables": false,\n  "Backend": {\n    "Type": "vxlan"\n  }\n}\n`,
      },
    });
  return cms.sort((a, b) => (`${a.namespace}/${a.name}` < `${b.namespace}/${b.name}` ? -1 : 1));
}

export function configMapObject(
  state: ClusterState,
  cm: { namespace: string; name: string; data: Record<string, string> },
): Obj {
  return {
    apiVersion: 'v1',
    data: cm.data,
    kind: 'ConfigMap',
    metadata: meta(cm.name, cm.namespace, clusterStart(state)),
  };
}

export function namespaceObject(state: ClusterState, name: string): Obj {
  const m = state.cluster?.namespaceMeta?.[name];
  const created = m?.createdAt ?? clusterStart(state);
  const crs = Object.values(state.cluster?.customResources ?? {}).filter(
    (r) => r.namespace === name,
  );
  const t = m?.deletedAt;
  const status: Obj = { phase: t === undefined ? 'Active' : 'Terminating' };
  if (t !== undefined) {
    const when = formatRfc3339(t);
    const byResource = new Map<string, number>();
    const byFinalizer = new Map<string, number>();
    for (const r of crs) {
      byResource.set(`${r.plural}.${r.group}`, (byResource.get(`${r.plural}.${r.group}`) ?? 0) + 1);
      for (const f of r.finalizers) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + 1);
    }
    const list = (m2: Map<string, number>, fmt: (k: string, n: number) => string): string =>
      [...m2.entries()]
        .sort()
        .map(([k, n]) => fmt(k, n))
        .join(', ');
    status['conditions'] = [
      {
        lastTransitionTime: when,
        message: 'All resources successfully discovered',
        reason: 'ResourcesDiscovered',
        status: 'False',
        type: 'NamespaceDeletionDiscoveryFailure',
      },
      {
        lastTransitionTime: when,
        message: 'All legacy kube types successfully parsed',
        reason: 'ParsedGroupVersions',
        status: 'False',
        type: 'NamespaceDeletionGroupVersionParsingFailure',
      },
      {
        lastTransitionTime: when,
        message: 'All content successfully deleted, may be waiting on finalization',
        reason: 'ContentDeleted',
        status: 'False',
        type: 'NamespaceDeletionContentFailure',
      },
      {
        lastTransitionTime: when,
        message: `Some resources are remaining: ${list(byResource, (k, n) => `${k} has ${n} resource instances`)}`,
        reason: 'SomeResourcesRemain',
        status: 'True',
        type: 'NamespaceContentRemaining',
      },
      {
        lastTransitionTime: when,
        message: `Some content in the namespace has finalizers remaining: ${list(byFinalizer, (k, n) => `${k} in ${n} resource instances`)}`,
        reason: 'SomeFinalizersRemain',
        status: 'True',
        type: 'NamespaceFinalizersRemaining',
      },
    ];
  }
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(name, null, created, {
      ...(t !== undefined ? { deletionTimestamp: formatRfc3339(t) } : {}),
      labels: { 'kubernetes.io/metadata.name': name },
    }),
    spec: { finalizers: ['kubernetes'] },
    status,
  };
}

export function crObject(r: CustomResource): Obj {
  return {
    apiVersion: `${r.group}/${r.version}`,
    kind: r.kind,
    metadata: meta(r.name, r.namespace, r.createdAt, {
      ...(r.deletedAt !== undefined
        ? { deletionGracePeriodSeconds: 0, deletionTimestamp: formatRfc3339(r.deletedAt) }
        : {}),
      ...(r.finalizers.length > 0 ? { finalizers: [...r.finalizers] } : {}),
      generation: 1,
    }),
    spec: { size: 1 },
  };
}

/** Resource aliases this module answers, beyond the node/pod tables. */
const KINDS: Record<string, string> = {
  configmaps: 'configmaps',
  configmap: 'configmaps',
  cm: 'configmaps',
  namespaces: 'namespaces',
  namespace: 'namespaces',
  ns: 'namespaces',
  nodes: 'nodes',
  node: 'nodes',
  no: 'nodes',
};

/** The CRD a type argument names and its instances, or null when the server has no such type. */
export function crMatches(
  state: ClusterState,
  kind: string,
): { crd: CustomResourceDefinition; items: CustomResource[] } | null {
  const crd = findCrd(state, kind);
  return crd ? { crd, items: customResourcesOf(state, crd) } : null;
}

/** kubectl's NotFound error for a custom resource (`widgets.example.com "x" not found`). */
export function crNotFound(crd: CustomResourceDefinition, name: string): string {
  return `Error from server (NotFound): ${crdName(crd)} "${name}" not found`;
}

/**
 * `kubectl get` tables for namespaces, configmaps and custom resources (structured output of every
 * resource goes through kubectl-print.ts). Returns null when the request is not this module's.
 */
export function getObjects(
  inv: Invocation,
  p: ParsedFlags,
  kind: string,
  names: readonly string[],
): number | null {
  const state = inv.ctx.state;
  const resource = KINDS[kind];
  if (resource === 'nodes') return null;
  const ns = str(p, 'namespace') ?? 'default';
  const all = p.values['all-namespaces'] === true;
  if (resource === 'namespaces') {
    const list = state.cluster?.namespaces ?? [];
    const found = names.length > 0 ? names.filter((n) => list.includes(n)) : [...list];
    for (const n of names.filter((x) => !list.includes(x)))
      inv.io.err(`Error from server (NotFound): namespaces "${n}" not found`);
    if (found.length > 0) {
      inv.io.out(
        formatTable(
          ['NAME', 'STATUS', 'AGE'],
          found.map((n) => {
            const o = namespaceObject(state, n) as { status: { phase: string } };
            const created = state.cluster?.namespaceMeta?.[n]?.createdAt ?? clusterStart(state);
            return [n, o.status.phase, humanDuration(state.now - created)];
          }),
        ),
      );
    }
    return found.length === names.length || names.length === 0 ? 0 : 1;
  }
  if (resource === 'configmaps') {
    const cms = configMaps(state).filter((c) => all || c.namespace === ns);
    const found = names.length > 0 ? cms.filter((c) => names.includes(c.name)) : cms;
    for (const n of names.filter((x) => !cms.some((c) => c.name === x)))
      inv.io.err(`Error from server (NotFound): configmaps "${n}" not found`);
    if (names.length === 0 && found.length === 0) {
      inv.io.err(`No resources found in ${ns} namespace.`);
      return 0;
    }
    if (found.length > 0) {
      const start = clusterStart(state);
      inv.io.out(
        formatTable(
          [...(all ? ['NAMESPACE'] : []), 'NAME', 'DATA', 'AGE'],
          found.map((c) => [
            ...(all ? [c.namespace] : []),
            c.name,
            String(Object.keys(c.data).length),
            humanDuration(state.now - start),
          ]),
        ),
      );
    }
    return found.length === names.length || names.length === 0 ? 0 : 1;
  }
  const matched = crMatches(state, kind);
  if (matched === null) return null;
  const inNs = matched.items.filter((r) => all || r.namespace === ns);
  const found = names.length > 0 ? inNs.filter((r) => names.includes(r.name)) : inNs;
  for (const n of names.filter((x) => !inNs.some((r) => r.name === x)))
    inv.io.err(crNotFound(matched.crd, n));
  if (names.length === 0 && found.length === 0) {
    inv.io.err(`No resources found in ${ns} namespace.`);
    return 0;
  }
  if (found.length > 0)
    inv.io.out(
      formatTable(
        ['NAME', 'AGE'],
        found.map((r) => [r.name, humanDuration(state.now - r.createdAt)]),
      ),
    );
  return found.length === names.length || names.length === 0 ? 0 : 1;
}

/** True when `kubectl get KIND -o OUTPUT` is answered by {@link getObjects}. */
export function handlesGet(state: ClusterState, kind: string, _output?: string): boolean {
  const resource = KINDS[kind];
  if (resource === 'configmaps' || resource === 'namespaces') return true;
  if (resource === 'nodes') return false;
  return crMatches(state, kind) !== null;
}
