/**
 * What the control plane writes into a running Pod's status.conditions when its node is lost or
 * NotReady:
 * the node lifecycle controller's MarkPodsNotReady (pkg/controller/util/node/controller_utils.go:
 * the Ready condition to False, keeping its reason and message; container statuses untouched,
 * so `kubectl get pods` still counts the containers ready), and the taint eviction
 * controller's DisruptionTarget condition before it deletes the Pod
 * (pkg/controller/tainteviction/taint_eviction.go addConditionAndDeletePod).
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339 } from '../clock.ts';
import { podsNotReadySince } from '../controllers/node-lifecycle.ts';
import { podEvictedAt } from '../controllers/taint-eviction.ts';
import type { ApiObject, Json } from '../store/types.ts';

type Obj = { readonly [k: string]: Json };

/**
 * The Ready condition, False from when the node was marked unreachable or its kubelet found the
 * container runtime down (controllers/node-lifecycle.ts podsNotReadySince).
 */
export function podReadyCondition(state: ClusterState, node: string, ready: Obj): Obj {
  const since = podsNotReadySince(state, node);
  if (since === null || ready['status'] !== 'True') return ready;
  return { ...ready, lastTransitionTime: formatRfc3339(since), status: 'False' };
}

/** The DisruptionTarget condition of a Pod the taint eviction controller deleted, if it did. */
export function evictionConditions(o: ApiObject): Obj[] {
  const at = podEvictedAt(o);
  if (at === undefined) return [];
  return [
    {
      lastProbeTime: null,
      lastTransitionTime: formatRfc3339(at),
      message: 'Taint manager: deleting due to NoExecute taint',
      reason: 'DeletionByTaintManager',
      status: 'True',
      type: 'DisruptionTarget',
    },
  ];
}
