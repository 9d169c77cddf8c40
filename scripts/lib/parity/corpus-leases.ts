/**
 * The Lease corpus: resourceVersions that follow the order of writes across resources (etcd's
 * revision), renewals that take new ones, and holders that create their deleted Leases again:
 * the kubelet at its next renewal, owned by its Node
 * (staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go, renewInterval 10 s),
 * a leader at its next RetryPeriod (client-go tools/leaderelection/leaderelection.go, 2 s)
 * (kubernetes.io/docs/concepts/architecture/leases/).
 */
import type { ParityCase } from './run-case.ts';

const COLUMNS =
  '-o custom-columns=NAME:.metadata.name,RV:.metadata.resourceVersion,RENEW:.spec.renewTime';

const RECREATED = [
  `kubectl get leases -A ${COLUMNS}`,
  'kubectl create configmap before',
  'kubelife clock advance 10s',
  'kubectl create configmap after',
  'kubectl get cm,lease -A -o custom-columns=KIND:.kind,NAME:.metadata.name,RV:.metadata.resourceVersion',
  'kubectl delete lease worker-1 -n kube-node-lease',
  'kubectl delete lease kube-scheduler -n kube-system',
  'kubectl get leases -A',
  'kubelife clock advance 2s',
  'kubectl -n kube-system get lease kube-scheduler -o yaml',
  'kubectl get lease worker-1 -n kube-node-lease',
  'kubelife clock advance 8s',
  'kubectl -n kube-node-lease get lease worker-1 -o json',
  `kubectl get leases -A ${COLUMNS}`,
  'kubectl describe lease -n kube-node-lease worker-1',
];

const STOPPED = [
  'ssh worker-2',
  'systemctl stop kubelet',
  'exit',
  'kubelife clock advance 1m',
  `kubectl -n kube-node-lease get leases ${COLUMNS}`,
  'kubectl delete node worker-2',
  'kubelife clock advance 30s',
  `kubectl -n kube-node-lease get leases ${COLUMNS}`,
];

/** The Lease corpus, as cases. */
export const LEASE_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/lease-recreated', source: 'corpus', scenario: 'workers-joined', lines: RECREATED },
  { id: 'corpus/lease-stopped', source: 'corpus', scenario: 'workers-joined', lines: STOPPED },
];
