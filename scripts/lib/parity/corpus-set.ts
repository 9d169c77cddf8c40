/**
 * The everyday corpus of `kubectl set image` (kubernetes.io/docs/reference/kubectl/generated/
 * kubectl_set/kubectl_set_image/ examples; concepts/workloads/controllers/deployment/
 * "Updating a Deployment": set image, rollout status, get rs, rollout history).
 */
import type { ParityCase } from './run-case.ts';

const SET_IMAGE = [
  'kubectl create deployment nginx-deployment --image=nginx:1.14.2 --replicas=3',
  'kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1',
  'kubectl rollout status deployment/nginx-deployment',
  'kubectl get rs',
  'kubectl rollout history deployment/nginx-deployment',
  'kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1',
  'kubectl set image deployment/nginx-deployment nginx=nginx:1.161',
  'kubectl set image deployment/nginx-deployment nope=busybox',
  'kubectl set image deployment nginx-deployment nginx=nginx:1.17 --dry-run=client',
  'kubectl set image deployments -l app=nginx-deployment nginx=nginx:1.17 -o name',
  'kubectl get deploy nginx-deployment -o jsonpath={.spec.template.spec.containers[0].image}',
  'kubectl set image deployment/nginx-deployment',
  'kubectl set image nginx=nginx:1.18',
  'kubectl set image deployment/nope nginx=nginx:1.18',
  'kubectl run web --image=nginx:1.27',
  'kubectl set image pod/web web=nginx:1.28',
  'kubectl get pod web -o jsonpath={.spec.containers[0].image}',
];

/**
 * `kubectl set resources` (kubectl_set_resources examples; tasks/configure-pod-container/
 * assign-cpu-resource/ "Specify a CPU request that is too big for your Nodes": the Pod stays
 * Pending with FailedScheduling "Insufficient cpu") and what the scheduler then does.
 */
const SET_RESOURCES = [
  'kubectl create deployment nginx --image=nginx --replicas=3',
  'kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi',
  'kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi',
  'kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi',
  'kubectl get deploy nginx -o jsonpath={.spec.template.spec.containers[0].resources}',
  'kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0 -o yaml --dry-run=client',
  'kubectl set resources deployment nginx --requests=cpu=1.5,memory=1.5Gi -o name',
  'kubectl set resources deployment nginx --limits=cpu=1x',
  'kubectl set resources deployment nginx --limits=cpu',
  'kubectl set resources deployment nginx -c side --limits=cpu=1',
  'kubectl set resources deployment nginx',
  'kubectl set resources deployment nope --limits=cpu=1',
  'kubectl run cpu-demo --image=nginx --restart=Never',
  'kubectl set resources pod cpu-demo --requests=cpu=100',
  'kubectl create deployment big --image=nginx --replicas=2',
  'kubectl set resources deployment big --requests=cpu=1500m',
  'kubectl get pods -l app=big -o jsonpath=\'{range .items[*]}{.status.phase} {.status.qosClass}{"\\n"}{end}\'',
  "kubectl get events --field-selector reason=FailedScheduling -o jsonpath='{.items[*].message}'",
];

/** The set-image corpus, as one case. */
export const SET_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/set-image', source: 'corpus', scenario: 'workers-joined', lines: SET_IMAGE },
  {
    id: 'corpus/set-resources',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: SET_RESOURCES,
  },
];
