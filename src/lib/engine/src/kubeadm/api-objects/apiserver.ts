/**
 * Objects kube-apiserver itself creates when it starts: the `kubernetes` Service in default
 * (pkg/controlplane/controller/kubernetesservice: first address of --service-cluster-ip-range,
 * port 443 → the apiserver's 6443, labels component=apiserver and provider=kubernetes) and the
 * two system PriorityClasses (pkg/apis/scheduling SystemPriorityClasses; values
 * SystemCriticalPriority = 2000000000 and +1000, descriptions from there).
 */
import { renderManifest, nthAddress, type Placed } from './manifest.ts';

const OBJECTS = `
apiVersion: v1
kind: Service
metadata:
  labels:
    component: apiserver
    provider: kubernetes
  name: kubernetes
  namespace: default
spec:
  clusterIP: {{ .IP }}
  ports:
  - name: https
    port: 443
    protocol: TCP
    targetPort: {{ .Port }}
  sessionAffinity: None
  type: ClusterIP
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: system-cluster-critical
description: Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.
preemptionPolicy: PreemptLowerPriority
value: 2000000000
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: system-node-critical
description: Used for system critical pods that must not be moved from their current node.
preemptionPolicy: PreemptLowerPriority
value: 2000001000
`;

/** The apiserver's own objects for a cluster with this service subnet. */
export function apiserverObjects(serviceSubnet: string, created: string): Placed[] {
  return renderManifest(OBJECTS, { IP: nthAddress(serviceSubnet, 1), Port: '6443' }, created);
}
