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

/** The describe corpus, as one case. */
export const DESCRIBE_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/describe-config', source: 'corpus', scenario: 'workers-joined', lines: DESCRIBE },
];
