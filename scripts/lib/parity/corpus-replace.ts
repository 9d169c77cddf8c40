/**
 * The everyday corpus of `kubectl replace` and the commands the simulator answers with a notice
 * (kubernetes.io/docs/reference/kubectl/generated/kubectl_replace/: replace -f, from stdin, a
 * missing object, --force; tasks/manage-kubernetes-objects/imperative-config/).
 */
import type { ParityCase } from './run-case.ts';

const CM = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    tier: web\ndata:\n  mode: ${value}`;

const REPLACE = [
  'kubectl create configmap settings --from-literal=mode=a',
  `cat > settings.yaml <<'EOF'\n${CM('b')}\nEOF`,
  'kubectl replace -f settings.yaml',
  "kubectl get cm settings -o jsonpath='{.data.mode} {.metadata.labels}'",
  `kubectl replace -f - <<'EOF'\n${CM('c')}\nEOF`,
  "kubectl get cm settings -o jsonpath='{.data.mode}'",
  'kubectl replace -f settings.yaml -o name',
  'kubectl replace -f settings.yaml --dry-run=client',
  'kubectl replace',
  'kubectl replace -f nope.yaml',
  "sed -i 's/name: settings/name: other/' settings.yaml",
  'kubectl replace -f settings.yaml',
  "sed -i 's/name: other/name: settings/' settings.yaml",
  'kubectl replace --force -f settings.yaml',
  "kubectl get cm settings -o jsonpath='{.data.mode}'",
  'kubectl get nodes --show-kind',
  'kubectl get pods -n kube-system -l component=etcd --show-kind',
];

/** The replace corpus, as one case. */
export const REPLACE_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/replace', source: 'corpus', scenario: 'workers-joined', lines: REPLACE },
];
