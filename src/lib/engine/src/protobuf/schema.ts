/**
 * Field tables of the Kubernetes protobuf encoding (generated.proto of each kind), shared by the
 * API server's decoder of client bodies (cli/api/protobuf-object.ts) and the etcd values the
 * simulator serves (etcd/protobuf-value.ts): field number → JSON name and type. Pure data.
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go,
 * staging/src/k8s.io/api/core/v1/generated.proto (ConfigMap, Secret, ServiceAccount, Namespace,
 * Service, Pod), staging/src/k8s.io/api/rbac/v1/generated.proto, api/policy/v1/generated.proto
 * (PodDisruptionBudget), staging/src/k8s.io/api/apps/v1/generated.proto (Deployment),
 * staging/src/k8s.io/api/batch/v1/generated.proto,
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto.
 */

/** How one field decodes. */
export type Field =
  | 'string'
  | 'bytes'
  | 'bool'
  | 'int'
  | 'strings'
  | 'map'
  | 'bytesmap'
  | 'quantitymap'
  | { readonly msg: Schema; readonly repeated?: boolean };

/** Field number → JSON name and decoding. */
export type Schema = Readonly<Record<number, readonly [string, Field]>>;

const LABEL_SELECTOR: Schema = {
  1: ['matchLabels', 'map'],
  2: [
    'matchExpressions',
    {
      msg: { 1: ['key', 'string'], 2: ['operator', 'string'], 3: ['values', 'strings'] },
      repeated: true,
    },
  ],
};
const INT_OR_STRING: Schema = { 1: ['type', 'int'], 2: ['intVal', 'int'], 3: ['strVal', 'string'] };
export const META: Schema = {
  1: ['name', 'string'],
  2: ['generateName', 'string'],
  3: ['namespace', 'string'],
  11: ['labels', 'map'],
  12: ['annotations', 'map'],
  13: [
    'ownerReferences',
    {
      msg: {
        5: ['apiVersion', 'string'],
        1: ['kind', 'string'],
        3: ['name', 'string'],
        4: ['uid', 'string'],
        6: ['controller', 'bool'],
        7: ['blockOwnerDeletion', 'bool'],
      },
      repeated: true,
    },
  ],
  14: ['finalizers', 'strings'],
};
const OBJECT_REF: Schema = {
  1: ['kind', 'string'],
  2: ['namespace', 'string'],
  3: ['name', 'string'],
};
const POLICY_RULE: Schema = {
  1: ['verbs', 'strings'],
  2: ['apiGroups', 'strings'],
  3: ['resources', 'strings'],
  4: ['resourceNames', 'strings'],
  5: ['nonResourceURLs', 'strings'],
};
const SUBJECT: Schema = {
  1: ['kind', 'string'],
  2: ['apiGroup', 'string'],
  3: ['name', 'string'],
  4: ['namespace', 'string'],
};
const ROLE_REF: Schema = {
  1: ['apiGroup', 'string'],
  2: ['kind', 'string'],
  3: ['name', 'string'],
};
const PORT: Schema = {
  1: ['name', 'string'],
  2: ['hostPort', 'int'],
  3: ['containerPort', 'int'],
  4: ['protocol', 'string'],
};
const RESOURCES: Schema = { 1: ['limits', 'quantitymap'], 2: ['requests', 'quantitymap'] };
const CONTAINER: Schema = {
  1: ['name', 'string'],
  2: ['image', 'string'],
  3: ['command', 'strings'],
  4: ['args', 'strings'],
  5: ['workingDir', 'string'],
  6: ['ports', { msg: PORT, repeated: true }],
  7: ['env', { msg: { 1: ['name', 'string'], 2: ['value', 'string'] }, repeated: true }],
  8: ['resources', { msg: RESOURCES }],
  14: ['imagePullPolicy', 'string'],
  13: ['terminationMessagePath', 'string'],
  20: ['terminationMessagePolicy', 'string'],
  16: ['stdin', 'bool'],
  18: ['tty', 'bool'],
};
const TOLERATION: Schema = {
  1: ['key', 'string'],
  2: ['operator', 'string'],
  3: ['value', 'string'],
  4: ['effect', 'string'],
  5: ['tolerationSeconds', 'int'],
};
const POD_SPEC: Schema = {
  2: ['containers', { msg: CONTAINER, repeated: true }],
  3: ['restartPolicy', 'string'],
  4: ['terminationGracePeriodSeconds', 'int'],
  6: ['dnsPolicy', 'string'],
  7: ['nodeSelector', 'map'],
  8: ['serviceAccountName', 'string'],
  10: ['nodeName', 'string'],
  14: ['securityContext', { msg: {} }],
  19: ['schedulerName', 'string'],
  20: ['initContainers', { msg: CONTAINER, repeated: true }],
  22: ['tolerations', { msg: TOLERATION, repeated: true }],
};
const POD_TEMPLATE: Schema = { 1: ['metadata', { msg: META }], 2: ['spec', { msg: POD_SPEC }] };
const DEPLOYMENT_SPEC: Schema = {
  1: ['replicas', 'int'],
  2: ['selector', { msg: LABEL_SELECTOR }],
  3: ['template', { msg: POD_TEMPLATE }],
  4: ['strategy', { msg: {} }],
  5: ['minReadySeconds', 'int'],
  6: ['revisionHistoryLimit', 'int'],
  9: ['progressDeadlineSeconds', 'int'],
};
const SERVICE_PORT: Schema = {
  1: ['name', 'string'],
  2: ['protocol', 'string'],
  3: ['port', 'int'],
  4: ['targetPort', { msg: INT_OR_STRING }],
  5: ['nodePort', 'int'],
};
const SERVICE_SPEC: Schema = {
  1: ['ports', { msg: SERVICE_PORT, repeated: true }],
  2: ['selector', 'map'],
  3: ['clusterIP', 'string'],
  4: ['type', 'string'],
  5: ['externalIPs', 'strings'],
  7: ['sessionAffinity', 'string'],
  10: ['externalName', 'string'],
};

// staging/src/k8s.io/api/batch/v1/generated.proto (JobSpec, JobTemplateSpec, CronJobSpec).
const JOB_SPEC: Schema = {
  1: ['parallelism', 'int'],
  2: ['completions', 'int'],
  3: ['activeDeadlineSeconds', 'int'],
  4: ['selector', { msg: LABEL_SELECTOR }],
  5: ['manualSelector', 'bool'],
  6: ['template', { msg: POD_TEMPLATE }],
  7: ['backoffLimit', 'int'],
  8: ['ttlSecondsAfterFinished', 'int'],
  9: ['completionMode', 'string'],
  10: ['suspend', 'bool'],
  14: ['podReplacementPolicy', 'string'],
};
const CRONJOB_SPEC: Schema = {
  1: ['schedule', 'string'],
  2: ['startingDeadlineSeconds', 'int'],
  3: ['concurrencyPolicy', 'string'],
  4: ['suspend', 'bool'],
  5: ['jobTemplate', { msg: { 1: ['metadata', { msg: META }], 2: ['spec', { msg: JOB_SPEC }] } }],
  6: ['successfulJobsHistoryLimit', 'int'],
  7: ['failedJobsHistoryLimit', 'int'],
  8: ['timeZone', 'string'],
};

/** The kinds a POST may carry as protobuf, by kind. */
export const KINDS: Readonly<Record<string, Schema>> = {
  ConfigMap: {
    1: ['metadata', { msg: META }],
    2: ['data', 'map'],
    3: ['binaryData', 'bytesmap'],
    4: ['immutable', 'bool'],
  },
  Secret: {
    1: ['metadata', { msg: META }],
    2: ['data', 'bytesmap'],
    3: ['type', 'string'],
    4: ['stringData', 'map'],
    5: ['immutable', 'bool'],
  },
  ServiceAccount: {
    1: ['metadata', { msg: META }],
    2: ['secrets', { msg: OBJECT_REF, repeated: true }],
    3: ['imagePullSecrets', { msg: { 1: ['name', 'string'] }, repeated: true }],
    4: ['automountServiceAccountToken', 'bool'],
  },
  Namespace: {
    1: ['metadata', { msg: META }],
    2: ['spec', { msg: { 1: ['finalizers', 'strings'] } }],
  },
  Role: { 1: ['metadata', { msg: META }], 2: ['rules', { msg: POLICY_RULE, repeated: true }] },
  ClusterRole: {
    1: ['metadata', { msg: META }],
    2: ['rules', { msg: POLICY_RULE, repeated: true }],
  },
  RoleBinding: {
    1: ['metadata', { msg: META }],
    2: ['subjects', { msg: SUBJECT, repeated: true }],
    3: ['roleRef', { msg: ROLE_REF }],
  },
  ClusterRoleBinding: {
    1: ['metadata', { msg: META }],
    2: ['subjects', { msg: SUBJECT, repeated: true }],
    3: ['roleRef', { msg: ROLE_REF }],
  },
  Deployment: { 1: ['metadata', { msg: META }], 2: ['spec', { msg: DEPLOYMENT_SPEC }] },
  Service: { 1: ['metadata', { msg: META }], 2: ['spec', { msg: SERVICE_SPEC }] },
  Pod: { 1: ['metadata', { msg: META }], 2: ['spec', { msg: POD_SPEC }] },
  // policy/v1 PodDisruptionBudgetSpec: minAvailable 1, selector 2, maxUnavailable 3,
  // unhealthyPodEvictionPolicy 4.
  PodDisruptionBudget: {
    1: ['metadata', { msg: META }],
    2: [
      'spec',
      {
        msg: {
          1: ['minAvailable', { msg: INT_OR_STRING }],
          2: ['selector', { msg: LABEL_SELECTOR }],
          3: ['maxUnavailable', { msg: INT_OR_STRING }],
          4: ['unhealthyPodEvictionPolicy', 'string'],
        },
      },
    ],
  },
  Job: { 1: ['metadata', { msg: META }], 2: ['spec', { msg: JOB_SPEC }] },
  CronJob: { 1: ['metadata', { msg: META }], 2: ['spec', { msg: CRONJOB_SPEC }] },
  // authentication/v1 TokenRequestSpec: audiences 1, boundObjectRef 3, expirationSeconds 4.
  TokenRequest: {
    1: ['metadata', { msg: META }],
    2: ['spec', { msg: { 1: ['audiences', 'strings'], 4: ['expirationSeconds', 'int'] } }],
  },
};

/** Fields that are pointers (or not omitempty) in the Go types: zero values are still sent. */
export const POINTERS = new Set([
  'replicas',
  'port',
  'containerPort',
  'immutable',
  'automountServiceAccountToken',
  'terminationGracePeriodSeconds',
  'controller',
  'blockOwnerDeletion',
  // JobSpec / CronJobSpec pointers.
  'parallelism',
  'completions',
  'activeDeadlineSeconds',
  'manualSelector',
  'backoffLimit',
  'ttlSecondsAfterFinished',
  'suspend',
  'startingDeadlineSeconds',
  'successfulJobsHistoryLimit',
  'failedJobsHistoryLimit',
]);

/** One field of a message: number, wire type and value (bytes for length-delimited ones). */
export type Raw = {
  readonly field: number;
  readonly wire: number;
  readonly value: number | Uint8Array;
};

/** The fields of one protobuf message in order (fixed-width ones skipped). */
export function rawFields(buf: Uint8Array): Raw[] {
  const out: Raw[] = [];
  let i = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++] ?? 0;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0 || i >= buf.length) return v;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const wire = key % 8;
    const field = Math.floor(key / 8);
    if (wire === 0) out.push({ field, wire, value: varint() });
    else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else if (wire === 2) {
      const len = varint();
      out.push({ field, wire, value: buf.subarray(i, i + len) });
      i += len;
    } else break;
  }
  return out;
}
