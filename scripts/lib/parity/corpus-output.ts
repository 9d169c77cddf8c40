/**
 * The everyday corpus of output formats off the beaten path: `-o jsonpath|go-template|
 * jsonpath-as-json` and `--template` on the writing verbs (kubernetes.io/docs/reference/kubectl/
 * generated/kubectl_create/ "--output" and the quick reference's "kubectl create … -o
 * jsonpath"), their refused formats, and `-o custom-columns-file` / `-o custom-columns
 * --template` (reference/kubectl/ "Custom columns": "the template file").
 */
import type { ParityCase } from './run-case.ts';

const OUTPUT = [
  "kubectl create deployment web --image=nginx:1.27 -o jsonpath='{.metadata.name}'",
  "kubectl create deployment web2 --image=nginx --dry-run=client -o go-template='{{.spec.replicas}}'",
  "kubectl create configmap c1 --from-literal=a=b --template='{{.data.a}}'",
  "kubectl create namespace team-a -o jsonpath='{.metadata.labels}'",
  "kubectl create namespace team-b -o jsonpath-as-json='{.metadata.name}'",
  'kubectl create namespace team-c -o wide',
  "kubectl create namespace team-d -o 'jsonpath={.a'",
  "kubectl create namespace team-e -o 'go-template={{.a'",
  'kubectl create namespace team-f -o custom-columns=N:.metadata.name',
  "kubectl label node worker-1 disk=ssd -o jsonpath='{.metadata.labels.disk}'",
  'kubectl annotate node worker-1 note=x -o go-template=\'{{index .metadata.annotations "note"}}\'',
  "kubectl scale deployment web --replicas=2 -o jsonpath='{.spec.replicas}'",
  'kubectl scale deployment web --replicas=3 -o custom-columns=N:.metadata.name',
  'kubectl scale deployment web --replicas=4 -o json',
  "kubectl taint node worker-2 dedicated=db:NoSchedule -o jsonpath='{.spec.taints[0].key}'",
  'kubectl patch deployment web -p \'{"spec":{"replicas":1}}\' -o jsonpath=\'{.spec.replicas}\'',
  "printf 'NAME          NODE\\n.metadata.name  {.spec.nodeName}\\n' > cols.txt",
  'kubectl get pods -n kube-system -o custom-columns-file=cols.txt',
  'kubectl get pods -n kube-system -o custom-columns-file=cols.txt --no-headers',
  'kubectl get nodes -o custom-columns-file=missing.txt',
  "echo 'NAME ROLE' > short.txt",
  'kubectl get nodes -o custom-columns-file=short.txt',
  "printf 'A B\\n.metadata.name\\n' > uneven.txt",
  'kubectl get nodes -o custom-columns-file=uneven.txt',
  'kubectl get nodes -o custom-columns --template=NAME:.metadata.name',
  'kubectl get nodes -o custom-columns',
];

/** The output-format corpus, as one case. */
export const OUTPUT_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/output', source: 'corpus', scenario: 'workers-joined', lines: OUTPUT },
];
