/**
 * The everyday corpus of PodDisruptionBudgets (kubernetes.io/docs/tasks/run-application/
 * configure-pdb/: create, get, describe-free checks of the status the disruption controller
 * keeps; reference/kubectl/generated/kubectl_create/kubectl_create_poddisruptionbudget/).
 */
import type { ParityCase } from './run-case.ts';

const PDB = [
  'kubectl create deployment web --image=nginx --replicas=3',
  'kubectl create pdb web-pdb --selector=app=web --min-available=2',
  'kubectl create poddisruptionbudget web-max --selector=app=web --max-unavailable=1',
  'kubectl create pdb web-pct --selector=app=web --min-available=50%',
  'kubectl create pdb dns --selector=k8s-app=kube-dns --max-unavailable=1 -n kube-system',
  'kubectl get pdb',
  'kubectl get pdb -A',
  'kubectl get pdb web-pdb -o yaml',
  "kubectl get pdb web-pct -o jsonpath='{.status}'",
  'kubectl create pdb x --selector=app=web --min-available=1 --dry-run=client -o yaml',
  "kubectl create pdb y --selector='app in (web,api)' --max-unavailable=30% --dry-run=client -o json",
  'kubectl create pdb bad',
  'kubectl create pdb bad --selector=app=web',
  'kubectl create pdb bad --selector=app=web --min-available=1 --max-unavailable=1',
  'kubectl create pdb bad --selector=app=web --min-available=1Gi',
  "kubectl create pdb bad --selector='app!=web' --min-available=1",
  'kubectl create pdb web-pdb --selector=app=web --min-available=2',
  'kubectl scale deployment web --replicas=1',
  'kubectl get pdb',
];

/** The PDB corpus, as one case. */
export const PDB_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/pdb', source: 'corpus', scenario: 'workers-joined', lines: PDB },
];
