/**
 * The CoreDNS add-on's objects, from kubeadm's templates
 * (cmd/kubeadm/app/phases/addons/dns/manifests.go, dns.go: 2 replicas, DNS IP = 10th address of
 * the service subnet), and the ReplicaSet the deployment controller creates for it
 * (pkg/controller/deployment/sync.go: name `<deployment>-<pod-template-hash>`, annotations
 * deployment.kubernetes.io/desired-replicas, max-replicas = replicas + maxSurge, revision).
 * The ConfigMap `coredns` is objects/config-maps.ts.
 */
import { renderManifest, nthAddress, type Placed } from './manifest.ts';

const SERVICE_ACCOUNT = `
apiVersion: v1
kind: ServiceAccount
metadata:
  name: coredns
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: system:coredns
rules:
- apiGroups:
  - ""
  resources:
  - endpoints
  - services
  - pods
  - namespaces
  verbs:
  - list
  - watch
- apiGroups:
  - discovery.k8s.io
  resources:
  - endpointslices
  verbs:
  - list
  - watch
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: system:coredns
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:coredns
subjects:
- kind: ServiceAccount
  name: coredns
  namespace: kube-system
`;

const POD_TEMPLATE = `
    metadata:
      labels:
        k8s-app: kube-dns{{ .HashLabel }}
    spec:
      priorityClassName: system-cluster-critical
      serviceAccountName: coredns
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              labelSelector:
                matchExpressions:
                - key: k8s-app
                  operator: In
                  values: ["kube-dns"]
              topologyKey: kubernetes.io/hostname
      tolerations:
      - key: CriticalAddonsOnly
        operator: Exists
      - key: node-role.kubernetes.io/control-plane
        effect: NoSchedule
      nodeSelector:
        kubernetes.io/os: linux
      containers:
      - name: coredns
        image: {{ .Image }}
        imagePullPolicy: IfNotPresent
        resources:
          limits:
            memory: 170Mi
          requests:
            cpu: 100m
            memory: 70Mi
        args: [ "-conf", "/etc/coredns/Corefile" ]
        volumeMounts:
        - name: config-volume
          mountPath: /etc/coredns
          readOnly: true
        ports:
        - containerPort: 53
          name: dns
          protocol: UDP
        - containerPort: 53
          name: dns-tcp
          protocol: TCP
        - containerPort: 9153
          name: metrics
          protocol: TCP
        - containerPort: 8080
          name: liveness-probe
          protocol: TCP
        - containerPort: 8181
          name: readiness-probe
          protocol: TCP
        livenessProbe:
          httpGet:
            path: /health
            port: liveness-probe
            scheme: HTTP
          initialDelaySeconds: 60
          timeoutSeconds: 5
          successThreshold: 1
          failureThreshold: 5
        readinessProbe:
          httpGet:
            path: /ready
            port: readiness-probe
            scheme: HTTP
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            add:
            - NET_BIND_SERVICE
            drop:
            - ALL
          readOnlyRootFilesystem: true
      dnsPolicy: Default
      volumes:
        - name: config-volume
          configMap:
            name: coredns
            items:
            - key: Corefile
              path: Corefile
`;

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
  labels:
    k8s-app: kube-dns
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  selector:
    matchLabels:
      k8s-app: kube-dns
  template:${POD_TEMPLATE}`;

const SERVICE = `
apiVersion: v1
kind: Service
metadata:
  labels:
    k8s-app: kube-dns
    kubernetes.io/cluster-service: "true"
    kubernetes.io/name: "CoreDNS"
  name: kube-dns
  namespace: kube-system
  annotations:
    prometheus.io/port: "9153"
    prometheus.io/scrape: "true"
spec:
  clusterIP: {{ .DNSIP }}
  ports:
  - name: dns
    port: 53
    protocol: UDP
    targetPort: 53
  - name: dns-tcp
    port: 53
    protocol: TCP
    targetPort: 53
  - name: metrics
    port: 9153
    protocol: TCP
    targetPort: 9153
  selector:
    k8s-app: kube-dns
`;

const REPLICA_SET = `
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  annotations:
    deployment.kubernetes.io/desired-replicas: "2"
    deployment.kubernetes.io/max-replicas: "3"
    deployment.kubernetes.io/revision: "{{ .Revision }}"
  labels:
    k8s-app: kube-dns
    pod-template-hash: "{{ .Hash }}"
  name: coredns-{{ .Hash }}
  namespace: kube-system
spec:
  replicas: 2
  selector:
    matchLabels:
      k8s-app: kube-dns
      pod-template-hash: "{{ .Hash }}"
  template:${POD_TEMPLATE}`;

/** What the CoreDNS add-on needs to know. */
export interface CoreDnsInput {
  /** Image, e.g. registry.k8s.io/coredns/coredns:v1.12.1. */
  readonly image: string;
  readonly serviceSubnet: string;
  /** pod-template-hash of the current ReplicaSet (the middle part of the Pods' names). */
  readonly hash: string;
  /** RFC 3339 creation time. */
  readonly created: string;
}

/** ServiceAccount, ClusterRole, ClusterRoleBinding, Deployment and Service, in kubeadm's order. */
export function coreDnsObjects(i: CoreDnsInput): Placed[] {
  const vars = { Image: i.image, DNSIP: nthAddress(i.serviceSubnet, 10), HashLabel: '' };
  return [
    ...renderManifest(SERVICE_ACCOUNT, vars, i.created),
    ...renderManifest(DEPLOYMENT, vars, i.created),
    ...renderManifest(SERVICE, vars, i.created),
  ];
}

/**
 * The ReplicaSet of the coredns Deployment, owned by it (the Deployment's uid is known once it
 * is stored).
 */
export function coreDnsReplicaSet(
  i: CoreDnsInput,
  deploymentUid: string,
  revision: number,
): Placed[] {
  const vars = {
    Image: i.image,
    Hash: i.hash,
    Revision: String(revision),
    HashLabel: `\n        pod-template-hash: "${i.hash}"`,
  };
  return renderManifest(REPLICA_SET, vars, i.created).map(([r, o]) => [
    r,
    {
      ...o,
      metadata: {
        ...o.metadata,
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            blockOwnerDeletion: true,
            controller: true,
            kind: 'Deployment',
            name: 'coredns',
            uid: deploymentUid,
          },
        ],
      },
    },
  ]);
}
