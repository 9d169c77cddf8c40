/**
 * The everyday corpus of `kubectl create` generators (kubernetes.io/docs/reference/kubectl/
 * generated/kubectl_create/ and its subcommand pages; tasks/configure-pod-container/
 * configure-pod-configmap/, access-authn-authz/rbac/ for the RBAC examples): each object
 * created, read back, created again (AlreadyExists), dry runs with -o, and bad arguments.
 * `--from-file`, `--cert`/`--key` are left to the unit tests: they read files of the simulated
 * machine, which the judge does not have.
 */
import type { ParityCase } from './run-case.ts';

const CREATES = [
  'kubectl create configmap app-config --from-literal=mode=prod --from-literal=replicas=3',
  'kubectl get configmap app-config -o yaml',
  'kubectl get cm',
  'kubectl create configmap app-config --from-literal=mode=dev',
  'kubectl create configmap game --from-literal=lives=3 -n kube-public -o yaml',
  'kubectl create configmap empty',
  'kubectl create configmap x --from-literal=a=1 --dry-run=client -o yaml',
  'kubectl create configmap x --from-literal=a=1 --dry-run=client -o json',
  'kubectl create configmap x --from-literal=a=1 --dry-run=server',
  'kubectl create configmap x --from-literal=a',
  'kubectl create configmap x --from-literal=a=1 --from-literal=a=2',
  'kubectl create configmap a b',
  'kubectl create configmap',
  'kubectl create configmap x -n nope',
  'kubectl create secret generic db-pass --from-literal=password=s3cr3t',
  'kubectl get secret db-pass -o jsonpath={.data.password}',
  'kubectl get secrets',
  'kubectl create secret generic db-pass --from-literal=password=x',
  'kubectl create secret generic typed --type=example.com/token --from-literal=t=1 -o name',
  'kubectl get secret typed -o jsonpath={.type}',
  'kubectl create secret generic s --dry-run=client -o yaml',
  'kubectl create secret',
  'kubectl create secret tls t',
  'kubectl create serviceaccount bot',
  'kubectl create sa bot',
  'kubectl get serviceaccounts',
  'kubectl create sa robot -n kube-system -o yaml',
  'kubectl create sa x --from-literal=a=b',
  'kubectl create token bot',
  'kubectl create token bot --duration=2h',
  'kubectl create token nope',
  'kubectl create token',
  'kubectl create token bot --duration=abc',
  'kubectl create role pod-reader --verb=get,list,watch --resource=pods',
  'kubectl get role pod-reader -o yaml',
  'kubectl create role pod-reader --verb=get --resource=pods',
  'kubectl create role deploy-admin --verb=' *
    ' --resource=deployments.apps,replicasets.apps,pods/log --resource-name=web',
  'kubectl get roles',
  'kubectl create role r --verb=foo --resource=pods --dry-run=client -o yaml',
  'kubectl create role r --verb=get',
  'kubectl create role r --resource=pods',
  'kubectl create role r --verb=get --resource=foos',
  'kubectl create clusterrole node-reader --verb=get,list --resource=nodes',
  'kubectl create clusterrole healthz --verb=get --non-resource-url=/healthz,/livez',
  'kubectl get clusterrole node-reader -o yaml',
  'kubectl create clusterrole node-reader --verb=get --resource=nodes',
  'kubectl create rolebinding read-pods --role=pod-reader --user=jane --group=devs --serviceaccount=default:bot',
  'kubectl get rolebinding read-pods -o wide',
  'kubectl get rolebinding read-pods -o yaml',
  'kubectl create rolebinding read-pods --role=pod-reader --user=jane',
  'kubectl create rolebinding view-all --clusterrole=view --user=ann -n kube-public',
  'kubectl create rolebinding rb',
  'kubectl create rolebinding rb --role=r --clusterrole=c',
  'kubectl create rolebinding rb --role=r --serviceaccount=bot',
  'kubectl create clusterrolebinding read-nodes --clusterrole=node-reader --user=jane',
  'kubectl get clusterrolebinding read-nodes -o wide',
  'kubectl create clusterrolebinding read-nodes --clusterrole=node-reader --user=jane',
  'kubectl create clusterrolebinding x --clusterrole=view --group=g --dry-run=client -o json',
  'kubectl create namespace team-a',
  'kubectl create ns team-a',
  'kubectl create ns team-b -o name',
  'kubectl create ns team-c --dry-run=client -o yaml',
  'kubectl get ns',
  'kubectl create configmap in-team --from-literal=a=b -n team-a',
  'kubectl get cm -n team-a',
  'kubectl create foo x',
  'kubectl create',
  'kubectl edit',
  'kubectl edit node nope',
];

/** The create corpus, as cases. */
export const CREATE_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/create', source: 'corpus', scenario: 'workers-joined', lines: CREATES },
];
