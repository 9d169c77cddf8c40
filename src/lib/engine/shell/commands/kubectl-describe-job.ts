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
import { parseTime, type ApiObject, type ClusterState } from '../../src/index.ts';
import { humanDuration, rfc1123z } from '../format.ts';
import { describedText, refOf, type DescribeSettings } from './kubectl-describe-events.ts';
import {
  annotationLines,
  controlledByLines,
  multiline,
  selectorText,
} from './kubectl-describe-maps.ts';
import { podTemplateLines } from './kubectl-describe-template.ts';
import { o, arr, text } from './kubectl-describe-fields.ts';

/** describeJob's text. */
export function jobText(state: ClusterState, job: ApiObject, settings: DescribeSettings): string {
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
    ...annotationLines('Annotations', job.metadata.annotations ?? {}),
    ...controlledByLines(job),
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
    ...podTemplateLines(spec['template'], settings.kubectlMinor),
  ];
  return describedText(state, lines, settings.showEvents ? refOf(job) : null);
}

/** describeCronJob's text. */
export function cronJobText(
  state: ClusterState,
  cj: ApiObject,
  settings: DescribeSettings,
): string {
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
    ...annotationLines('Annotations', cj.metadata.annotations ?? {}),
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
    ...podTemplateLines(jobSpec['template'], settings.kubectlMinor),
    `Last Schedule Time:\t${typeof last === 'string' ? rfc1123z(last) : '<unset>'}`,
    `Active Jobs:\t${active.length === 0 ? '<none>' : active.join(', ')}`,
  ];
  return describedText(state, lines, settings.showEvents ? refOf(cj) : null);
}
