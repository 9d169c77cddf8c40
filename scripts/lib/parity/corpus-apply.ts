/**
 * The everyday corpus of `kubectl apply -f` (kubernetes.io/docs/tasks/manage-kubernetes-objects/
 * declarative-config/: create, apply again unchanged, change a field, a field removed from the
 * configuration, `kubectl scale` then apply; reference/kubectl/generated/kubectl_apply/:
 * stdin, directories, --dry-run, -o name; concepts/workloads/controllers/daemonset/).
 */
import type { ParityCase } from './run-case.ts';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80`;

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
  labels:
    k8s-app: fluentd-logging
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: fluentd-elasticsearch
        image: quay.io/fluentd_elasticsearch/fluentd:v5.0.1`;

const APPLY = [
  `cat > deployment.yaml <<'EOF'\n${DEPLOYMENT}\nEOF`,
  'kubectl apply -f deployment.yaml',
  'kubectl apply -f deployment.yaml',
  "kubectl get deployment nginx-deployment -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'",
  'kubectl scale deployment nginx-deployment --replicas=3',
  'kubectl apply -f deployment.yaml',
  "kubectl get deployment nginx-deployment -o jsonpath='{.spec.replicas}'",
  "sed -i 's/nginx:1.14.2/nginx:1.16.1/' deployment.yaml",
  'kubectl apply -f deployment.yaml --dry-run=client',
  'kubectl apply -f deployment.yaml --dry-run=server',
  'kubectl apply -f deployment.yaml -o name',
  "kubectl get deployment nginx-deployment -o jsonpath='{.spec.template.spec.containers[0].image}'",
  `cat > deployment.yaml <<'EOF'\n${DEPLOYMENT.replace('nginx:1.14.2', 'nginx:1.16.1').replace('  labels:\n    app: nginx\n', '')}\nEOF`,
  'kubectl apply -f deployment.yaml',
  "kubectl get deployment nginx-deployment -o jsonpath='{.metadata.labels}'",
  `cat > ds.yaml <<'EOF'\n${DAEMONSET}\nEOF`,
  'kubectl apply -f ds.yaml',
  'kubectl get ds -n kube-system',
  'kubectl apply -f ds.yaml -n default',
  'mkdir -p manifests && cp deployment.yaml ds.yaml manifests/ && echo notes > manifests/README.md',
  'kubectl apply -f manifests/',
  'kubectl apply -f nope.yaml',
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: game-config\ndata:\n  lives: "3"\nEOF`,
  'kubectl create configmap plain --from-literal=a=b',
  `kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: c\nEOF`,
  "kubectl get cm plain -o jsonpath='{.data.a}'",
  `kubectl apply -f - <<'EOF'\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nEOF`,
  'kubectl apply',
];

/** The apply corpus, as one case. */
export const APPLY_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/apply', source: 'corpus', scenario: 'workers-joined', lines: APPLY },
];
