/**
 * The node lifecycle corpus: what a reader sees when a node loses its network plugin (Ready
 * False: the not-ready NoExecute taint) or goes away (Ready Unknown: the unreachable taints),
 * and the taint eviction controller evicts its Pods after their 300 s toleration
 * (kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/ "Taint based
 * Evictions"; tasks/debug/debug-cluster/ "Example: debugging a down/unreachable node"), and
 * a client rolling the cluster's own coredns Deployment (kubectl_set_image, kubectl_rollout).
 */
import type { ParityCase } from './run-case.ts';

const NOT_READY = [
  'kubectl create deployment web --image=nginx --replicas=4',
  'kubelife clock advance 30s',
  'ssh worker-1',
  'mv /etc/cni/net.d/10-flannel.conflist /root/',
  'exit',
  'kubelife clock advance 1m',
  'kubectl get nodes',
  'kubectl get node worker-1 -o jsonpath={.spec.taints}',
  'kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key,EFFECTS:.spec.taints[*].effect',
  'kubectl get pods -o wide',
  'kubelife clock advance 5m',
  'kubectl get pods -o wide',
  'kubectl get events --field-selector reason=TaintManagerEviction',
  'kubectl get events --field-selector involvedObject.name=worker-1 -o wide',
];

// `systemctl stop containerd`: the kubelet reports "container runtime is down", then PLEG
// unhealthy (pkg/kubelet/runtime.go runtimeErrors), and heartbeats on; starting it recovers.
const RUNTIME_DOWN = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubelife clock advance 30s',
  'ssh worker-1',
  'systemctl stop containerd',
  'exit',
  'kubelife clock advance 1m',
  'kubectl get nodes',
  'kubectl get node worker-1 -o custom-columns=NAME:.metadata.name,READY:.status.conditions[3].status,REASON:.status.conditions[3].reason,MESSAGE:.status.conditions[3].message',
  'kubectl get pods -o wide',
  'kubelife clock advance 3m',
  'kubectl get node worker-1 -o yaml',
  'ssh worker-1',
  'systemctl start containerd',
  'exit',
  'kubectl get nodes',
];

const LOST = [
  'kubectl -n kube-system scale deployment coredns --replicas=3',
  'kubectl create deployment web --image=nginx --replicas=4',
  'kubelife clock advance 30s',
  'kubelife fault machine-down worker-1',
  'kubelife clock advance 2m',
  'kubectl get nodes',
  'kubectl get node worker-1 -o yaml',
  'kubelife clock advance 5m',
  'kubectl get pods -A -o wide',
  'kubectl -n kube-system get pods -l k8s-app=kube-dns',
  'kubectl -n kube-system get events --field-selector reason=TaintManagerEviction',
  'kubectl get events --field-selector involvedObject.kind=Node,involvedObject.name=worker-1',
  'kubelife fault clear worker-1',
  'kubectl get pods -A -o wide',
];

// `rollout restart` comes last: the judge writes its own wall clock into the template's
// kubectl.kubernetes.io/restartedAt, so the new ReplicaSet's hash is the judge's own.
const COREDNS_ROLLOUT = [
  'kubectl set image deployment/coredns -n kube-system coredns=registry.k8s.io/coredns/coredns:v1.11.3',
  'kubectl rollout status deployment/coredns -n kube-system',
  'kubectl -n kube-system get rs -o wide',
  'kubectl rollout history deployment/coredns -n kube-system',
  'kubectl -n kube-system get deployment coredns -o wide',
  'kubectl rollout undo deployment/coredns -n kube-system --to-revision=1',
  'kubectl rollout history deployment/coredns -n kube-system',
  'kubectl -n kube-system scale deployment coredns --replicas=3',
  'kubectl -n kube-system get rs',
  'kubectl -n kube-system get pods -l k8s-app=kube-dns -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image',
  'kubectl rollout restart deployment/coredns -n kube-system',
  'kubectl rollout status deployment/coredns -n kube-system',
];

// A node joins once the cluster CIDR has no /24 left: the range allocator retries with back-off
// and the recorder folds its CIDRNotAvailable Events into one (count, first and last seen).
const CIDR_EXHAUSTED = [
  'kubeadm init --pod-network-cidr=10.244.0.0/23',
  'mkdir -p $HOME/.kube && cp /etc/kubernetes/admin.conf $HOME/.kube/config',
  'kubeadm token create --print-join-command > /root/join.sh',
  'scp /root/join.sh worker-1:/root/join.sh',
  'scp /root/join.sh worker-2:/root/join.sh',
  'ssh worker-1',
  'bash /root/join.sh',
  'exit',
  'ssh worker-2',
  'bash /root/join.sh',
  'exit',
  'kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR',
  'kubelife clock advance 30m',
  'kubectl get events --field-selector reason=CIDRNotAvailable',
  'kubectl get events --field-selector reason=CIDRNotAvailable -o wide',
  'kubectl get events --field-selector reason=CIDRNotAvailable -o custom-columns=COUNT:.count,FIRST:.firstTimestamp,LAST:.lastTimestamp',
  'kubectl get events -A -o wide',
];

// printNode's ROLES come from the node-role.kubernetes.io/<role> and kubernetes.io/role labels.
const NODE_ROLES = [
  'kubectl label node worker-1 node-role.kubernetes.io/worker=',
  'kubectl label node worker-2 kubernetes.io/role=infra node-role.kubernetes.io/worker=',
  'kubectl get nodes',
  'kubectl get nodes -o wide',
  'kubectl cordon worker-2',
  'kubectl get nodes',
];

/** The node lifecycle corpus, as cases. */
export const LIFECYCLE_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/node-not-ready', source: 'corpus', scenario: 'workers-joined', lines: NOT_READY },
  { id: 'corpus/node-lost', source: 'corpus', scenario: 'workers-joined', lines: LOST },
  {
    id: 'corpus/container-runtime-down',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: RUNTIME_DOWN,
  },
  { id: 'corpus/node-roles', source: 'corpus', scenario: 'workers-joined', lines: NODE_ROLES },
  {
    id: 'corpus/cidr-exhausted',
    source: 'corpus',
    scenario: 'packages-installed',
    lines: CIDR_EXHAUSTED,
  },
  {
    id: 'corpus/coredns-rollout',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: COREDNS_ROLLOUT,
  },
];
