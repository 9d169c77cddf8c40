/**
 * The everyday corpus of draining a node under PodDisruptionBudgets
 * (kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/: "the eviction API will
 * refuse … if doing so would violate the budget"; tasks/run-application/configure-pdb/): a
 * budget that allows no disruption makes kubectl drain retry every 5 s until --timeout (kept
 * short: the judge sleeps those 5 s in real time), one that allows one lets the eviction through,
 * two budgets over one Pod are an error, --disable-eviction bypasses budgets, the dry runs, and
 * `kubectl describe pdb` after the evictions.
 * Each drain evicts its Pods one by one through the served eviction subresource
 * (src/lib/engine/cli/api/eviction.ts).
 */
import type { ParityCase } from './run-case.ts';

const BLOCKED = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl create pdb web-pdb --selector=app=web --min-available=2',
  'kubectl get pods -o wide',
  'kubectl get pdb',
  'kubectl drain worker-1 --ignore-daemonsets --timeout=6s',
  'kubectl get pdb',
  'kubectl get pdb web-pdb -o yaml',
  'kubectl get pods -o wide',
  'kubectl get nodes',
  'kubectl drain worker-1 --ignore-daemonsets --dry-run=client',
  'kubectl drain worker-1 --ignore-daemonsets --dry-run=server --timeout=2s',
  'kubectl drain worker-1 --ignore-daemonsets --disable-eviction --dry-run=server --timeout=2s',
  'kubectl drain worker-1 --ignore-daemonsets --disable-eviction',
  'kubectl get pods -o wide',
  'kubectl get pdb',
];

const ALLOWED = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl create pdb web-max --selector=app=web --max-unavailable=1',
  'kubectl get pdb',
  'kubectl drain worker-1 --ignore-daemonsets --dry-run=server',
  'kubectl get pods -o wide',
  'kubectl drain worker-1 --ignore-daemonsets --timeout=12s',
  'kubectl get pdb',
  'kubectl get pdb web-max -o yaml',
  'kubectl describe pdb web-max',
  'kubectl get pods -o wide',
  'kubectl uncordon worker-1',
  'kubectl create pdb web-min --selector=app=web --min-available=1',
  'kubectl drain worker-2 --ignore-daemonsets --timeout=12s',
  'kubectl delete pdb web-min',
  'kubectl drain worker-2 --ignore-daemonsets --timeout=12s',
  'kubectl get pods -o wide',
  "kubectl get pdb web-max -o jsonpath='{.status.disruptionsAllowed} {.status.currentHealthy}'",
  'kubectl create pdb dns --selector=k8s-app=kube-dns --max-unavailable=1 -n kube-system',
  'kubectl get pdb -n kube-system',
  'kubectl drain cp-1 --ignore-daemonsets --timeout=12s',
  'kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide',
  'kubectl get pdb -A',
  'kubectl describe pdb -n kube-system dns',
  'kubectl drain worker-2 --timeout=bogus',
  'kubectl drain worker-2 --dry-run=bogus',
];

/**
 * Several nodes in one drain (drain.go RunDrain: all cordoned first, then drained one by one, a
 * failed node reported and the next still drained), grace-period values as pflag parses them.
 */
const SEVERAL = [
  'kubectl create deployment web --image=nginx --replicas=2',
  'kubectl drain worker-1 worker-2',
  'kubectl get nodes',
  'kubectl drain worker-1 worker-2 --ignore-daemonsets --grace-period=0x1e --timeout=12s',
  // With AGE: an evicted Pod terminates the same way on both sides (workloads/pod-deletion.ts),
  // and the served clock moves to the moment its kubelet deletes it, as the simulator's does.
  'kubectl get pods -o wide',
  'kubectl uncordon worker-1 worker-2',
  'kubectl drain worker-1 nope --ignore-daemonsets',
  'kubectl get nodes',
  'kubectl drain worker-1 --grace-period=abc',
  'kubectl drain worker-1 --grace-period=1.5',
  'kubectl drain worker-1 --grace-period=08',
  'kubectl drain worker-1 --grace-period=9223372036854775808',
  'kubectl scale deployment web --replicas=1_0',
  'kubectl scale deployment web --replicas=0x',
  'kubectl create deployment big --image=nginx --replicas=2147483648',
  'kubectl logs deployment/web --tail=1e3',
  'kubectl delete pod x --grace-period=abc',
  'kubectl create service nodeport x --tcp=80 --node-port=abc',
];

/** The drain-under-budgets corpus, as three cases. */
export const DRAIN_PDB_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/drain-several', source: 'corpus', scenario: 'workers-joined', lines: SEVERAL },
  { id: 'corpus/drain-pdb-blocked', source: 'corpus', scenario: 'workers-joined', lines: BLOCKED },
  { id: 'corpus/drain-pdb-allowed', source: 'corpus', scenario: 'workers-joined', lines: ALLOWED },
];
