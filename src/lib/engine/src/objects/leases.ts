/**
 * Leases, derived from who is alive: each node's kubelet heartbeat Lease in kube-node-lease
 * (pkg/kubelet/nodelease: holder = node name, leaseDurationSeconds 40, owned by the Node,
 * renewTime = the last heartbeat, controllers/node-lifecycle.ts) and the leader-election Leases
 * of kube-controller-manager and kube-scheduler in kube-system (client-go leaderelection:
 * holder `<hostname>_<uuid>`, leaseDurationSeconds 15), held by the first control-plane node.
 */
import { controlPlaneNodes, nodeList, nodeUid } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import type { ApiObject } from '../store/types.ts';
import { formatRfc3339 } from '../clock.ts';
import { lastHeartbeat } from '../controllers/node-lifecycle.ts';
import { meta, uid } from './legacy-meta.ts';

/** MicroTime as the API serializes it (RFC 3339 with microseconds). */
function microTime(ms: number): string {
  return formatRfc3339(ms).replace(/Z$/, `.${String((ms % 1000) * 1000).padStart(6, '0')}Z`);
}

function nodeLeases(state: ClusterState): ApiObject[] {
  return nodeList(state).map(
    (n) =>
      ({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: meta(n.name, 'kube-node-lease', n.createdAt, {
          ownerReferences: [
            {
              apiVersion: 'v1',
              kind: 'Node',
              name: n.name,
              uid: nodeUid(state, n.name),
            },
          ],
        }),
        spec: {
          holderIdentity: n.name,
          leaseDurationSeconds: 40,
          renewTime: microTime(lastHeartbeat(state, n.name)),
        },
      }) as unknown as ApiObject,
  );
}

function leaderLeases(state: ClusterState): ApiObject[] {
  const leader = controlPlaneNodes(state).sort((a, b) => a.createdAt - b.createdAt)[0];
  if (!leader) return [];
  return ['kube-controller-manager', 'kube-scheduler'].map((name) => {
    const id = uid(`${leader.name}/${name}/${leader.createdAt}#lease`);
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: meta(name, 'kube-system', leader.createdAt),
      spec: {
        acquireTime: microTime(leader.createdAt),
        holderIdentity: `${leader.name}_${id}`,
        leaseDurationSeconds: 15,
        leaseTransitions: 0,
        renewTime: microTime(lastHeartbeat(state, leader.name)),
      },
    } as unknown as ApiObject;
  });
}

/** Every Lease in `namespace` (null: all). */
export function leases(state: ClusterState, namespace: string | null): ApiObject[] {
  return [...nodeLeases(state), ...leaderLeases(state)].filter(
    (o) => namespace === null || o.metadata.namespace === namespace,
  );
}
