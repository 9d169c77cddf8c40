/**
 * The everyday corpus of `kubectl describe` of configuration objects
 * (kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/ "kubectl describe
 * configmaps", concepts/configuration/secret/ "kubectl describe secret",
 * tasks/administer-cluster/namespaces/ "kubectl describe namespaces",
 * tasks/configure-pod-container/configure-service-account/).
 */
import type { ParityCase } from './run-case.ts';

const DESCRIBE = [
  'kubectl create configmap game-config --from-literal=lives=3',
  'kubectl describe configmaps game-config',
  'kubectl describe cm game-config nope',
  'kubectl describe cm -n kube-system kubeadm-config',
  'kubectl create secret generic db-user-pass --from-literal=password=S!B*d$zDsb=',
  'kubectl describe secret db-user-pass',
  'kubectl create secret docker-registry regcred --docker-server=registry.example --docker-username=u --docker-password=p',
  'kubectl describe secret regcred',
  'kubectl describe namespaces default',
  'kubectl describe ns kube-system',
  'kubectl describe namespace nope',
  'kubectl describe serviceaccount default',
  'kubectl describe sa -n kube-system kube-proxy',
  'kubectl create serviceaccount build-robot',
  'kubectl describe serviceaccounts build-robot',
];

/**
 * Nodes as the kubeadm install guide and kubernetes.io's "Safely Drain a Node" /
 * "Manage nodes" pages describe them: after joining, cordoned, and with a reader's Pods on them.
 */
const DESCRIBE_NODES = [
  'kubectl describe node cp-1',
  'kubectl describe nodes worker-1',
  'kubectl cordon worker-2',
  'kubectl describe node worker-2',
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl set resources deployment web --requests=cpu=250m,memory=64Mi --limits=cpu=500m,memory=128Mi',
  'kubectl describe node worker-1',
  'kubectl describe no -l kubernetes.io/hostname=worker-1',
  'kubectl describe node nope',
];

/** The describe corpus, as one case per scenario. */
export const DESCRIBE_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/describe-config', source: 'corpus', scenario: 'workers-joined', lines: DESCRIBE },
  {
    id: 'corpus/describe-nodes',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: DESCRIBE_NODES,
  },
];
