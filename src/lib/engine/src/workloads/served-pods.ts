/**
 * Every Pod as the API serves it: the cluster's own Pods (objects/pod-object.ts) and the Pods of
 * a reader's workloads (workloads/user-pods.ts), in the API's namespace/name order.
 */
import type { ClusterState } from '../model/state.ts';
import { podObjects } from '../objects/pod-object.ts';
import type { ApiObject } from '../store/types.ts';
import { userPodObjects } from './user-pods.ts';

const key = (o: ApiObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** The served Pods of `namespace` (null: every namespace). */
export function servedPods(state: ClusterState, namespace: string | null): ApiObject[] {
  const own = podObjects(state, namespace) as unknown as ApiObject[];
  const user = userPodObjects(state, namespace);
  if (user.length === 0) return own;
  return [...own, ...user].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
