/**
 * The Job `kubectl create job NAME --image=IMAGE [-- COMMAND [args…]]` builds (one container
 * named after the Job, restartPolicy Never), the Job `--from=cronjob/NAME` instantiates from a
 * CronJob's jobTemplate (annotation cronjob.kubernetes.io/instantiate: manual, the template's
 * labels and annotations, an ownerReference to the CronJob without blockOwnerDeletion), and the
 * CronJob `kubectl create cronjob NAME --image=IMAGE --schedule=CRON [--restart=POLICY]
 * [-- COMMAND…]` builds (jobTemplate named after it, restartPolicy OnFailure by default). Keys in
 * the Go field order of the typed objects (`-o json` prints them so).
 *
 * upstream (v1.33): staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go (Validate: "either
 * --image or --from must be specified", "cannot specify --from and command"; Run: "from must be
 * an existing cronjob"; createJobFromCronJob), create_cronjob.go (--image and --schedule are
 * required flags; Restart defaults to OnFailure), create.go NameFromCommandArgs (the NAME count
 * stops at `--`).
 */
import type { Json } from '../../src/index.ts';
import { getObject } from '../../src/index.ts';
import { list, str, type FlagSpec, type ParsedFlags } from '../flags.ts';
import type { Invocation } from '../types.ts';
import type { Built } from './kubectl-create-data.ts';

type Obj = Record<string, Json>;

/** Flags of `create job`. */
export const JOB_FLAGS: FlagSpec[] = [
  // 'strings' like create deployment's --image (the verb parses every generator's flags);
  // a StringVar keeps the last value.
  { name: 'image', type: 'strings', usage: 'Image name to run.' },
  {
    name: 'from',
    type: 'string',
    usage: 'The name of the resource to create a Job from (only CronJob is supported).',
  },
];

/** Flags of `create cronjob`. */
export const CRONJOB_FLAGS: FlagSpec[] = [
  // 'strings' like create deployment's --image (the verb parses every generator's flags);
  // a StringVar keeps the last value.
  { name: 'image', type: 'strings', usage: 'Image name to run.' },
  {
    name: 'schedule',
    type: 'string',
    usage: 'A schedule in the Cron format the job should be run with.',
  },
  {
    name: 'restart',
    type: 'string',
    usage: "job's restart policy. supported values: OnFailure, Never",
  },
];

/** The last `--image` given (pflag's StringVar keeps the last). */
const imageOf = (p: ParsedFlags): string | undefined => list(p, 'image').at(-1);

/** The metadata of a generated object: name, the namespace when -n was given. */
function meta(name: string, p: ParsedFlags): Obj {
  const ns = str(p, 'namespace');
  return { name, ...(ns !== undefined ? { namespace: ns } : {}), creationTimestamp: null };
}

function container(name: string, image: string, command: readonly string[]): Obj {
  return { name, image, ...(command.length > 0 ? { command: [...command] } : {}), resources: {} };
}

/** The Job `create job NAME` builds (`command`: the words after `--`). */
export function buildJob(
  inv: Invocation,
  p: ParsedFlags,
  name: string,
  command: readonly string[],
): Built {
  const image = imageOf(p) ?? '';
  const from = str(p, 'from') ?? '';
  if ((image === '') === (from === ''))
    return { error: 'either --image or --from must be specified' };
  if (command.length > 0 && from !== '') return { error: 'cannot specify --from and command' };
  if (image !== '')
    return {
      object: {
        kind: 'Job',
        apiVersion: 'batch/v1',
        metadata: meta(name, p),
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: { containers: [container(name, image, command)], restartPolicy: 'Never' },
          },
        },
        status: {},
      },
    };
  return fromCronJob(inv, p, name, from);
}

function fromCronJob(inv: Invocation, p: ParsedFlags, name: string, from: string): Built {
  const [kind = '', cj = ''] = from.includes('/') ? from.split('/', 2) : [from, ''];
  const ns = str(p, 'namespace') ?? 'default';
  if (!['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(kind))
    return {
      error: `the server doesn't have a resource type "${kind}"`,
    };
  const o = getObject(inv.ctx.state, 'cronjobs.batch', ns, cj);
  if (!o) return { error: `Error from server (NotFound): cronjobs.batch "${cj}" not found` };
  const spec = (o['spec'] ?? {}) as Obj;
  const jt = (spec['jobTemplate'] ?? {}) as Obj;
  const jtMeta = (jt['metadata'] ?? {}) as Obj;
  const annotations = {
    'cronjob.kubernetes.io/instantiate': 'manual',
    ...((jtMeta['annotations'] ?? {}) as Obj),
  };
  const labels = jtMeta['labels'];
  return {
    object: {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: {
        name,
        ...(str(p, 'namespace') !== undefined ? { namespace: ns } : {}),
        creationTimestamp: null,
        ...(labels !== undefined ? { labels } : {}),
        annotations,
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: o.metadata.name,
            uid: o.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: jt['spec'] ?? {},
      status: {},
    },
  };
}

/** The CronJob `create cronjob NAME` builds. */
export function buildCronJob(p: ParsedFlags, name: string, command: readonly string[]): Built {
  const missing = ['image', 'schedule'].filter((f) =>
    f === 'image' ? p.values['image'] === undefined : str(p, f) === undefined,
  );
  if (missing.length > 0)
    return { error: `required flag(s) ${missing.map((f) => `"${f}"`).join(', ')} not set` };
  return {
    object: {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: meta(name, p),
      spec: {
        schedule: str(p, 'schedule') ?? '',
        jobTemplate: {
          metadata: { name, creationTimestamp: null },
          spec: {
            template: {
              metadata: { creationTimestamp: null },
              spec: {
                containers: [container(name, imageOf(p) ?? '', command)],
                restartPolicy: str(p, 'restart') || 'OnFailure',
              },
            },
          },
        },
      },
      status: {},
    },
  };
}
