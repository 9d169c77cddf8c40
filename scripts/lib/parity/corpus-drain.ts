/**
 * The everyday corpus of draining a node that runs a reader's workloads
 * (kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/: a Deployment's Pods are
 * evicted and recreated elsewhere, a bare Pod needs --force, --timeout; reference/kubectl/
 * generated/kubectl_drain/).
 */
import type { ParityCase } from './run-case.ts';

const DRAIN = [
  'kubectl create deployment web --image=nginx --replicas=3',
  'kubectl run solo --image=nginx',
  'kubectl get pods -o wide',
  'kubectl drain worker-2 --ignore-daemonsets',
  'kubectl get pods -o wide',
  'kubectl drain worker-2 --ignore-daemonsets --force --timeout=60s',
  'kubectl get pods -o wide',
  'kubectl uncordon worker-2',
  'kubectl drain worker-1 --ignore-daemonsets --grace-period=10',
  'kubectl get pods -o wide',
  'kubectl uncordon worker-1',
  `kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cache
spec:
  replicas: 1
  selector:
    matchLabels:
      app: cache
  template:
    metadata:
      labels:
        app: cache
    spec:
      containers:
      - name: redis
        image: redis
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        emptyDir: {}
EOF`,
  `kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox
EOF`,
  'kubectl get pods -o wide',
  // (worker-1 would be refused for two reasons, whose order kubectl takes from a Go map.)
  'kubectl drain worker-2',
  'kubectl drain worker-1 --ignore-daemonsets',
  'kubectl drain worker-2 --ignore-daemonsets',
  'kubectl drain worker-2 --ignore-daemonsets --delete-emptydir-data',
  'kubectl get pods -o wide',
];

/** The drain corpus, as one case. */
export const DRAIN_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/drain-workloads', source: 'corpus', scenario: 'workers-joined', lines: DRAIN },
];
