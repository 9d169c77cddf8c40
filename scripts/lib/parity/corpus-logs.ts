/**
 * The everyday corpus's `kubectl logs` lines (kubernetes.io/docs/reference/kubectl/quick-reference/
 * "Interacting with running Pods", tasks/debug/debug-cluster/): the control plane's logs served
 * through the pods/log subresource, and kubectl's own checks (usage, unknown container, missing
 * Pod, no previous container); `kubectl exec`'s usage errors (its sessions need the pods/exec
 * upgrade, which serve --api does not implement: skipped with that reason).
 */
import type { ParityCase } from './run-case.ts';

const LOGS = [
  'kubectl logs -n kube-system kube-scheduler-cp-1',
  'kubectl -n kube-system logs kube-controller-manager-cp-1',
  'kubectl logs kube-apiserver-cp-1 -n kube-system --tail=2',
  'kubectl logs -n kube-system pod/kube-scheduler-cp-1 --tail 1',
  'kubectl logs -n kube-system kube-scheduler-cp-1 kube-scheduler --tail=0',
  'kubectl logs -n kube-system kube-scheduler-cp-1 -f',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --timestamps',
  'kubectl logs -n kube-system kube-scheduler-cp-1 -c nope',
  'kubectl logs -n kube-system kube-scheduler-cp-1 --previous',
  'kubectl logs nope',
  'kubectl logs',
  'kubectl exec',
  'kubectl exec -n kube-system etcd-cp-1',
  'kubectl exec -n kube-system etcd-cp-1 etcdctl version',
  'kubectl exec -n kube-system etcd-cp-1 -- etcdctl version',
];

/** The logs and exec lines as a case on a cluster with joined workers. */
export const LOGS_CASE: ParityCase = {
  id: 'corpus/logs',
  source: 'corpus',
  scenario: 'workers-joined',
  lines: LOGS,
};
