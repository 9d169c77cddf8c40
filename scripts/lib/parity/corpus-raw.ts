/**
 * The corpus of `kubectl get --raw` and `kubectl get componentstatuses`, judged by the real
 * kubectl against `kubelife serve --api`: health endpoints (plain, `?verbose`, one check), the
 * version and discovery documents, object paths, a path the server does not serve, the flag
 * conflicts get.go refuses before any request, and the componentstatus registry's rows with a
 * stopped scheduler (pkg/registry/core/componentstatus/rest.go, validator.go). The served API and
 * the simulator's kubectl answer from one implementation (src/lib/engine/shell/api/read.ts).
 */
import type { ParityCase } from './run-case.ts';

const RAW = [
  'kubectl get --raw /healthz',
  'kubectl get --raw /livez',
  'kubectl get --raw /readyz',
  "kubectl get --raw '/healthz?verbose'",
  "kubectl get --raw '/livez?verbose'",
  "kubectl get --raw '/readyz?verbose'",
  'kubectl get --raw /readyz/etcd',
  'kubectl get --raw /livez/ping',
  'kubectl get --raw /livez/nope',
  'kubectl get --raw /version',
  'kubectl get --raw /api',
  'kubectl get --raw /apis',
  'kubectl get --raw /api/v1/namespaces/default/services/kubernetes',
  'kubectl get --raw /api/v1/namespaces/default/pods',
  'kubectl get --raw /api/v1/nodes/cp-1',
  'kubectl get --raw /api/v1/namespaces/default/pods/nope',
  'kubectl get --raw /nope',
  'kubectl get pods --raw /healthz',
  'kubectl get --raw /healthz -o json',
  'kubectl get --raw healthz',
  'kubectl get --raw /healthz -w',
  'kubectl get --raw /healthz -l app=web',
];

const COMPONENTS = [
  'kubectl get componentstatuses',
  'kubectl get cs',
  'kubectl get cs scheduler',
  'kubectl get cs nope',
  'kubectl get cs -o yaml',
  'kubectl get --raw /api/v1/componentstatuses',
  'kubectl get --raw /api/v1/componentstatuses/etcd-0',
  'kubectl get --raw /api/v1/componentstatuses/nope',
  'mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/',
  'kubectl get cs',
  'kubectl get cs scheduler -o json',
  'mv /etc/kubernetes/manifests/kube-controller-manager.yaml /tmp/',
  'kubectl get componentstatuses',
];

/** The raw-GET and componentstatuses corpus, as two cases. */
export const RAW_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/get-raw', source: 'corpus', scenario: 'workers-joined', lines: RAW },
  {
    id: 'corpus/componentstatuses',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: COMPONENTS,
  },
];
