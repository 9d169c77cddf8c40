/**
 * The kubelet's Events for the Pods it started, as objects/events.ts records them: for each Pod,
 * in the order the kubelets started them, objects/kubelet-pod-events.ts's Events about each
 * container, each naming the container by fieldPath and the node as its source host.
 *
 * Which images a node has: a control-plane node has what kubeadm's preflight pulled
 * (cmd/kubeadm/app/cmd/phases/init/preflight.go and join's control-plane preflight, the images
 * of `kubeadm config images list`: model/release-images.ts); a worker's kubeadm join pulls
 * nothing; and a node has every image an earlier Pod on it used.
 */
import type { ClusterState } from '../model/state.ts';
import { findNode } from '../state/nodes.ts';
import { imagesFor } from '../model/release-images.ts';
import type { Json } from '../store/types.ts';
import { kubeletStartEvents } from './kubelet-pod-events.ts';

type Obj = { readonly [k: string]: Json };

/** A Pod whose containers a kubelet started. */
export interface StartedPod {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly node: string;
  /** When its kubelet started it, epoch ms. */
  readonly at: number;
  /** Its spec as served (containers with image and imagePullPolicy). */
  readonly spec: Obj;
}

/** One of the kubelet's Events, in the shape objects/events.ts records. */
export interface PodStartEvent {
  readonly namespace: string;
  readonly object: {
    readonly apiVersion: 'v1';
    readonly kind: 'Pod';
    readonly name: string;
    readonly uid: string;
    readonly fieldPath: string;
  };
  readonly reason: string;
  readonly message: string;
  readonly component: 'kubelet';
  readonly host: string;
  readonly at: number;
  readonly nanos: number;
}

function images(spec: Obj): string[] {
  return ['initContainers', 'containers'].flatMap((k) =>
    ((spec[k] ?? []) as readonly Obj[])
      .map((c) => c['image'])
      .filter((i): i is string => typeof i === 'string'),
  );
}

/** The kubelets' Events for `pods`, each Pod's right after its scheduler's. */
export function podStartEvents(state: ClusterState, pods: readonly StartedPod[]): PodStartEvent[] {
  const version = state.cluster?.version;
  const pulled = version ? imagesFor(version) : [];
  const present = new Map<string, Set<string>>();
  return [...pods]
    .sort((a, b) => a.at - b.at)
    .flatMap((p) => {
      const node = findNode(state, p.node);
      let onNode = present.get(p.node);
      if (!onNode) {
        onNode = new Set(node?.controlPlane === true ? pulled : []);
        present.set(p.node, onNode);
      }
      const kubeletVersion = node?.kubeletVersion ?? version ?? '';
      const events = kubeletStartEvents(p.spec, { kubeletVersion, present: onNode });
      for (const i of images(p.spec)) onNode.add(i);
      return events.map((e, i): PodStartEvent => ({
        namespace: p.namespace,
        object: { apiVersion: 'v1', kind: 'Pod', name: p.name, uid: p.uid, fieldPath: e.fieldPath },
        reason: e.reason,
        message: e.message,
        component: 'kubelet',
        host: p.node,
        at: p.at,
        // Right after the scheduler's Event: each its own name, in order.
        nanos: 1000 * (i + 1),
      }));
    });
}
