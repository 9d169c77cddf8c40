/**
 * The DaemonSet controller for a reader's DaemonSets (`kubectl create -f` of a DaemonSet): one
 * Pod per node the Pod may run on (its nodeSelector matches, the node's NoSchedule/NoExecute
 * taints are tolerated, with the tolerations the controller adds to every daemon Pod), named
 * `<daemonset>-<5 characters>`, bound to its node through the node affinity the controller sets
 * and created there; a Pod on a node that is gone or no longer fits is deleted. Run after every
 * command; a state without client DaemonSets costs one index lookup.
 *
 * upstream (v1.32): pkg/controller/daemon/daemon_controller.go (podsShouldBeOnNode, syncNodes,
 * SuccessfulCreate/SuccessfulDelete Events), pkg/controller/daemon/util/daemonset_util.go
 * (AddOrUpdateDaemonPodTolerations, ReplaceDaemonSetPodNodeNameNodeAffinity),
 * pkg/controller/history (controller-revision-hash label), pod-template-generation label.
 */
import type { ClusterState } from '../model/state.ts';
import { nodeObject } from '../objects/node-object.ts';
import { recordEvent } from '../objects/controller-events.ts';
import { nodeList } from '../state/nodes.ts';
import { readByKey, writeSequence } from '../store/buckets.ts';
import { indexedKeys } from '../store/indexes.ts';
import type { ApiObject, Json, NewObject } from '../store/types.ts';
import { putObject, removeObject } from '../store/write.ts';
import { storedUserPods } from '../workloads/user-pods.ts';
import { nodeRejects } from './scheduler.ts';
import { reservePodIp } from './pod-ips.ts';
import { isUserObject, newPod, podTemplateHash } from './workloads.ts';

type Obj = { readonly [k: string]: Json };

/** AddOrUpdateDaemonPodTolerations (hostNetwork Pods also tolerate network-unavailable). */
function daemonTolerations(hostNetwork: boolean): Obj[] {
  const t = (key: string, effect: string): Obj => ({ effect, key, operator: 'Exists' });
  return [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
}

/** The DaemonSet's Pod as the controller builds it before binding (template + tolerations). */
function daemonPodSpec(ds: ApiObject): Obj {
  const template = ((ds['spec'] ?? {}) as Obj)['template'] as Obj | undefined;
  const spec = (template?.['spec'] ?? {}) as Obj;
  const own = (spec['tolerations'] ?? []) as readonly Obj[];
  return { ...spec, tolerations: [...own, ...daemonTolerations(spec['hostNetwork'] === true)] };
}

/** The nodes a daemon Pod of `ds` should run on, by name. */
export function daemonNodes(state: ClusterState, ds: ApiObject): string[] {
  const probe = { ...ds, spec: daemonPodSpec(ds) } as ApiObject;
  return nodeList(state)
    .map((n) => n.name)
    .filter((n) => nodeRejects(probe, nodeObject(state, n) as unknown as Obj) === null);
}

const nodeOf = (p: ApiObject): string | undefined => {
  const n = ((p['spec'] ?? {}) as Obj)['nodeName'];
  return typeof n === 'string' ? n : undefined;
};

/** One DaemonSet's Pods brought to one per eligible node. */
function syncDaemonSet(state: ClusterState, ds: ApiObject): ClusterState {
  const ns = ds.metadata.namespace ?? 'default';
  const mine = storedUserPods(state, ns).filter(
    (p) =>
      p.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid) === true &&
      p.metadata.deletionTimestamp === undefined,
  );
  const want = new Set(daemonNodes(state, ds));
  let s = state;
  const have = new Set<string>();
  for (const p of mine) {
    const node = nodeOf(p);
    if (node !== undefined && want.has(node) && !have.has(node)) {
      have.add(node);
      continue;
    }
    s = removeObject(s, 'pods', ns, p.metadata.name);
    s = recordEvent(s, {
      object: ds,
      reason: 'SuccessfulDelete',
      message: `Deleted pod: ${p.metadata.name}`,
      component: 'daemonset-controller',
    });
  }
  const template = ((ds['spec'] ?? {}) as Obj)['template'] as Obj | undefined;
  const hash = podTemplateHash(template).slice(0, 10);
  const generation = String(ds.metadata.generation ?? 1);
  let i = 0;
  for (const node of want) {
    if (have.has(node)) continue;
    // Seeded by the store's revision: a replacement never takes the deleted Pod's name.
    const base = newPod(s, ds, writeSequence(s.cluster?.objects) + i++);
    const spec = base['spec'] as Obj;
    const pod: NewObject = {
      ...base,
      metadata: {
        ...base.metadata,
        labels: {
          ...base.metadata.labels,
          'controller-revision-hash': hash,
          'pod-template-generation': generation,
        },
      },
      spec: {
        ...spec,
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }],
                },
              ],
            },
          },
        },
        nodeName: node,
        tolerations: ((daemonPodSpec(ds)['tolerations'] ?? []) as readonly Obj[]).slice(),
      },
      simulator: { user: true, createdAt: s.now, scheduledAt: s.now },
    };
    // host-local reserves a pod-network Pod's address on its node (controllers/pod-ips.ts).
    const ip = spec['hostNetwork'] === true ? null : reservePodIp(s, node);
    s = putObject(
      ip?.state ?? s,
      'pods',
      ip ? { ...pod, simulator: { ...(pod.simulator as Obj), ipHost: ip.host } } : pod,
    );
    s = recordEvent(s, {
      object: ds,
      reason: 'SuccessfulCreate',
      message: `Created pod: ${pod.metadata.name}`,
      component: 'daemonset-controller',
    });
  }
  return s;
}

/** Runs the DaemonSet controller over the reader's DaemonSets; unchanged when there are none. */
export function reconcileDaemonSets(state: ClusterState): ClusterState {
  const store = state.cluster?.objects;
  const keys = indexedKeys(store?.indexes, 'daemonsets.apps/user', 'user');
  if (keys.length === 0) return state;
  let s = state;
  for (const k of keys) {
    const ds = readByKey(s.cluster?.objects, 'daemonsets.apps', k);
    if (ds && isUserObject(ds)) s = syncDaemonSet(s, ds);
  }
  return s;
}
