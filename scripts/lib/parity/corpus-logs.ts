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

/**
 * `kubectl logs` of a workload or by selector (kubernetes.io quick reference: "dump pod logs, with
 * label name=myLabel", "dump Pod logs for a Deployment"): kubectl picks the Pods itself
 * (SelectorsForObject, GetFirstPod, ByLogging) and reads each Pod's log subresource. Only lines
 * whose Pods have one container and a simulated log: with several Pods the real kubectl ranges
 * over a Go map, so their order varies run to run.
 */
const LOGS_BY_OBJECT = [
  'kubectl logs -n kube-system -l component=kube-scheduler',
  'kubectl logs -n kube-system -l component=kube-scheduler --tail=2 --prefix',
  'kubectl logs -n kube-system -l component=kube-apiserver --tail=-1',
  'kubectl logs -n kube-system -l component=kube-scheduler,tier=control-plane --timestamps --tail=1',
  'kubectl logs -l app=nope',
  "kubectl logs -n kube-system -l 'component in (kube-scheduler' ",
  'kubectl logs -n kube-system kube-scheduler-cp-1 -l component=kube-scheduler',
  'kubectl logs -n kube-system pod/kube-controller-manager-cp-1 --all-containers --prefix',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --limit-bytes=40',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --limit-bytes=-1',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --tail=-2',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --tail=x',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --since=10x',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --since=1h --since-time=2025-01-01T00:00:00Z',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --all-containers -c kube-apiserver',
  'kubectl logs -n kube-system kube-apiserver-cp-1 kube-apiserver -c kube-apiserver',
  'kubectl logs -n kube-system kube-apiserver-cp-1 --since-time=2020-01-01T00:00:00Z',
  'kubectl logs svc/kubernetes',
  'kubectl logs configmap/kube-root-ca.crt',
  'kubectl logs deploy/nope',
  'kubectl logs nope/x',
  'kubectl logs -n kube-system node/cp-1',
];

/** The logs and exec lines as a case on a cluster with joined workers. */
export const LOGS_CASE: ParityCase = {
  id: 'corpus/logs',
  source: 'corpus',
  scenario: 'workers-joined',
  lines: LOGS,
};

/** Logs by object and selector, and the logs flags' checks. */
export const LOGS_BY_OBJECT_CASE: ParityCase = {
  id: 'corpus/logs-by-object',
  source: 'corpus',
  scenario: 'workers-joined',
  lines: LOGS_BY_OBJECT,
};
