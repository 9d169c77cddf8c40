/**
 * The API server's validation of Jobs and CronJobs on create, for the mistakes readers make: a
 * Pod template whose restartPolicy is not OnFailure or Never (a Job's Pods must end), a CronJob
 * schedule robfig/cron cannot parse, an unknown spec.timeZone, a CronJob name too long for its
 * Jobs' names. The Status message is `<Kind>.batch "<name>" is invalid: <field errors>` (one
 * error as is, several as `[a, b]`), each cause a field path and its message.
 *
 * upstream (v1.33): pkg/apis/batch/validation/validation.go (validateJobSpec: restartPolicy
 * NotSupported; validateCronJobSpec, validateScheduleFormat, validateTimeZone,
 * ValidateCronJobCreate: "must be no more than 52 characters"),
 * staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (Invalid, NotSupported
 * wording), staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NewInvalid).
 */
import { knownZone, parseCron } from '../controllers/cron-schedule.ts';
import type { Json } from '../store/types.ts';

type Obj = { readonly [k: string]: Json };

/** One field error: its path and the error text after the path. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

const o = (v: Json | undefined): Obj =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};

function restartPolicy(jobSpec: Obj, path: string): FieldError[] {
  const policy = o(o(jobSpec['template'])['spec'])['restartPolicy'];
  const value = typeof policy === 'string' ? policy : 'Always';
  if (value === 'OnFailure' || value === 'Never') return [];
  return [
    {
      field: `${path}.template.spec.restartPolicy`,
      message: `Unsupported value: "${value}": supported values: "OnFailure", "Never"`,
    },
  ];
}

/** The field errors of a Job or CronJob about to be created (none: valid). */
export function batchFieldErrors(kind: string, object: Obj): FieldError[] {
  const spec = o(object['spec']);
  if (kind === 'Job') return restartPolicy(spec, 'spec');
  if (kind !== 'CronJob') return [];
  const errors: FieldError[] = [];
  const name = o(object['metadata'])['name'];
  if (typeof name === 'string' && name.length > 52)
    errors.push({
      field: 'metadata.name',
      message: `Invalid value: "${name}": must be no more than 52 characters`,
    });
  const schedule = spec['schedule'];
  if (typeof schedule !== 'string' || schedule === '')
    errors.push({ field: 'spec.schedule', message: 'Required value' });
  else
    try {
      parseCron(schedule);
    } catch (error) {
      errors.push({
        field: 'spec.schedule',
        message: `Invalid value: "${schedule}": ${(error as Error).message}`,
      });
    }
  errors.push(...restartPolicy(o(o(spec['jobTemplate'])['spec']), 'spec.jobTemplate.spec'));
  const tz = spec['timeZone'];
  if (typeof tz === 'string' && !knownZone(tz))
    errors.push({
      field: 'spec.timeZone',
      message: `Invalid value: "${tz}": unknown time zone ${tz}`,
    });
  return errors;
}

/** NewInvalid's Status message for `errors` (ToAggregate: one as is, several in brackets). */
export function invalidMessage(kind: string, name: string, errors: readonly FieldError[]): string {
  const texts = errors.map((e) => `${e.field}: ${e.message}`);
  const all = texts.length === 1 ? (texts[0] ?? '') : `[${texts.join(', ')}]`;
  return `${kind}.batch "${name}" is invalid: ${all}`;
}
