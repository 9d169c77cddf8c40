/**
 * The everyday corpus of workloads (kubernetes.io/docs/reference/kubectl/generated/
 * kubectl_create/kubectl_create_deployment/, kubectl_run/, kubectl_scale/, kubectl_rollout/;
 * concepts/workloads/controllers/deployment/ for the create → scale → restart → undo path).
 * `rollout restart` is left out: kubectl stamps the template with its own clock, so the two sides
 * get different pod-template-hashes.
 */
import type { ParityCase } from './run-case.ts';

const DEPLOYMENTS = [
  'kubectl create deployment web --image=nginx:1.27 --replicas=3',
  'kubectl get deployments',
  'kubectl get deploy web -o wide',
  'kubectl rollout status deployment/web',
  'kubectl wait --for=condition=Available deployment/web',
  'kubectl wait --for=condition=Ready pod -l app=web',
  "kubectl wait --for=jsonpath='{.status.phase}'=Running pod -l app=web",
  'kubectl wait --for=condition=Available deploy/nope',
  'kubectl wait --for=foo deploy/web',
  'kubectl wait --for=condition=Ready pod -l app=none --timeout=1s',
  'kubectl wait --for=condition=Progressing=False deploy/web --timeout=1s',
  'kubectl get rs',
  'kubectl get pods -l app=web -o name',
  'kubectl get deploy web -o yaml',
  'kubectl create deployment web --image=nginx',
  'kubectl create deployment api --image=registry.k8s.io/echoserver:1.10 --port=8080 --dry-run=client -o yaml',
  'kubectl create deployment multi --image=nginx --image=busybox --dry-run=client -o json',
  'kubectl scale deployment web --replicas=5',
  'kubectl get deploy web',
  'kubectl scale deploy/web --replicas=2',
  'kubectl get pods -l app=web -o name',
  'kubectl scale deployment web --replicas=2 --dry-run=client',
  'kubectl scale deployment nope --replicas=2',
  'kubectl scale deployment web --replicas=-1',
  `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`,
  'kubectl get rs',
  'kubectl rollout history deployment/web',
  'kubectl rollout undo deployment/web',
  'kubectl rollout history deployment web',
  'kubectl get rs -o wide',
  'kubectl expose deployment web --port=80',
  'kubectl get svc web -o wide',
  'kubectl get svc web -o yaml',
  'kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort --name=web-np',
  "kubectl get svc web-np -o jsonpath='{.spec.ports[0].targetPort}'",
  'kubectl expose deployment web --port=80',
  'kubectl expose deployment nope --port=80',
  'kubectl expose deployment web --port=443 --name=dry --dry-run=client -o yaml',
  'kubectl label deployment web tier=frontend',
  'kubectl get deploy -l tier=frontend',
  'kubectl delete deployment web',
  'kubectl wait --for=delete deployment/web',
  'kubectl get deploy,rs',
  'kubectl delete deployment web',
];

const PODS = [
  'kubectl run web --image=nginx',
  'kubectl get pod web -o wide',
  'kubectl get pods --show-labels',
  'kubectl run web --image=nginx',
  'kubectl run sleeper --image=busybox --restart=Never --labels=app=sleep,tier=batch -- sleep 3600',
  'kubectl get pod sleeper -o jsonpath={.spec.containers[0].args}',
  'kubectl run job1 --image=busybox --command --dry-run=client -o yaml -- echo hi',
  'kubectl run --image=nginx',
  'kubectl run x --image=nginx --restart=Foo',
  'kubectl cordon worker-1',
  'kubectl cordon worker-2',
  'kubectl run pending --image=nginx',
  'kubectl get pod pending',
  "kubectl get pod pending -o jsonpath='{.status.conditions[0].message}'",
  'kubectl uncordon worker-2',
  'kubectl get pod pending -o wide',
  'kubectl taint nodes worker-2 dedicated=gpu:NoSchedule',
  'kubectl run tainted --image=nginx',
  "kubectl get pod tainted -o jsonpath='{.status.conditions[0].message}'",
  'kubectl taint nodes --all node-role.kubernetes.io/control-plane-',
  'kubectl get pod tainted -o wide',
  'kubectl delete pod tainted',
  'kubectl get pods',
];

/**
 * The cluster's own workloads under their controllers: scaling CoreDNS, deleting a CoreDNS Pod
 * (a replacement under a new name), a kube-proxy Pod (a new one on the same node) and a mirror
 * Pod (back under the same name). Names are the workers-joined scenario's.
 */
const SYSTEM = [
  'kubectl -n kube-system scale deployment coredns --replicas=3',
  'kubectl -n kube-system get deploy coredns',
  'kubectl -n kube-system get rs',
  'kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide',
  'kubectl -n kube-system delete pod coredns-s2hzq29j2g-lpjgz',
  'kubectl -n kube-system get pods -l k8s-app=kube-dns -o wide',
  'kubectl -n kube-system scale deployment coredns --replicas=2',
  'kubectl -n kube-system get pods -l k8s-app=kube-dns',
  'kubectl -n kube-system delete pod kube-proxy-8fc6k',
  'kubectl -n kube-system get pods -l k8s-app=kube-proxy -o wide',
  'kubectl -n kube-system get ds kube-proxy',
  // --wait=false: the mirror Pod is deleted and recreated in one step here, so a waiting real
  // kubectl (a watch from after the deletion) would never see it go.
  'kubectl -n kube-system delete pod etcd-cp-1 --wait=false',
  'kubectl -n kube-system get pod etcd-cp-1',
];

/**
 * Endpoints and EndpointSlices of a reader's Service (concepts/services-networking/service/,
 * endpoint-slices/): the ready Pods' IPs with the resolved targetPort, following a scale.
 */
const ENDPOINTS = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl expose deployment web --port=80 --target-port=8080',
  'kubectl get endpoints',
  'kubectl get endpoints web -o yaml',
  'kubectl get endpointslices',
  'kubectl get endpointslices -l kubernetes.io/service-name=web -o yaml',
  'kubectl describe endpoints web',
  'kubectl describe svc web',
  'kubectl describe svc kubernetes',
  'kubectl -n kube-system describe service kube-dns',
  'kubectl describe svc nope',
  'kubectl scale deployment web --replicas=3',
  'kubectl get ep web',
  'kubectl get endpointslices -o wide',
  'kubectl expose deployment web --port=80 --selector=app=nothing --name=lonely',
  'kubectl get ep lonely -o yaml',
  'kubectl get endpointslices -l kubernetes.io/service-name=lonely',
  'kubectl delete service web',
  'kubectl get ep',
];

/**
 * Pausing a rollout (concepts/workloads/controllers/deployment/#pausing-and-resuming-a-rollout-of-a-deployment):
 * a template change waits, scaling still applies, restart and undo are refused, resume rolls.
 */
const PAUSE = [
  'kubectl create deployment web --image=nginx:1.27 --replicas=2',
  'kubectl rollout pause deployment web',
  'kubectl rollout pause deployment/web',
  `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`,
  'kubectl get rs',
  'kubectl scale deployment web --replicas=3',
  'kubectl get rs',
  'kubectl rollout restart deployment web',
  'kubectl rollout undo deployment web',
  `kubectl get deploy web -o jsonpath='{.status.conditions[?(@.type=="Progressing")].reason}'`,
  'kubectl rollout resume deployment web',
  'kubectl rollout resume deployment web',
  'kubectl get rs',
  'kubectl rollout pause deployment web',
  'kubectl rollout undo deployment web',
  'kubectl rollout resume deployment web',
  'kubectl rollout history deployment web',
  'kubectl rollout pause deployment web -o name',
  'kubectl -n kube-system rollout pause daemonset kube-proxy',
  'kubectl rollout pause deployment nope',
  'kubectl rollout pause',
];

/**
 * Events the controllers record (tasks/debug/debug-application/debug-running-pod/, kubectl
 * events reference): scaling, Pods created and deleted, scheduling, a DaemonSet replacing a Pod.
 */
const EVENTS = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl scale deployment web --replicas=1',
  'kubectl get events --field-selector involvedObject.kind=Deployment',
  'kubectl get events --field-selector reason=SuccessfulDelete',
  'kubectl get events --field-selector involvedObject.kind=Deployment -o yaml',
  'kubectl events --for deployment/web',
  'kubectl -n kube-system scale deployment coredns --replicas=3',
  'kubectl -n kube-system get events --field-selector reason=ScalingReplicaSet',
  'kubectl -n kube-system delete pod kube-proxy-8fc6k',
  'kubectl -n kube-system get events --field-selector involvedObject.kind=DaemonSet',
];

/** The workload corpus, as cases. */
/**
 * A rolling update that cannot finish (concepts/workloads/controllers/deployment/ "Deployment
 * status", "Failed Deployment"): the new Pods cannot be scheduled, so the Deployment controller
 * keeps the old ones within maxSurge/maxUnavailable; the rollout completes once a node opens.
 */
const STUCK_ROLLOUT = [
  'kubectl create deployment web --image=nginx:1.14.2 --replicas=4',
  'kubectl cordon worker-1 worker-2',
  'kubectl set image deployment/web nginx=nginx:1.16.1',
  'kubectl get rs',
  'kubectl get deploy web',
  'kubectl rollout status deployment/web --timeout=1s',
  "kubectl get deploy web -o jsonpath='{.status.conditions[*].reason}'",
  'kubectl get pods --field-selector=status.phase=Pending -o name',
  'kubectl uncordon worker-1',
  'kubectl rollout status deployment/web',
  'kubectl get rs',
  "kubectl get deploy web -o jsonpath='{.status.updatedReplicas} {.status.availableReplicas}'",
  'kubectl uncordon worker-1 nope worker-2',
  'kubectl uncordon -l kubernetes.io/hostname=worker-2',
  'kubectl cordon -l nope=x',
  'kubectl uncordon worker-1 worker-2',
];

export const WORKLOAD_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/deployments', source: 'corpus', scenario: 'workers-joined', lines: DEPLOYMENTS },
  { id: 'corpus/pods', source: 'corpus', scenario: 'workers-joined', lines: PODS },
  { id: 'corpus/system-workloads', source: 'corpus', scenario: 'workers-joined', lines: SYSTEM },
  { id: 'corpus/endpoints', source: 'corpus', scenario: 'workers-joined', lines: ENDPOINTS },
  { id: 'corpus/rollout-pause', source: 'corpus', scenario: 'workers-joined', lines: PAUSE },
  { id: 'corpus/controller-events', source: 'corpus', scenario: 'workers-joined', lines: EVENTS },
  {
    id: 'corpus/stuck-rollout',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: STUCK_ROLLOUT,
  },
];
