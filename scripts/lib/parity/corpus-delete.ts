/**
 * The everyday corpus of `kubectl delete` (kubernetes.io/docs/reference/kubectl/generated/
 * kubectl_delete/ examples; the force-delete line of tasks/run-application/force-delete-stateful-
 * set-pod/): TYPE NAME, TYPE/NAME, several types, selectors, --all, --ignore-not-found, dry runs,
 * -o name, the flag conflicts and the usage errors.
 */
import type { ParityCase } from './run-case.ts';

const DELETES = [
  'kubectl create deployment web --image=nginx:1.27 --replicas=2',
  'kubectl create configmap c1 --from-literal=a=b',
  'kubectl create configmap c2 --from-literal=a=b',
  'kubectl create configmap c3 --from-literal=a=b',
  'kubectl label configmap c2 c3 tier=x',
  'kubectl delete configmap c1 --dry-run=client',
  'kubectl delete configmap c1 --dry-run=server',
  'kubectl delete configmap c1 -o name',
  'kubectl get configmaps',
  'kubectl delete configmap nope',
  'kubectl delete configmap nope --ignore-not-found',
  'kubectl delete configmaps -l tier=x --dry-run=client',
  'kubectl delete configmaps -l tier=x',
  'kubectl delete configmaps -l tier=x',
  'kubectl delete pods -l app=none',
  'kubectl delete pods -l app=web --force --grace-period=0',
  'kubectl get deploy web',
  'kubectl delete deploy/web cm/nope',
  'kubectl get deploy,rs',
  'kubectl -n default delete namespace nope',
  'kubectl delete',
  'kubectl delete pod',
  'kubectl delete pod x --now --grace-period=3',
  'kubectl delete pod x --force --grace-period=5',
  'kubectl delete pod x -o wide',
  'kubectl delete pods --all -l app=web',
  'kubectl delete pods x --all',
  'kubectl delete foo x',
  'kubectl delete pod nginx deploy/web',
  'kubectl delete svc,cm -l tier=none',
];

/**
 * Graceful deletion (src/workloads/pod-deletion.ts, after pkg/registry/core/pod/strategy.go
 * CheckGracefulDelete and rest/delete.go BeforeDelete): a deleted Pod stays Terminating with its
 * deletionTimestamp and deletionGracePeriodSeconds while its ReplicaSet replaces it; a second
 * delete shortens the grace period; `kubectl delete` waits (--wait, the default) until the kubelet
 * has removed it, the judge in real time against the served clock that moves to that moment.
 * Lines that leave a Pod terminating are followed at once by one that waits for it, so the
 * served clock moves only while the judge waits.
 */
const GRACEFUL = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl get pods',
  'kubectl delete pods -l app=web --wait=false',
  'kubectl get pods',
  'kubectl get rs',
  'kubectl delete pods -l app=web --grace-period=2',
  'kubectl get pods -o wide',
  'kubectl run solo --image=nginx',
  'kubectl delete pod solo --now',
  'kubectl get pods',
  "kubectl get deploy web -o jsonpath='{.status.replicas} {.status.readyReplicas}'",
  'kubectl delete pod nope --wait=false',
  'kubectl delete pods -l app=web --timeout=abc',
];

/** The delete corpus, as two cases. */
export const DELETE_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/delete', source: 'corpus', scenario: 'workers-joined', lines: DELETES },
  { id: 'corpus/delete-graceful', source: 'corpus', scenario: 'workers-joined', lines: GRACEFUL },
];
