/**
 * The Events part of every `kubectl describe`: the Events of the store about one object, found
 * the way kubectl's searchEvents asks the API (a field selector on involvedObject name,
 * namespace, kind and uid), sorted by time and printed as DescribeEvents does (the tabwriter is
 * flushed first, so the table has its own column widths; `Events: <none>` stays in the block
 * above). Without events asked for (`--show-events=false`) there is no Events part at all.
 *
 * upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (searchEvents, DescribeEvents,
 * translateTimestampSince, translateMicroTimestampSince, tabbedString),
 * staging/src/k8s.io/kubectl/pkg/util/event/sorted_event_list.go (SortableEvents, eventTime),
 * staging/src/k8s.io/client-go/kubernetes/typed/core/v1/event_expansion.go (GetFieldSelector).
 */
import { listObjects, parseTime, type ApiObject, type ClusterState } from '../../src/index.ts';
import { formatTabwriter } from '../../src/pki/tabwriter.ts';
import { humanDuration } from '../format.ts';
import { o, text, type Obj } from './kubectl-describe-fields.ts';

/** tabbedString's writer: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TAB = { minwidth: 0, tabwidth: 8, padding: 2 } as const;

/**
 * DescriberSettings: whether Events are shown, and the minor version of the kubectl printing
 * (what it prints changed across releases).
 */
export interface DescribeSettings {
  readonly showEvents: boolean;
  readonly kubectlMinor: number;
}

/** What searchEvents selects on: name and namespace always, kind and uid when set. */
export interface EventRef {
  readonly name: string;
  readonly namespace: string;
  readonly kind?: string;
  readonly uid?: string;
}

/** The reference GetReference builds for a stored object (its kind, name, namespace, uid). */
export function refOf(object: ApiObject): EventRef {
  return {
    name: object.metadata.name,
    namespace: object.metadata.namespace ?? '',
    kind: object.kind,
    ...(object.metadata.uid !== undefined ? { uid: object.metadata.uid } : {}),
  };
}

/** eventTime: the series' last observation, else lastTimestamp, else eventTime. */
function sortTime(e: Obj): number {
  const series = text(o(e['series'])['lastObservedTime']);
  const stamp = series || text(e['lastTimestamp']) || text(e['eventTime']);
  return stamp === '' ? 0 : parseTime(stamp);
}

/** Whether an Event's involvedObject matches the field selector searchEvents builds for `ref`. */
function about(e: Obj, ref: EventRef): boolean {
  const inv = o(e['involvedObject']);
  return (
    text(inv['name']) === ref.name &&
    text(inv['namespace']) === ref.namespace &&
    (ref.kind === undefined || text(inv['kind']) === ref.kind) &&
    (ref.uid === undefined || text(inv['uid']) === ref.uid)
  );
}

/**
 * The Events of the store about `ref` (several refs: the results of one query per ref, merged,
 * as NodeDescriber does), in the order DescribeEvents prints them.
 */
export function eventsAbout(state: ClusterState, ref: EventRef | readonly EventRef[]): Obj[] {
  const refs: readonly EventRef[] = Array.isArray(ref) ? ref : [ref as EventRef];
  const namespace = refs[0]?.namespace ?? '';
  // A cluster-scoped object's events are listed across namespaces (Events("")).
  const events = listObjects(state, 'events', namespace === '' ? null : namespace);
  return refs
    .flatMap((r) => events.filter((e) => about(e as Obj, r)))
    .map((e, i) => ({ e: e, i, t: sortTime(e as Obj) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ e }) => e);
}

/** The Events table (`Type Reason Age From Message`) of a non-empty list of events. */
function eventTable(state: ClusterState, events: readonly Obj[], kubectlMinor: number): string {
  const since = (t: string): string =>
    t === '' ? '<unknown>' : humanDuration(state.now - parseTime(t));
  const rows = events.map((e) => {
    const first =
      text(e['eventTime']) !== '' ? since(text(e['eventTime'])) : since(text(e['firstTimestamp']));
    const series = o(e['series']);
    const count = typeof e['count'] === 'number' ? e['count'] : 0;
    const age =
      e['series'] !== undefined
        ? `${since(text(series['lastObservedTime']))} (x${text(series['count'])} over ${first})`
        : count > 1
          ? `${since(text(e['lastTimestamp']))} (x${count} over ${first})`
          : first;
    const from = text(o(e['source'])['component']) || text(e['reportingController']);
    const fieldPath = text(o(e['involvedObject'])['fieldPath']);
    const message = text(e['message']).trim();
    // kubectl v1.35 names the container an Event is about (kubernetes/kubernetes#133627).
    const shown = fieldPath !== '' && kubectlMinor >= 35 ? `${fieldPath}: ${message}` : message;
    return `  ${text(e['type'])}\t${text(e['reason'])}\t${age}\t${from}\t${shown}`;
  });
  return formatTabwriter(
    [
      'Events:',
      '  Type\tReason\tAge\tFrom\tMessage',
      '  ----\t------\t----\t----\t-------',
      ...rows,
    ],
    DESCRIBE_TAB,
  );
}

/**
 * A describer's text: its tab-separated `lines`, then the Events about `ref` (or several refs,
 * merged; none shown when `ref` is null: events were not asked for), as kubectl of
 * `kubectlMinor` prints them (only the kubelet's Events about a Pod's containers differ).
 * Without a trailing newline.
 */
export function describedText(
  state: ClusterState,
  lines: readonly string[],
  ref: EventRef | readonly EventRef[] | null,
  kubectlMinor = Number.POSITIVE_INFINITY,
): string {
  // A newline inside a value ends the tabwriter's line there (and the column block with it).
  const rows = lines.flatMap((l) => l.split('\n'));
  const events = ref === null ? null : eventsAbout(state, ref);
  if (events === null || events.length === 0) {
    const all = events === null ? rows : [...rows, 'Events:\t<none>'];
    return formatTabwriter(all, DESCRIBE_TAB).replace(/\n$/, '');
  }
  const body = rows.length > 0 ? formatTabwriter(rows, DESCRIBE_TAB) : '';
  return `${body}${eventTable(state, events, kubectlMinor)}`.replace(/\n$/, '');
}
