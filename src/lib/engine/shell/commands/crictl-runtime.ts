/**
 * What containerd's CRI reports on one machine (ListContainers, ListPodSandbox), read off the
 * Pods the API serves for the machine's node, so `crictl ps` and `kubectl get pod -o json` agree
 * on container IDs, attempts and start times: a running container, the previous run of a
 * restarted one (the kubelet's garbage collector keeps one dead container per container,
 * MaxPerPodContainer 1), and finished init containers. A static Pod whose manifest left
 * /etc/kubernetes/manifests has its containers stopped by the kubelet (Exited).
 *
 * upstream: cri-api pkg/apis/runtime/v1 (Container, PodSandbox); kubelet
 * pkg/kubelet/types/labels.go (io.kubernetes.* labels); kuberuntime labels.go.
 */
import type { ClusterState } from '../../src/index.ts';
import { getObject, nodeOfMachine } from '../../src/index.ts';
import { hash64 } from '../../src/etcd/model.ts';
import { indexedKeys } from '../../src/store/indexes.ts';
import type { ApiObject } from '../../src/store/types.ts';
import { findMachine } from '../../src/state/machines.ts';

type Obj = Readonly<Record<string, unknown>>;

/** A 64-hex ID derived from `text` (containerd's IDs are random 256-bit hex). */
export const id64 = (text: string): string => `${hash64(text)}${hash64(`${text}#2`)}`.repeat(2);

/** One container as ListContainers reports it. */
export interface CriContainer {
  readonly id: string;
  readonly podSandboxId: string;
  readonly name: string;
  readonly attempt: number;
  /** The image's ID (sha256 hex) and the reference it was pulled by. */
  readonly imageId: string;
  readonly imageRef: string;
  readonly state: 'Running' | 'Exited';
  readonly createdAt: number;
  readonly podName: string;
  readonly podNamespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** One pod sandbox as ListPodSandbox reports it. */
export interface CriSandbox {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly createdAt: number;
  readonly ready: boolean;
  readonly labels: Readonly<Record<string, string>>;
}

const o = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): readonly Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const hex = (containerId: string): string => containerId.replace(/^containerd:\/\//, '');
const time = (v: unknown): number | null => {
  const t = Date.parse(text(v));
  return Number.isNaN(t) ? null : t;
};

/** The served Pods bound to the node of `machine` (from the spec.nodeName index). */
function podsOf(state: ClusterState, machine: string): readonly Obj[] {
  const node = nodeOfMachine(state.cluster, machine);
  if (!node) return [];
  return indexedKeys(state.cluster?.objects?.indexes, 'pods/spec.nodeName', node.name)
    .map((k) => {
      const slash = k.indexOf('/');
      return getObject(state, 'pods', k.slice(0, slash), k.slice(slash + 1));
    })
    .filter((p): p is ApiObject => p !== null);
}

/** The containers and sandboxes containerd has on `machine`, newest first. */
export function nodeRuntime(
  state: ClusterState,
  machine: string,
): { readonly containers: CriContainer[]; readonly sandboxes: CriSandbox[] } {
  const m = findMachine(state, machine);
  const containers: CriContainer[] = [];
  const sandboxes: CriSandbox[] = [];
  for (const pod of podsOf(state, machine)) {
    const meta = o(pod['metadata']);
    const status = o(pod['status']);
    const name = text(meta['name']);
    const namespace = text(meta['namespace']);
    const uid = text(meta['uid']);
    const started = time(status['startTime']);
    const statuses = [...arr(status['initContainerStatuses']), ...arr(status['containerStatuses'])];
    // No container ever created: the kubelet has not got a sandbox yet (Pending, no network).
    if (started === null || !statuses.some((c) => text(c['containerID']) !== '')) continue;
    const podLabels = {
      ...(o(meta['labels']) as Record<string, string>),
      'io.kubernetes.pod.name': name,
      'io.kubernetes.pod.namespace': namespace,
      'io.kubernetes.pod.uid': uid,
    };
    // The kubelet stops a static Pod whose manifest is gone (its mirror Pod may still be served).
    const component = text(o(meta['labels'])['component']);
    const stopped =
      o(meta['annotations'])['kubernetes.io/config.mirror'] !== undefined &&
      m?.files[`/etc/kubernetes/manifests/${component}.yaml`] === undefined;
    const sandboxId = id64(`sandbox|${uid}`);
    const phase = text(status['phase']);
    sandboxes.push({
      id: sandboxId,
      name,
      namespace,
      createdAt: started,
      ready: !stopped && phase !== 'Succeeded' && phase !== 'Failed',
      labels: podLabels,
    });
    for (const c of statuses) {
      const cname = text(c['name']);
      const image = text(c['image']);
      const base = {
        podSandboxId: sandboxId,
        name: cname,
        imageId: id64(`image|${image}`),
        imageRef: image,
        podName: name,
        podNamespace: namespace,
        labels: {
          'io.kubernetes.container.name': cname,
          'io.kubernetes.pod.name': name,
          'io.kubernetes.pod.namespace': namespace,
          'io.kubernetes.pod.uid': uid,
        },
      };
      const restarts = typeof c['restartCount'] === 'number' ? c['restartCount'] : 0;
      const state = o(c['state']);
      const running = o(state['running']);
      const done = o(state['terminated']);
      const last = o(o(c['lastState'])['terminated']);
      const id = hex(text(c['containerID']));
      if (id !== '' && (state['running'] !== undefined || state['terminated'] !== undefined)) {
        const at = time(running['startedAt'] ?? done['startedAt']) ?? started;
        containers.push({
          ...base,
          id,
          attempt: restarts,
          state: state['running'] !== undefined && !stopped ? 'Running' : 'Exited',
          createdAt: at,
        });
      }
      const lastId = hex(text(last['containerID']));
      if (lastId !== '')
        containers.push({
          ...base,
          id: lastId,
          attempt: Math.max(0, restarts - 1),
          state: 'Exited',
          createdAt: time(last['startedAt']) ?? started,
        });
    }
  }
  containers.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  sandboxes.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  return { containers, sandboxes };
}
