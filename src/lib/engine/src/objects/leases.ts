/**
 * Leases, derived from who is alive: each node's kubelet heartbeat Lease in kube-node-lease
 * (pkg/kubelet/nodelease: holder = node name, leaseDurationSeconds 40, owned by the Node,
 * renewTime = the last heartbeat, controllers/node-lifecycle.ts), the leader-election Leases
 * of kube-controller-manager and kube-scheduler in kube-system (client-go leaderelection:
 * holder `<hostname>_<uuid>`, leaseDurationSeconds 15), held by the first control-plane node,
 * and each kube-apiserver's identity Lease in kube-system (APIServerIdentity, beta and on by
 * default since v1.26): named `apiserver-` + the lower-case unpadded base32 of the first 16 bytes
 * of SHA-256 over the length-prefixed hostname and "kube-apiserver"
 * (staging/src/k8s.io/apiserver/pkg/server/config.go NewConfig, v1.29+), holder
 * `<name>_<uuid>`, leaseDurationSeconds 3600, labelled with the identity and the hostname
 * (pkg/controlplane/apiserver/server.go, IdentityLeaseDurationSeconds; the Lease YAML on
 * kubernetes.io/docs/concepts/architecture/leases/).
 */
import { controlPlaneNodes, nodeList, nodeUid } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import type { ApiObject } from '../store/types.ts';
import { formatRfc3339 } from '../clock.ts';
import { lastHeartbeat } from '../controllers/node-lifecycle.ts';
import { meta, uid } from './legacy-meta.ts';
import { sha256 } from '../pki/sha.ts';
import { utf8 } from '../pki/der.ts';

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

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** base32.StdEncoding without padding, lower-cased. */
function base32Lower(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The identity (and Lease name) of the kube-apiserver on a host named `hostname`. */
export function apiserverIdentity(hostname: string): string {
  const prefixed = (s: string): number[] => {
    const b = utf8(s);
    return [b.length >> 8, b.length & 0xff, ...b];
  };
  const hash = sha256(Uint8Array.from([...prefixed(hostname), ...prefixed('kube-apiserver')]));
  return `apiserver-${base32Lower(hash.subarray(0, 16))}`;
}

function apiserverLeases(state: ClusterState): ApiObject[] {
  return controlPlaneNodes(state).map((n) => {
    const name = apiserverIdentity(n.machine);
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: meta(name, 'kube-system', n.createdAt, {
        labels: {
          'apiserver.kubernetes.io/identity': 'kube-apiserver',
          'kubernetes.io/hostname': n.machine,
        },
      }),
      spec: {
        holderIdentity: `${name}_${uid(`${n.machine}/kube-apiserver/${n.createdAt}#identity`)}`,
        leaseDurationSeconds: 3600,
        renewTime: microTime(lastHeartbeat(state, n.name)),
      },
    } as unknown as ApiObject;
  });
}

/** Every Lease in `namespace` (null: all). */
export function leases(state: ClusterState, namespace: string | null): ApiObject[] {
  return [...nodeLeases(state), ...apiserverLeases(state), ...leaderLeases(state)].filter(
    (o) => namespace === null || o.metadata.namespace === namespace,
  );
}
