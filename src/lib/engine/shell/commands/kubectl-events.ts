/**
 * `kubectl events`: the core/v1 Events of a namespace (or all, -A), optionally for one object
 * (--for TYPE/NAME) and of some types (--types), oldest first, in kubectl's own event table
 * (LAST SEEN from the first timestamp, or "LAST (xN over FIRST)" for repeated events).
 *
 * upstream (v1.32.4): staging/src/k8s.io/kubectl/pkg/cmd/events/events.go (Validate, Run: "No
 * events found in NS namespace." on stderr, SortableEvents by eventTime, decodeResourceTypeName),
 * events/event_printer.go (headings, getInterval, the OBJECT column as Kind/name).
 */
import { listObjects, parseTime, resolveType, type ApiObject } from '../../src/index.ts';
import { bool, list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import { humanDuration } from '../format.ts';
import { goSort } from '../go-sort.ts';
import type { Invocation } from '../types.ts';
import type { Connect } from './kubectl-node.ts';
import { tabwrite } from './kubectl-tabwriter.ts';
import type { KubectlVerbFactory } from './kubectl-verb.ts';

type Obj = Record<string, unknown>;

const FLAGS: FlagSpec[] = [
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'bool',
    usage:
      'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  },
  {
    name: 'for',
    type: 'string',
    usage: 'Filter events to only those pertaining to the specified resource.',
  },
  { name: 'types', type: 'strings', usage: 'Output only events of given types.' },
  {
    name: 'no-headers',
    type: 'bool',
    usage: "When using the default output format, don't print headers.",
  },
  {
    name: 'watch',
    short: 'w',
    type: 'bool',
    usage: 'After listing the requested events, watch for more events.',
  },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format.' },
];

const s = (o: unknown, k: string): string => {
  const v = (o as Obj | undefined)?.[k];
  return typeof v === 'string' ? v : '';
};

/** events.go eventTime: the series' last observation, else lastTimestamp, else eventTime. */
function eventTime(e: ApiObject): number {
  const series = s(e['series'], 'lastObservedTime');
  const t = series || s(e, 'lastTimestamp') || s(e, 'eventTime');
  return t === '' ? 0 : parseTime(t);
}

/** event_printer.go getInterval. */
function interval(e: ApiObject, now: number): string {
  const since = (t: string): string => (t === '' ? '<unknown>' : humanDuration(now - parseTime(t)));
  const first = s(e, 'eventTime') !== '' ? since(s(e, 'eventTime')) : since(s(e, 'firstTimestamp'));
  const series = e['series'] as Obj | undefined;
  if (series)
    return `${since(s(series, 'lastObservedTime'))} (x${String(series['count'])} over ${first})`;
  const count = typeof e['count'] === 'number' ? e['count'] : 0;
  return count > 1 ? `${since(s(e, 'lastTimestamp'))} (x${count} over ${first})` : first;
}

/** The kind and name --for names, or kubectl's error. */
function forObject(
  inv: Invocation,
  arg: string,
): { kind: string; apiVersion: string; name: string } | string {
  if (!arg.includes('/')) return 'error: --for must be in resource/name form';
  const parts = arg.split('/');
  if (parts.length !== 2)
    return 'error: arguments in resource/name form may not have more than one slash';
  const t = resolveType(inv.ctx.state, parts[0] ?? '');
  // The RESTMapper's NoResourceMatchError, which kubectl prints without "error: ".
  if (!t) return `the server doesn't have a resource type "${parts[0] ?? ''}"`;
  const apiVersion = t.group === '' ? t.version : `${t.group}/${t.version}`;
  return { kind: t.kind, apiVersion, name: parts[1] ?? '' };
}

function events(inv: Invocation, p: ParsedFlags, connect: Connect): number {
  // events.go reads no positional arguments (and ignores any).
  if (str(p, 'output') !== undefined || bool(p, 'watch')) {
    inv.io.err('kubectl: this simulator prints kubectl events as a table only (no -o, no -w)');
    return 1;
  }
  const types = list(p, 'types');
  if (types.some((t) => !['normal', 'warning'].includes(t.toLowerCase()))) {
    inv.io.err('error: valid --types are Normal or Warning');
    return 1;
  }
  const all = bool(p, 'all-namespaces');
  const namespace = str(p, 'namespace') ?? 'default';
  if (!connect(inv, p)) return 1;
  const target = str(p, 'for');
  const wanted = target === undefined ? null : forObject(inv, target);
  if (typeof wanted === 'string') {
    inv.io.err(wanted);
    return 1;
  }
  const selected = listObjects(inv.ctx.state, 'events', all ? null : namespace).filter(
    (e) =>
      (types.length === 0 || types.some((t) => t.toLowerCase() === s(e, 'type').toLowerCase())) &&
      (wanted === null ||
        // events.go selects involvedObject.kind, .apiVersion and .name.
        (s(e['involvedObject'], 'kind') === wanted.kind &&
          s(e['involvedObject'], 'apiVersion') === wanted.apiVersion &&
          s(e['involvedObject'], 'name') === wanted.name)),
  );
  if (selected.length === 0) {
    inv.io.err(all ? 'No events found.' : `No events found in ${namespace} namespace.`);
    return 0;
  }
  const now = inv.ctx.state.now;
  const rows = goSort(selected, (a, b) => eventTime(a) < eventTime(b)).map((e) => [
    ...(all ? [e.metadata.namespace ?? ''] : []),
    interval(e, now),
    s(e, 'type'),
    s(e, 'reason'),
    `${s(e['involvedObject'], 'kind')}/${s(e['involvedObject'], 'name')}`,
    s(e, 'message').trim(),
  ]);
  const header = [
    ...(all ? ['NAMESPACE'] : []),
    'LAST SEEN',
    'TYPE',
    'REASON',
    'OBJECT',
    'MESSAGE',
  ];
  inv.io.out(tabwrite(bool(p, 'no-headers') ? rows : [header, ...rows]));
  return 0;
}

/** `kubectl events`. */
export const eventsVerb: KubectlVerbFactory = (connect) => ({
  flags: FLAGS,
  short: 'List events',
  run: (inv, p) => events(inv, p, connect),
});
