/**
 * The everyday corpus of `kubectl describe` for Pods and the workloads that own them
 * (kubernetes.io/docs/tasks/debug/debug-application/debug-pods/ "kubectl describe pods",
 * debug-running-pod/, concepts/workloads/controllers/deployment/ "kubectl describe deployments",
 * replicaset/, daemonset/, statefulset/, reference/kubectl/generated/kubectl_describe/: TYPE
 * NAME_PREFIX, TYPE/NAME, -l, -A, --show-events): the static Pods of the control plane
 * (mirror Pods), the DaemonSet and Deployment Pods kubeadm and flannel run, a reader's
 * Deployment, a Job's Pods, a Pod no node can take, and the usage errors.
 */
import type { ParityCase } from './run-case.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: busy
  labels:
    app: busy
  annotations:
    team: blue
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "echo ready > /work/flag"]
    volumeMounts:
    - name: work
      mountPath: /work
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c"]
    args: ["while true; do date; sleep 5; done"]
    ports:
    - containerPort: 8080
      name: http
    - containerPort: 9090
      protocol: UDP
    env:
    - name: GREETING
      value: hello
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: MEM
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
    - name: LIVES
      valueFrom:
        configMapKeyRef:
          name: game
          key: lives
          optional: true
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
      limits:
        memory: 128Mi
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
    readinessProbe:
      tcpSocket:
        port: http
      initialDelaySeconds: 5
    startupProbe:
      exec:
        command: ["cat", "/work/flag"]
    volumeMounts:
    - name: work
      mountPath: /work
      readOnly: true
    - name: config
      mountPath: /etc/app
      subPath: app.conf
  volumes:
  - name: work
    emptyDir: {}
  - name: config
    configMap:
      name: game
  - name: host
    hostPath:
      path: /var/log
      type: Directory
  - name: creds
    secret:
      secretName: db
      optional: true
  tolerations:
  - key: dedicated
    operator: Equal
    value: batch
    effect: NoSchedule`;

const PODS = [
  'kubectl describe pod -n kube-system etcd-cp-1',
  'kubectl describe pods -n kube-system kube-apiserver-cp-1',
  'kubectl describe pods -n kube-system kube-proxy-6j9zn',
  'kubectl describe pods -n kube-system coredns-s2hzq29j2g-lpjgz',
  'kubectl describe pods -n kube-flannel kube-flannel-ds-6r8zg',
  'kubectl describe pod/kube-scheduler-cp-1 -n kube-system',
  'kubectl describe -n kube-system pods/etcd-cp-1 pods/kube-apiserver-cp-1',
  'kubectl describe pods -n kube-system etcd-cp-1 nope kube-scheduler-cp-1',
  'kubectl describe pods -n kube-system kube-controller',
  'kubectl describe pods -n kube-system kube-c --show-events=true',
  'kubectl describe pods -n kube-system nope',
  'kubectl describe pods -n kube-system -l component=etcd',
  'kubectl describe pods -n kube-system -l k8s-app=kube-dns --show-events=true',
  'kubectl describe pods -n kube-flannel -l nope=x',
  'kubectl describe pods',
  'kubectl describe pods -A -l tier=control-plane',
  'kubectl describe pods -A etcd-cp-1',
  'kubectl describe pods -l component=etcd etcd-cp-1',
  'kubectl describe pods -n kube-system etcd-cp-1 --show-events=false',
  'kubectl describe',
  'kubectl describe nopes',
  'kubectl describe pods --field-selector spec.nodeName=cp-1',
  'kubectl create deployment web --image=nginx --replicas=2 --port=80',
  'sleep 20',
  'kubectl describe pods web',
  'kubectl describe pods -l app=web',
  'kubectl get pods -l app=web -o name',
  'kubectl create secret generic db --from-literal=password=s3cr3t',
  'kubectl create configmap game --from-literal=lives=3 --from-literal=app.conf=x',
  `kubectl apply -f - <<'EOF'\n${POD}\nEOF`,
  'sleep 10',
  'kubectl describe pod busy',
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pending\nspec:\n  nodeSelector:\n    disktype: ssd\n  containers:\n  - name: nginx\n    image: nginx:1.27\nEOF`,
  'sleep 5',
  'kubectl describe pod pending',
  'kubectl create job hello --image=busybox -- echo "Hello World"',
  'sleep 10',
  'kubectl describe pods -l job-name=hello',
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: held\n  finalizers:\n  - example.com/hold\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\nEOF`,
  'sleep 5',
  'kubectl delete pod held --wait=false',
  'kubectl describe pod held',
  'kubectl describe lease -n kube-node-lease cp-1',
  'kubectl describe leases -n kube-system',
  'kubectl describe crd',
  'kubectl describe apiservices v1.apps',
];

const TERMINATING = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'sleep 20',
  'ssh worker-1',
  'systemctl stop kubelet',
  'exit',
  'kubelife clock advance 7m',
  'kubectl get pods -o wide',
  'kubectl describe pods -l app=web --show-events=true',
];

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: postgres
        image: postgres:16
        ports:
        - containerPort: 5432
          name: pg
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi`;

const STORAGECLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer`;

const WORKLOADS = [
  'kubectl describe deployment -n kube-system coredns',
  'kubectl describe rs -n kube-system',
  'kubectl describe ds -n kube-system kube-proxy',
  'kubectl describe daemonsets -n kube-flannel',
  'kubectl describe daemonset.apps/kube-proxy -n kube-system --show-events=false',
  'kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80',
  'sleep 20',
  'kubectl describe deployment web',
  'kubectl describe deployments.apps/web',
  'kubectl set image deployment/web nginx=nginx:1.28',
  'sleep 30',
  'kubectl describe deploy web',
  'kubectl describe rs -l app=web',
  'kubectl describe rs -l app=web --show-events=true',
  'kubectl scale deployment web --replicas=1',
  'sleep 10',
  'kubectl describe deployment web',
  'kubectl describe deployment nope',
  'kubectl describe deploy we',
  `kubectl apply -f - <<'EOF'\n${STATEFULSET}\nEOF`,
  'sleep 20',
  'kubectl describe statefulset db',
  'kubectl describe sts',
  'kubectl create pdb web-pdb --selector=app=web --min-available=1',
  'kubectl create pdb db-pdb --selector=app=db --max-unavailable=50%',
  'sleep 5',
  'kubectl describe pdb web-pdb',
  'kubectl describe poddisruptionbudgets',
  'kubectl describe priorityclass system-node-critical',
  'kubectl describe pc',
  'kubectl describe rolebinding -n kube-system kubeadm:kubelet-config',
  'kubectl describe clusterrolebinding cluster-admin',
  'kubectl describe endpointslices',
  'kubectl describe endpointslices -n kube-system',
  'kubectl describe csr',
  `kubectl apply -f - <<'EOF'\n${STORAGECLASS}\nEOF`,
  'kubectl describe storageclass local',
];

/** The describe corpus of Pods and workloads. */
export const DESCRIBE_WORKLOAD_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/describe-pods', source: 'corpus', scenario: 'workers-joined', lines: PODS },
  {
    id: 'corpus/describe-workloads',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: WORKLOADS,
  },
  {
    id: 'corpus/describe-terminating',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: TERMINATING,
  },
];
