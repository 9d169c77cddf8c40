/**
 * Status derivation, the per-resource strategy that fills `.status` of workload objects from what
 * their Pods do now (the DaemonSet, Deployment and ReplicaSet controllers' status updates:
 * pkg/controller/daemon/daemon_controller.go updateDaemonSetStatus,
 * pkg/controller/deployment/sync.go calculateStatus, pkg/controller/replicaset
 * calculateStatus). Pods are matched by the object's spec.selector (matchLabels and matchExpressions).
 */
import { nodeCount } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import { servedPods } from '../workloads/served-pods.ts';
import { scanStored } from './buckets.ts';
import { maxUnavailable } from '../controllers/rollout-fenceposts.ts';
import { labelSelectorRequirements, matchesSelector } from '../kubectl/labels.ts';
import type { ApiObject, Json } from './types.ts';

type Obj = { readonly [k: string]: Json };

/** Pods of the object's namespace its selector matches, and how many of them run. */
function podsOf(state: ClusterState, o: ApiObject): { total: number; ready: number } {
  const spec = o['spec'] as Obj | undefined;
  const reqs = labelSelectorRequirements(spec?.['selector']) ?? [];
  const pods = servedPods(state, o.metadata.namespace ?? null).filter(
    (p) => reqs.length > 0 && matchesSelector(p.metadata.labels ?? {}, reqs),
  );
  const ready = pods.filter((p) => (p['status'] as Obj)['phase'] === 'Running').length;
  return { total: pods.length, ready };
}

/** The cluster's own DaemonSets, whose Pods kubeadm, join and flannel's manifest place on every node. */
const OWN_DAEMONSETS = new Set(['kube-system/kube-proxy', 'kube-flannel/kube-flannel-ds']);

function daemonSetStatus(state: ClusterState, o: ApiObject): Obj {
  const { total, ready } = podsOf(state, o);
  // A reader's DaemonSet: the controller (controllers/daemonsets.ts) has just put one Pod on
  // every node that fits, so its Pods are what it should schedule.
  const own = OWN_DAEMONSETS.has(`${o.metadata.namespace ?? ''}/${o.metadata.name}`);
  const desired = own ? nodeCount(state) : total;
  return {
    currentNumberScheduled: total,
    desiredNumberScheduled: desired,
    numberAvailable: ready,
    numberMisscheduled: 0,
    numberReady: ready,
    ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}),
    observedGeneration: o.metadata.generation ?? 1,
    updatedNumberScheduled: total,
  };
}

function replicas(o: ApiObject): number {
  const r = (o['spec'] as Obj | undefined)?.['replicas'];
  return typeof r === 'number' ? r : 1;
}

function replicaSetStatus(state: ClusterState, o: ApiObject): Obj {
  const { total, ready } = podsOf(state, o);
  return {
    ...(ready > 0 ? { availableReplicas: ready } : {}),
    fullyLabeledReplicas: total,
    observedGeneration: o.metadata.generation ?? 1,
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    replicas: total,
  };
}

/**
 * calculateStatus over the Deployment's ReplicaSets: replicas and availability of all their
 * Pods, updatedReplicas of the newest revision's; Available once at least spec.replicas minus
 * maxUnavailable Pods are (sync.go calculateStatus; progress.go: NewReplicaSetAvailable once the
 * rollout is complete).
 */
function deploymentStatus(state: ClusterState, o: ApiObject): Obj {
  const { total, ready } = podsOf(state, o);
  const newRS = newestReplicaSet(state, o);
  const updated = newRS ? podsOf(state, newRS).total : total;
  const want = replicas(o);
  const since = o.metadata.creationTimestamp;
  const available = ready >= want - maxUnavailable(o);
  const complete = updated === want && total === want && ready === want;
  return {
    ...(ready > 0 ? { availableReplicas: ready } : {}),
    conditions: [
      {
        lastTransitionTime: since,
        lastUpdateTime: since,
        message: available
          ? 'Deployment has minimum availability.'
          : 'Deployment does not have minimum availability.',
        reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        status: available ? 'True' : 'False',
        type: 'Available',
      },
      // A paused Deployment reports Progressing Unknown (deployment util.go
      // NewDeploymentCondition(DeploymentProgressing, ConditionUnknown, PausedDeployReason,
      // "Deployment is paused"); sync.go checkPausedConditions).
      (o['spec'] as Obj | undefined)?.['paused'] === true
        ? {
            lastTransitionTime: since,
            lastUpdateTime: since,
            message: 'Deployment is paused',
            reason: 'DeploymentPaused',
            status: 'Unknown',
            type: 'Progressing',
          }
        : {
            lastTransitionTime: since,
            lastUpdateTime: since,
            message: `ReplicaSet "${newRS?.metadata.name ?? o.metadata.name}" ${complete ? 'has successfully progressed.' : 'is progressing.'}`,
            reason: complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
            status: 'True',
            type: 'Progressing',
          },
    ],
    observedGeneration: o.metadata.generation ?? 1,
    ...(ready > 0 ? { readyReplicas: ready } : {}),
    replicas: total,
    ...(want - ready > 0 ? { unavailableReplicas: want - ready } : {}),
    updatedReplicas: updated,
  };
}

/** The Deployment's ReplicaSet of the newest revision (the current template's). */
function newestReplicaSet(state: ClusterState, o: ApiObject): ApiObject | undefined {
  const revision = (rs: ApiObject): number =>
    Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  return scanStored(state.cluster?.objects, 'replicasets.apps', o.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === o.metadata.uid) === true)
    .sort((a, b) => revision(b) - revision(a))[0];
}

const STRATEGIES: Readonly<Record<string, (state: ClusterState, o: ApiObject) => Obj>> = {
  'daemonsets.apps': daemonSetStatus,
  'deployments.apps': deploymentStatus,
  'replicasets.apps': replicaSetStatus,
};

/** The object with `.status` derived now, for resources that have a status strategy. */
export function withDerivedStatus(state: ClusterState, resource: string, o: ApiObject): ApiObject {
  const strategy = STRATEGIES[resource];
  return strategy ? { ...o, status: strategy(state, o) } : o;
}
