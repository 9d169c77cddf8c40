/**
 * The everyday corpus of Jobs (kubernetes.io/docs/reference/kubectl/generated/kubectl_create/
 * kubectl_create_job/ examples; concepts/workloads/controllers/job/ for create → watch → inspect
 * → delete; kubectl_get, kubectl_describe): a Job that finishes, one that fails through its
 * backoffLimit, one that keeps running, the dry runs and the usage errors.
 */
import type { ParityCase } from './run-case.ts';

const JOBS = [
  'kubectl create job hello --image=busybox -- echo "Hello World"',
  'kubectl get jobs',
  'kubectl get job hello -o wide',
  'kubectl get pods -l batch.kubernetes.io/job-name=hello',
  'kubectl get job hello -o yaml',
  'sleep 5',
  'kubectl get jobs',
  'kubectl get job hello -o yaml',
  'kubectl get pods --selector=job-name=hello',
  "kubectl get pods --selector=job-name=hello --output=jsonpath='{.items[*].metadata.name}'",
  'kubectl get pods -l job-name=hello -o yaml',
  "kubectl get job hello -o jsonpath='{.status.succeeded}'",
  'kubectl wait --for=condition=complete job/hello',
  'kubectl describe job hello',
  'kubectl describe jobs/hello',
  'kubectl describe job nope',
  'kubectl create job hello --image=busybox',
  'kubectl create job pi --image=perl:5.34.0 -- perl -Mbignum=bpi -wle "print bpi(2000)"',
  'kubectl create job sleeper --image=busybox -- sleep 30',
  'kubectl create job forever --image=nginx',
  'kubectl create job oops --image=busybox -- sh -c "echo start; exit 3"',
  'sleep 20',
  'kubectl get jobs',
  'kubectl get pods',
  'kubectl get jobs -o wide',
  'sleep 700',
  'kubectl get jobs',
  'kubectl get job oops -o yaml',
  'kubectl get pods -l job-name=oops',
  'kubectl get events --field-selector involvedObject.kind=Job',
  'kubectl describe job oops',
  'kubectl describe job sleeper',
  'kubectl describe jobs',
  'kubectl create job x --image=busybox --dry-run=client -o yaml',
  'kubectl create job x --image=busybox --dry-run=client -o json -- date',
  'kubectl create job x --image=busybox -n kube-public --dry-run=client -o yaml',
  'kubectl create job x --image=busybox --dry-run=client',
  'kubectl create job x --image=busybox --dry-run=server',
  'kubectl create job x --image=busybox -o name',
  'kubectl create job x2 --image=busybox -o yaml',
  'kubectl create job',
  'kubectl create job x',
  'kubectl create job x y --image=busybox',
  'kubectl create job x --image=busybox echo hi',
  'kubectl create job x --image=busybox --from=cronjob/nope',
  'kubectl create job x --from=cronjob/nope -- date',
  'kubectl create job x --image=busybox --replicas=2',
  'kubectl create job paused --image=busybox -- sleep 60',
  `kubectl patch job paused -p '{"spec":{"suspend":true}}'`,
  'kubectl get job paused',
  "kubectl get job paused -o jsonpath='{.status.conditions[0].reason}'",
  'sleep 10',
  `kubectl patch job paused -p '{"spec":{"suspend":false}}'`,
  'kubectl describe job paused',
  'kubectl delete job hello',
  'kubectl get pods -l job-name=hello',
  'kubectl get jobs',
];

/** The Job corpus, as one case. */
export const JOB_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/jobs', source: 'corpus', scenario: 'workers-joined', lines: JOBS },
];
