/**
 * The everyday corpus of CronJobs (kubernetes.io/docs/tasks/job/automated-tasks-with-cron-jobs/:
 * create → watch the Jobs appear → delete; kubectl_create_cronjob and kubectl_create_job
 * `--from=cronjob/` examples): schedules, history limits, suspend, concurrencyPolicy, the dry
 * runs and the usage errors.
 */
import type { ParityCase } from './run-case.ts';

const CRONJOBS = [
  "kubectl create cronjob hello --image=busybox:1.28 --schedule='* * * * *' -- /bin/sh -c 'date; echo Hello from the Kubernetes cluster'",
  'kubectl get cronjob hello',
  'kubectl get cronjobs -o wide',
  'kubectl get cronjob hello -o yaml',
  'kubectl describe cronjob hello',
  'sleep 60',
  'kubectl get jobs --watch=false',
  'kubectl get cronjob hello',
  'kubectl get jobs',
  'kubectl get pods',
  'sleep 240',
  'kubectl get cronjob hello -o yaml',
  'kubectl get jobs',
  'kubectl get pods',
  'kubectl describe cronjob hello',
  'kubectl get events --field-selector involvedObject.kind=CronJob',
  "kubectl get jobs -o jsonpath='{.items[*].metadata.annotations}'",
  'kubectl create job hello-manual --from=cronjob/hello',
  'kubectl get job hello-manual -o yaml',
  'kubectl create job x --from=cronjob/hello --dry-run=client -o yaml',
  'kubectl create job x --from=cronjob/nope',
  "kubectl create cronjob nightly --image=busybox --schedule='@daily' --restart=Never -- date",
  "kubectl create cronjob every5 --image=busybox --schedule='*/5 * * * *' -o yaml",
  'kubectl get cronjobs',
  'kubectl patch cronjob hello -p \'{"spec":{"suspend":true}}\'',
  'sleep 120',
  'kubectl get cronjobs',
  'kubectl get jobs',
  "kubectl create cronjob cj --image=busybox --schedule='*/1 * * * *' --dry-run=client -o yaml -- date",
  "kubectl create cronjob cj --image=busybox --schedule='*/1 * * * *' --restart=Never --dry-run=client -o json",
  "kubectl create cj cj --image=busybox --schedule='0 * * * *' --dry-run=client",
  'kubectl create cronjob bad --image=busybox --schedule=bad',
  "kubectl create cronjob bad --image=busybox --schedule='* * * * *' --restart=Always",
  "kubectl create cronjob bad --image=busybox --schedule='61 * * * *' --restart=Always -o name",
  "kubectl create cronjob bad --image=busybox --schedule='@often'",
  "kubectl create cronjob this-name-is-far-too-long-for-the-jobs-it-would-create --image=busybox --schedule='@hourly'",
  'kubectl create cronjob cj --image=busybox',
  'kubectl create cronjob cj',
  "kubectl create cronjob a b --image=busybox --schedule='* * * * *'",
  "kubectl create cronjob hello --image=busybox --schedule='* * * * *'",
  'kubectl delete cronjob hello',
  'kubectl get jobs',
  'kubectl get cronjobs',
];

/** The CronJob corpus, as one case. */
export const CRONJOB_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/cronjobs', source: 'corpus', scenario: 'workers-joined', lines: CRONJOBS },
];
