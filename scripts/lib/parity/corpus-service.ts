/**
 * The everyday corpus of `kubectl create service` (kubernetes.io/docs/reference/kubectl/
 * generated/kubectl_create/kubectl_create_service_clusterip/, _nodeport/, _loadbalancer/,
 * _externalname/ examples), the Services it makes and its errors.
 */
import type { ParityCase } from './run-case.ts';

const SERVICES = [
  'kubectl create service clusterip my-cs --tcp=5678:8080',
  'kubectl create service clusterip my-hl --clusterip="None"',
  'kubectl create service nodeport my-ns --tcp=5678:8080',
  'kubectl create service loadbalancer my-lbs --tcp=5678:8080',
  'kubectl create service externalname my-en --external-name bar.com',
  'kubectl get services',
  'kubectl get svc -o wide',
  'kubectl get svc my-cs -o yaml',
  'kubectl get svc my-en -o json',
  'kubectl create svc clusterip multi --tcp=80,443:8443 --dry-run=client -o yaml',
  'kubectl create service clusterip my-cs --tcp=5678:8080',
  'kubectl create service clusterip none',
  'kubectl create service nodeport np --clusterip=None --tcp=80',
  'kubectl create service clusterip bad --tcp=abc',
  'kubectl create service clusterip bad --tcp=80:0',
  'kubectl create service clusterip bad --tcp=80:Web_Port',
  'kubectl create service externalname en2',
  'kubectl create service externalname en3 --external-name Bad_Name',
  'kubectl create service nodeport np2 --tcp=80 --node-port=30080',
  'kubectl get svc np2',
  'kubectl create service',
  'kubectl create service foo x',
  'kubectl create secret foo x',
];

/** The create-service corpus, as one case. */
export const SERVICE_CORPUS: readonly ParityCase[] = [
  { id: 'corpus/create-service', source: 'corpus', scenario: 'workers-joined', lines: SERVICES },
];
