/**
 * `kubectl describe job|cronjob [NAME…]`: the object's fields, its Pod template (labels,
 * containers with image, ports, command, args, environment and mounts, volumes, node selectors,
 * tolerations) and its Events (sorted by last timestamp, `(xN over AGE)` for repeated ones).
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeJob,
 * describeCronJob, describeJobTemplate, printActiveJobs, DescribePodTemplate, describeContainers
 * without statuses, describeVolumes, printTolerationsMultilineWithIndent, printController,
 * DescribeEvents: the tabwriter is flushed before the Events table).
 */
import { listObjects, parseTime, type ApiObject, type ClusterState } from '../../src/index.ts';
import { formatTabwriter } from '../../src/pki/tabwriter.ts';
import { humanDuration, rfc1123z } from '../format.ts';
import { str, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import { describeEach, multiline } from './kubectl-describe-maps.ts';

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const TAB = { minwidth: 0, tabwidth: 8, padding: 2 } as const;

/** LabelSelectorAsSelector(...).String(): matchLabels as `k=v`, sorted by key. */
function selectorText(selector: unknown): string {
  const labels = o(o(selector)['matchLabels']);
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${text(labels[k])}`)
    .join(',');
}

/** printTolerationsMultilineWithIndent under `title`. */
function tolerationLines(title: string, tolerations: readonly Obj[]): string[] {
  if (tolerations.length === 0) return [`${title}:\t<none>`];
  return tolerations.map((t, i) => {
    let s = text(t['key']);
    if (text(t['value']) !== '') s += `=${text(t['value'])}`;
    if (text(t['effect']) !== '') s += `:${text(t['effect'])}`;
    if (t['operator'] === 'Exists' && text(t['value']) === '')
      s += text(t['key']) !== '' ? ' op=Exists' : 'op=Exists';
    if (typeof t['tolerationSeconds'] === 'number') s += ` for ${t['tolerationSeconds']}s`;
    return `${i === 0 ? `${title}:` : ''}\t${s}`;
  });
}

/** describeContainers for a template (no statuses): LEVEL_1 name, LEVEL_2 fields. */
function containerLines(label: string, containers: readonly Obj[]): string[] {
  const lines = [`  ${label}:${containers.length === 0 ? ' <none>' : ''}`];
  for (const c of containers) {
    const ports = arr(c['ports']);
    const portText = ports
      .map((p) => `${text(p['containerPort'])}/${text(p['protocol']) || 'TCP'}`)
      .join(', ');
    const hostText = ports
      .map((p) => `${text(p['hostPort']) || '0'}/${text(p['protocol']) || 'TCP'}`)
      .join(', ');
    lines.push(`   ${text(c['name'])}:`, `    Image:\t${text(c['image'])}`);
    lines.push(
      portText.includes(',') ? `    Ports:\t${portText}` : `    Port:\t${portText || '<none>'}`,
    );
    lines.push(
      hostText.includes(',')
        ? `    Host Ports:\t${hostText}`
        : `    Host Port:\t${hostText || '<none>'}`,
    );
    for (const [field, title] of [
      ['command', 'Command'],
      ['args', 'Args'],
    ] as const) {
      const words = arr(c[field]).map(text);
      if (words.length === 0) continue;
      lines.push(`    ${title}:`);
      for (const w of words) for (const part of w.split('\n')) lines.push(`      ${part}`);
    }
    const resources = o(c['resources']);
    for (const [field, title] of [
      ['limits', 'Limits'],
      ['requests', 'Requests'],
    ] as const) {
      const q = o(resources[field]);
      const keys = Object.keys(q).sort();
      if (keys.length === 0) continue;
      lines.push(`    ${title}:`, ...keys.map((k) => `      ${k}:\t${text(q[k])}`));
    }
    const env = arr(c['env']);
    lines.push(`    Environment:${env.length === 0 ? '\t<none>' : ''}`);
    for (const e of env) lines.push(`      ${text(e['name'])}:\t${text(e['value'])}`);
    const mounts = arr(c['volumeMounts']);
    lines.push(`    Mounts:${mounts.length === 0 ? '\t<none>' : ''}`);
    for (const m of mounts)
      lines.push(
        `      ${text(m['mountPath'])} from ${text(m['name'])} (${m['readOnly'] === true ? 'ro' : 'rw'})`,
      );
  }
  return lines;
}

/** DescribePodTemplate. */
export function podTemplateLines(template: unknown): string[] {
  const t = o(template);
  const meta = o(t['metadata']);
  const spec = o(t['spec']);
  const annotations = o(meta['annotations']);
  const volumes = arr(spec['volumes']);
  return [
    'Pod Template:',
    ...multiline('  Labels', o(meta['labels']), '='),
    ...(Object.keys(annotations).length > 0 ? multiline('  Annotations', annotations, ': ') : []),
    ...(text(spec['serviceAccountName']) !== ''
      ? [`  Service Account:\t${text(spec['serviceAccountName'])}`]
      : []),
    ...(arr(spec['initContainers']).length > 0
      ? containerLines('Init Containers', arr(spec['initContainers']))
      : []),
    ...containerLines('Containers', arr(spec['containers'])),
    ...(volumes.length === 0
      ? ['  Volumes:\t<none>']
      : ['  Volumes:', ...volumes.map((v) => `   ${text(v['name'])}:`)]),
    ...(text(spec['priorityClassName']) !== ''
      ? [`  Priority Class Name:\t${text(spec['priorityClassName'])}`]
      : []),
    ...multiline('  Node-Selectors', o(spec['nodeSelector']), '='),
    ...tolerationLines('  Tolerations', arr(spec['tolerations'])),
  ];
}

/** DescribeEvents of the Events about `object` (searchEvents: kind, name, namespace, uid). */
function eventsText(state: ClusterState, object: ApiObject): string | null {
  const events = listObjects(state, 'events', object.metadata.namespace ?? 'default')
    .filter((e) => {
      const ref = o(e['involvedObject']);
      return (
        ref['kind'] === object.kind &&
        ref['name'] === object.metadata.name &&
        ref['uid'] === object.metadata.uid
      );
    })
    .map((e, i) => ({ e, i, last: parseTime(text(e['lastTimestamp'])) }))
    .sort((a, b) => a.last - b.last || a.i - b.i)
    .map(({ e }) => e);
  if (events.length === 0) return null;
  const since = (t: unknown): string =>
    typeof t === 'string' ? humanDuration(state.now - parseTime(t)) : '<unknown>';
  const lines = [
    'Events:',
    '  Type\tReason\tAge\tFrom\tMessage',
    '  ----\t------\t----\t----\t-------',
    ...events.map((e) => {
      const count = typeof e['count'] === 'number' ? e['count'] : 1;
      const first = since(e['firstTimestamp']);
      const age = count > 1 ? `${since(e['lastTimestamp'])} (x${count} over ${first})` : first;
      const from = text(o(e['source'])['component']) || text(e['reportingController']);
      return `  ${text(e['type'])}\t${text(e['reason'])}\t${age}\t${from}\t${text(e['message']).trim()}`;
    }),
  ];
  return formatTabwriter(lines, TAB).replace(/\n$/, '');
}

/** The describe text: the fields, then Events (after a tabwriter flush) or `Events: <none>`. */
function withEvents(state: ClusterState, object: ApiObject, lines: readonly string[]): string {
  const events = eventsText(state, object);
  const body = formatTabwriter([...lines, ...(events === null ? ['Events:\t<none>'] : [])], TAB);
  return events === null ? body.replace(/\n$/, '') : `${body}${events}`;
}

/** printController: `Kind/name` of the controller owner. */
function controlledBy(object: ApiObject): string[] {
  const ref = object.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref ? [`Controlled By:\t${ref.kind}/${ref.name}`] : [];
}

function jobText(state: ClusterState, job: ApiObject): string {
  const spec = o(job['spec']);
  const status = o(job['status']);
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  const start = status['startTime'];
  const end = status['completionTime'];
  const lines = [
    `Name:\t${job.metadata.name}`,
    `Namespace:\t${job.metadata.namespace ?? 'default'}`,
    `Selector:\t${selectorText(spec['selector'])}`,
    ...multiline('Labels', job.metadata.labels ?? {}, '='),
    ...multiline('Annotations', job.metadata.annotations ?? {}, ': '),
    ...controlledBy(job),
    ...(spec['parallelism'] !== undefined ? [`Parallelism:\t${text(spec['parallelism'])}`] : []),
    `Completions:\t${spec['completions'] !== undefined ? text(spec['completions']) : '<unset>'}`,
    ...(spec['completionMode'] !== undefined
      ? [`Completion Mode:\t${text(spec['completionMode'])}`]
      : []),
    ...(spec['suspend'] !== undefined ? [`Suspend:\t${text(spec['suspend'])}`] : []),
    ...(spec['backoffLimit'] !== undefined
      ? [`Backoff Limit:\t${text(spec['backoffLimit'])}`]
      : []),
    ...(spec['ttlSecondsAfterFinished'] !== undefined
      ? [`TTL Seconds After Finished:\t${text(spec['ttlSecondsAfterFinished'])}`]
      : []),
    ...(typeof start === 'string' ? [`Start Time:\t${rfc1123z(start)}`] : []),
    ...(typeof end === 'string' ? [`Completed At:\t${rfc1123z(end)}`] : []),
    ...(typeof start === 'string' && typeof end === 'string'
      ? [`Duration:\t${humanDuration(parseTime(end) - parseTime(start))}`]
      : []),
    ...(spec['activeDeadlineSeconds'] !== undefined
      ? [`Active Deadline Seconds:\t${text(spec['activeDeadlineSeconds'])}s`]
      : []),
    status['ready'] === undefined
      ? `Pods Statuses:\t${num(status['active'])} Active / ${num(status['succeeded'])} Succeeded / ${num(status['failed'])} Failed`
      : `Pods Statuses:\t${num(status['active'])} Active (${num(status['ready'])} Ready) / ${num(status['succeeded'])} Succeeded / ${num(status['failed'])} Failed`,
    ...podTemplateLines(spec['template']),
  ];
  return withEvents(state, job, lines);
}

function cronJobText(state: ClusterState, cj: ApiObject): string {
  const spec = o(cj['spec']);
  const status = o(cj['status']);
  const jobSpec = o(o(spec['jobTemplate'])['spec']);
  const unset = (v: unknown, suffix = ''): string =>
    v === undefined ? '<unset>' : `${text(v)}${suffix}`;
  const suspend = spec['suspend'];
  const active = arr(status['active']).map((r) => text(r['name']));
  const last = status['lastScheduleTime'];
  const lines = [
    `Name:\t${cj.metadata.name}`,
    `Namespace:\t${cj.metadata.namespace ?? 'default'}`,
    ...multiline('Labels', cj.metadata.labels ?? {}, '='),
    ...multiline('Annotations', cj.metadata.annotations ?? {}, ': '),
    `Schedule:\t${text(spec['schedule'])}`,
    `Concurrency Policy:\t${text(spec['concurrencyPolicy'])}`,
    `Suspend:\t${typeof suspend === 'boolean' ? (suspend ? 'True' : 'False') : '<unset>'}`,
    `Successful Job History Limit:\t${unset(spec['successfulJobsHistoryLimit'])}`,
    `Failed Job History Limit:\t${unset(spec['failedJobsHistoryLimit'])}`,
    `Starting Deadline Seconds:\t${unset(spec['startingDeadlineSeconds'], 's')}`,
    `Selector:\t${jobSpec['selector'] !== undefined ? selectorText(jobSpec['selector']) : '<unset>'}`,
    `Parallelism:\t${unset(jobSpec['parallelism'])}`,
    `Completions:\t${unset(jobSpec['completions'])}`,
    ...(jobSpec['activeDeadlineSeconds'] !== undefined
      ? [`Active Deadline Seconds:\t${text(jobSpec['activeDeadlineSeconds'])}s`]
      : []),
    ...podTemplateLines(jobSpec['template']),
    `Last Schedule Time:\t${typeof last === 'string' ? rfc1123z(last) : '<unset>'}`,
    `Active Jobs:\t${active.length === 0 ? '<none>' : active.join(', ')}`,
  ];
  return withEvents(state, cj, lines);
}

/** Prints `kubectl describe job|cronjob [NAME…]` (every one of the namespace without names). */
export function describeBatch(
  inv: Invocation,
  p: ParsedFlags,
  resource: 'jobs.batch' | 'cronjobs.batch',
  names: readonly string[],
): number {
  const state = inv.ctx.state;
  return describeEach(inv, resource, str(p, 'namespace') ?? 'default', names, (obj) =>
    resource === 'jobs.batch' ? jobText(state, obj) : cronJobText(state, obj),
  );
}
