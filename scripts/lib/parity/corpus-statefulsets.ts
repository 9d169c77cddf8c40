/**
 * The everyday corpus of StatefulSets (kubernetes.io/docs/concepts/workloads/controllers/
 * statefulset/: the nginx `web` example with its headless Service and volumeClaimTemplates;
 * tutorials/stateful-application/basic-stateful-set/): on a kubeadm cluster, which has no
 * default StorageClass, the claim www-web-0 stays Pending, web-0 stays Pending with the
 * scheduler's unbound-claim message and web-1 is never created; without claims the Pods come up
 * in order, `rollout status` reports the partitioned roll out, a deleted Pod comes back under its
 * own name once the old one is gone (src/controllers/statefulsets.ts).
 */
import type { ParityCase } from './run-case.ts';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx`;

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: "nginx"
  replicas: 3
  template:
    metadata:
      labels:
        app: nginx
    spec:
      terminationGracePeriodSeconds: 10
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi`;

/** Without claims: the same set, its Pods able to run. */
const PLAIN = STATEFULSET.replace(/\n {8}volumeMounts:[\s\S]*$/, '');

const CLAIMED = [
  `cat > web.yaml <<'EOF'\n${SERVICE}\n---\n${STATEFULSET}\nEOF`,
  'kubectl apply -f web.yaml',
  'kubectl get sts',
  'kubectl get sts web -o wide',
  'kubectl get pods -o wide',
  'kubectl get pvc',
  'kubectl get pvc -o wide',
  'kubectl get svc nginx',
  'kubectl get controllerrevisions',
  'kubectl describe pod web-0',
  'kubectl describe pvc www-web-0',
  "kubectl get sts web -o jsonpath='{.status}'",
  'kubectl get sts web -o yaml',
  'kubectl get pvc www-web-0 -o yaml',
  'kubectl rollout status sts/web --timeout=1s',
];

const RUNNING = [
  `cat > web.yaml <<'EOF'\n${PLAIN}\nEOF`,
  'kubectl apply -f web.yaml',
  'kubectl get sts web',
  'kubectl get pods -l app=nginx -o wide',
  'kubectl get pods -l app=nginx --show-labels',
  'kubectl rollout status sts/web',
  'kubectl get sts web -o yaml',
  'kubectl describe sts web',
  'kubectl delete pod web-1',
  'kubectl get pods -l app=nginx',
  'kubectl scale sts web --replicas=5',
  'kubectl get pods -l app=nginx',
  'kubectl get sts',
  'kubectl get controllerrevisions -o wide',
];

/** The StatefulSet corpus, as two cases. */
export const STATEFULSET_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/statefulset-claims', source: 'corpus', scenario: 'workers-joined', lines: CLAIMED },
  {
    id: 'corpus/statefulset-running',
    source: 'corpus',
    scenario: 'workers-joined',
    lines: RUNNING,
  },
];
