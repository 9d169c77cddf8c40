/**
 * The Node object as the kubelet registers it and the control plane's controllers update it
 * (k8s.io/api/core/v1 Node; conditions from pkg/kubelet/nodestatus/setters.go, taints from
 * pkg/controller/nodelifecycle).
 */
import { cordonedAt, nodeRecord, storedNodeObject } from '../state/nodes.ts';
import type { ClusterState } from '../model/state.ts';
import type { ApiObject } from '../store/types.ts';
import { formatRfc3339 } from '../clock.ts';
import { DAEMON_ENDPOINTS, fixedParts } from './node-fixed-parts.ts';
import {
  noExecuteTaint,
  NOT_READY_TAINT,
  postedStatus,
  UNREACHABLE_TAINT,
} from '../controllers/node-lifecycle.ts';

import { findMachine } from '../state/machines.ts';
import { flannelUpAt } from '../controllers/flannel.ts';
import { flannelNodeAnnotations } from './flannel-node-annotations.ts';
import { CONTROLLER_TAINTS } from '../store/update.ts';

type Obj = Record<string, unknown>;

/** The Node object, as the kubelet registers it and the control plane's controllers update it. */
export function nodeObject(state: ClusterState, name: string): Obj {
  return servedNode(state, name, storedNodeObject(state, name));
}

/** The served Node of the stored Node object `stored` (a listing has them at hand). */
export function servedNodeObject(state: ClusterState, stored: ApiObject): Obj {
  return servedNode(state, stored.metadata.name, stored);
}

function servedNode(state: ClusterState, name: string, stored: ApiObject | undefined): Obj {
  const n = stored ? nodeRecord(stored) : undefined;
  const m = n ? findMachine(state, n.machine) : undefined;
  const fixed = fixedParts(name, n, stored, m, state.now);
  // What the kubelet posted last: its report while it runs, and for the grace period after it
  // stopped; then the node lifecycle controller's Unknown (controllers/node-lifecycle.ts).
  const posted = n ? postedStatus(state, n, m) : null;
  const report = posted?.report ?? null;
  const lost = report === null;
  const ready = report?.status === 'True';
  const hb = formatRfc3339(posted?.heartbeat ?? state.now);
  const marked = formatRfc3339(posted?.unknownAt ?? state.now);
  const since = fixed.since;
  const cond = (type: string, okReason: string, okMessage: string, okStatus: string): Obj =>
    lost
      ? {
          lastHeartbeatTime: hb,
          lastTransitionTime: marked,
          message: 'Kubelet stopped posting node status.',
          reason: 'NodeStatusUnknown',
          status: 'Unknown',
          type,
        }
      : {
          lastHeartbeatTime: hb,
          lastTransitionTime: since,
          message: okMessage,
          reason: okReason,
          status: okStatus,
          type,
        };
  // flannel's agent patches NetworkUnavailable in at the front (a strategic merge of a new
  // list entry; real flannel nodes list it first) and never touches it again.
  // The heartbeat stop postedStatus found: not looked up again per node.
  const flannelUp = flannelUpAt(state, name, posted ? posted.stopped : undefined);
  const flannel = flannelUp === null ? null : formatRfc3339(flannelUp);
  const conditions = [
    ...(flannel === null
      ? []
      : [
          {
            lastHeartbeatTime: flannel,
            lastTransitionTime: flannel,
            message: 'Flannel is running on this node',
            reason: 'FlannelIsUp',
            status: 'False',
            type: 'NetworkUnavailable',
          },
        ]),
    cond(
      'MemoryPressure',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
      'False',
    ),
    cond('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', 'False'),
    cond('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', 'False'),
    report === null
      ? cond('Ready', '', '', '')
      : {
          lastHeartbeatTime: hb,
          lastTransitionTime: formatRfc3339(report.since),
          message: report.message,
          reason: report.reason,
          status: report.status,
          type: 'Ready',
        },
  ];
  // Taints: the stored ones (kubeadm's control-plane taint, `kubectl taint`); then the node
  // lifecycle controller's, derived from the conditions (store/update.ts keeps them out of the store).
  const noExecute = !ready ? noExecuteTaint(state, name) : null;
  const storedTaints = (stored?.['spec'] as { taints?: readonly Obj[] } | undefined)?.taints;
  const taints: Obj[] = [
    ...(storedTaints ?? []).filter((t) => !CONTROLLER_TAINTS.has(String(t['key']))),
    // doNoScheduleTaintingPass: the NoSchedule taint follows the Ready condition at once.
    ...(lost
      ? [{ effect: 'NoSchedule', key: UNREACHABLE_TAINT, timeAdded: marked }]
      : !ready
        ? [{ effect: 'NoSchedule', key: NOT_READY_TAINT }]
        : []),
    // The NoExecute taint the controller's rate-limited queue handed out (none in master
    // disruption mode).
    ...(noExecute
      ? [
          {
            effect: 'NoExecute',
            key: noExecute.key,
            timeAdded: formatRfc3339(noExecute.timeAdded),
          },
        ]
      : []),
    ...(n?.unschedulable
      ? [
          {
            effect: 'NoSchedule',
            key: 'node.kubernetes.io/unschedulable',
            // Added when the node was cordoned (a state saved before this was kept: its registration).
            timeAdded: formatRfc3339(cordonedAt(stored) ?? n.createdAt),
          },
        ]
      : []),
  ];
  const storedCidr = (stored?.['spec'] as { podCIDR?: unknown } | undefined)?.podCIDR;
  const cidr = typeof storedCidr === 'string' && storedCidr !== '' ? storedCidr : null;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata:
      flannelUp === null
        ? fixed.metadata
        : withFlannelAnnotations(fixed.metadata, name, m?.ip ?? ''),
    spec: {
      ...(cidr ? { podCIDR: cidr, podCIDRs: [cidr] } : {}),
      ...(taints.length > 0 ? { taints } : {}),
      ...(n?.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: fixed.addresses,
      allocatable: fixed.allocatable,
      capacity: fixed.capacity,
      conditions,
      daemonEndpoints: DAEMON_ENDPOINTS,
      nodeInfo: fixed.nodeInfo,
    },
  };
}

/** `o` with its keys in the order the API server's JSON encoder writes a map's (sorted). */
function sortedKeys(o: Obj): Obj {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

/** Node metadata with flannel's annotations, built once per cached fixed metadata (listings read every Node). */
const annotated = new WeakMap<object, Obj>();

function withFlannelAnnotations(meta: Obj, name: string, ip: string): Obj {
  let hit = annotated.get(meta);
  if (!hit) {
    hit = {
      ...meta,
      annotations: sortedKeys({
        ...flannelNodeAnnotations(`${name}/${String(meta['uid'])}`, ip),
        ...(meta['annotations'] as Obj | undefined),
      }),
    };
    annotated.set(meta, hit);
  }
  return hit;
}
