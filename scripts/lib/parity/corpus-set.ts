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

/** The set-image corpus, as one case. */
export const SET_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/set-image', source: 'corpus', scenario: 'workers-joined', lines: SET_IMAGE },
];
