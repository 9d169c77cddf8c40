/**
 * Events the workload controllers and the scheduler record as they act, stored as core/v1 Event
 * objects (they outlive what they name: "Deleted pod: …" stays after the Pod is gone) and kept
 * for kube-apiserver's --event-ttl, like the Events objects/events.ts derives. Each names its
 * object as client-go's reference.GetReference does (apiVersion, kind, name, namespace,
 * resourceVersion, uid) and is named `<object>.<UnixNano in hex>`.
 *
 * upstream (v1.32): staging/src/k8s.io/client-go/tools/record/event.go (makeEvent, the
 * legacy recorder's source.component, reportingComponent, empty reportingInstance),
 * pkg/controller/deployment/sync.go ("Scaled up replica set %s from 0 to %d", "Scaled %s
 * replica set %s from %d to %d"), pkg/controller/controller_utils.go (SuccessfulCreate
 * "Created pod: %v", SuccessfulDelete "Deleted pod: %v"), pkg/scheduler/schedule_one.go
 * (Scheduled "Successfully assigned %v/%v to %v", FailedScheduling).
 */
import type { ClusterState } from '../model/state.ts';
import { formatRfc3339, parseTime } from '../clock.ts';
import { readStored, scanStored } from '../store/buckets.ts';
import type { ApiObject } from '../store/types.ts';
import { putObject, removeObject } from '../store/write.ts';
import { EVENT_TTL_MS } from './events.ts';

/** What a controller records about one object. */
export interface ControllerEvent {
  readonly object: ApiObject;
  readonly reason: string;
  readonly message: string;
  /** deployment-controller, replicaset-controller, daemonset-controller, default-scheduler. */
  readonly component: string;
  readonly type?: 'Normal' | 'Warning';
}

/** A state with the Event stored (and the controllers' Events older than the TTL gone). */
export function recordEvent(state: ClusterState, e: ControllerEvent): ClusterState {
  const c = state.cluster;
  if (!c) return state;
  const ns = e.object.metadata.namespace ?? 'default';
  let nanos = BigInt(state.now) * 1_000_000n;
  let name = `${e.object.metadata.name}.${nanos.toString(16)}`;
  // Several Events in the same millisecond: client-go's clock would tell them apart.
  while (readStored(c.objects, 'events', ns, name)) {
    nanos += 1n;
    name = `${e.object.metadata.name}.${nanos.toString(16)}`;
  }
  const when = formatRfc3339(state.now);
  const next = putObject(expire(state), 'events', {
    apiVersion: 'v1',
    kind: 'Event',
    count: 1,
    eventTime: null,
    firstTimestamp: when,
    involvedObject: {
      apiVersion: e.object.apiVersion,
      kind: e.object.kind,
      name: e.object.metadata.name,
      namespace: ns,
      resourceVersion: e.object.metadata.resourceVersion,
      uid: e.object.metadata.uid,
    },
    lastTimestamp: when,
    message: e.message,
    metadata: { name, namespace: ns },
    reason: e.reason,
    reportingComponent: e.component,
    reportingInstance: '',
    source: { component: e.component },
    type: e.type ?? 'Normal',
  });
  // Nothing in it is older than the TTL at this time: the next Event of the same moment (a
  // scheduler pass binding many Pods) need not look again.
  const table = next.cluster?.objects?.resources['events'];
  if (table) checkedAt.set(table, state.now);
  return next;
}

/** Events tables already rid of expired Events, with the time they were checked at. */
const checkedAt = new WeakMap<object, number>();

/** The controllers' stored Events younger than the TTL only. */
function expire(state: ClusterState): ClusterState {
  const table = state.cluster?.objects?.resources['events'];
  if (table && checkedAt.get(table) === state.now) return state;
  let s = state;
  for (const ev of scanStored(state.cluster?.objects, 'events')) {
    const last = ev['lastTimestamp'];
    if (typeof last === 'string' && state.now - parseTime(last) >= EVENT_TTL_MS)
      s = removeObject(s, 'events', ev.metadata.namespace ?? 'default', ev.metadata.name);
  }
  return s;
}
