/**
 * The Pod a reader creates, as the API server stores it: what `kubectl run` and `kubectl apply`
 * send, with the API's defaults (pkg/apis/core/v1/defaults.go) and the default admission
 * plugins' additions (ServiceAccount, DefaultTolerationSeconds, Priority), then the kubelet's
 * Events for starting it (kubernetes.io/docs/reference/kubectl/generated/kubectl_run/,
 * tasks/debug/debug-application/debug-running-pod/ "kubectl describe pod", "kubectl get events").
 */
import type { ParityCase } from './run-case.ts';

const PODS = [
  'kubectl run nginx --image=nginx',
  'kubectl get pod nginx -o yaml',
  'kubectl get pod nginx -o json',
  "kubectl get pod nginx -o jsonpath='{.spec.volumes[0].projected.sources[0]}'",
  'kubectl describe pod nginx',
  'kubectl get events',
  'kubectl get events --field-selector involvedObject.name=nginx',
  'kubectl run web --image=nginx:1.27 --port=80',
  'kubectl get pod web -o yaml',
  'kubectl describe pod web',
  'kubectl get events -o wide',
];

/** The cluster's own Pods: made from their workload's template, admitted the same way. */
const SYSTEM_PODS = [
  'kubectl -n kube-system get pods -l k8s-app=kube-proxy -o yaml',
  'kubectl -n kube-system get pods -l k8s-app=kube-dns -o json',
  'kubectl -n kube-system describe pods -l k8s-app=kube-dns',
  'kubectl -n kube-system get pod kube-apiserver-cp-1 -o yaml',
  'kubectl -n kube-system get events',
  'kubectl -n kube-flannel get pods -o yaml',
  'kubectl -n kube-flannel describe pods',
  'kubectl get events -A -o wide',
];

const manifest = (name: string, spec: string): string =>
  `cat > ${name}.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\nEOF`;

/** Pods the admission plugins refuse, then admit (plugin/pkg/admission/serviceaccount, priority). */
const REFUSED = [
  manifest('robot', '  serviceAccountName: build-robot'),
  'kubectl apply -f robot.yaml',
  'kubectl create -f robot.yaml',
  'kubectl create serviceaccount build-robot',
  'kubectl apply -f robot.yaml',
  'kubectl get pod robot -o yaml',
  manifest('urgent', '  priorityClassName: urgent'),
  'kubectl create -f urgent.yaml',
  manifest('sneaky', '  priority: 1000'),
  'kubectl apply -f sneaky.yaml',
  manifest('critical', '  priorityClassName: system-node-critical'),
  'kubectl apply -f critical.yaml',
  'kubectl get pod critical -o yaml',
  'kubectl create deployment web --image=nginx:1.27 --replicas=2',
  `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"serviceAccountName":"deployer"}}}}'`,
  'kubectl get rs',
  'kubectl get events --field-selector reason=FailedCreate',
  'kubectl create serviceaccount deployer',
  "kubectl get pods -l app=web -o jsonpath='{.items[*].spec.serviceAccountName}'",
];

/** The Pod-create corpus and the cluster's own Pods, as two cases. */
export const POD_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/pods', source: 'corpus', scenario: 'workers-joined', lines: PODS },
  { id: 'corpus/system-pods', source: 'corpus', scenario: 'workers-joined', lines: SYSTEM_PODS },
  { id: 'corpus/pod-admission', source: 'corpus', scenario: 'workers-joined', lines: REFUSED },
];
