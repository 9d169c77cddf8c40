/**
 * The Job REST strategy's create step and the batch/v1 defaults the API server applies to Jobs
 * and CronJobs. On create, unless `spec.manualSelector` is true, the selector and the Pod
 * template's labels are generated from the Job's uid and name (`batch.kubernetes.io/
 * controller-uid`, `batch.kubernetes.io/job-name`, and the legacy `controller-uid`, `job-name`);
 * a Job without labels of its own shows its template's labels (SetDefaults_Job aliases the two
 * maps, so the generated labels appear on the Job too).
 *
 * upstream (v1.33): pkg/registry/batch/job/strategy.go (PrepareForCreate, generateSelector),
 * pkg/apis/batch/v1/defaults.go (SetDefaults_Job: completions and parallelism 1, backoffLimit 6,
 * completionMode NonIndexed, suspend false, podReplacementPolicy TerminatingOrFailed (Failed
 * with a podFailurePolicy), manualSelector false; SetDefaults_CronJob: concurrencyPolicy
 * Allow, suspend false, successfulJobsHistoryLimit 3, failedJobsHistoryLimit 1).
 */
import type { Json, NewObject } from '../store/types.ts';
import { isObj, objAt, type JsonObject } from '../store/json-fields.ts';

type Obj = JsonObject;

/** SetDefaults_Job's JobSpec fields (the Pod template is defaulted by the caller). */
export function jobSpecDefaults(spec: Obj): Obj {
  const both = spec['completions'] === undefined && spec['parallelism'] === undefined;
  // Missing fields only, after the given ones: a defaulted spec keeps its key order when it
  // is written again (the store compares specs to bump the generation).
  const defaults: Obj = {
    ...(both ? { completions: 1 } : {}),
    parallelism: 1,
    backoffLimit: spec['backoffLimitPerIndex'] !== undefined ? 2147483647 : 6,
    completionMode: 'NonIndexed',
    suspend: false,
    podReplacementPolicy: spec['podFailurePolicy'] !== undefined ? 'Failed' : 'TerminatingOrFailed',
    manualSelector: false,
  };
  return { ...spec, ...Object.fromEntries(Object.entries(defaults).filter(([k]) => !(k in spec))) };
}

/** SetDefaults_CronJob's CronJobSpec fields. */
export function cronJobSpecDefaults(spec: Obj): Obj {
  return {
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    ...spec,
  };
}

/** The Job `o` as the strategy stores it on create, with `uid` its new uid. */
export function prepareJobForCreate(o: NewObject, uid: string): NewObject {
  const spec = isObj(o['spec'] as Json) ? (o['spec'] as Obj) : {};
  if (spec['manualSelector'] === true) return o;
  const template = objAt(spec, 'template');
  const meta = objAt(template, 'metadata');
  const own = objAt(meta, 'labels') as Readonly<Record<string, string>>;
  const name = o.metadata.name;
  const labels: Record<string, string> = { ...own };
  for (const k of ['job-name', 'batch.kubernetes.io/job-name']) labels[k] ??= name;
  for (const k of ['controller-uid', 'batch.kubernetes.io/controller-uid']) labels[k] ??= uid;
  const selector = objAt(spec, 'selector');
  const matchLabels = objAt(selector, 'matchLabels');
  const jobLabels = o.metadata.labels ?? {};
  return {
    ...o,
    metadata: {
      ...o.metadata,
      labels: Object.keys(jobLabels).length === 0 ? labels : jobLabels,
    },
    spec: {
      ...spec,
      selector: {
        ...selector,
        matchLabels: { 'batch.kubernetes.io/controller-uid': uid, ...matchLabels },
      },
      template: { ...template, metadata: { ...meta, labels } },
    },
  };
}
