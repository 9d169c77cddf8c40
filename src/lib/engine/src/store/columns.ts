/**
 * Table columns per resource, the server-side printers kubectl shows for `get` (the per-resource
 * strategy's table convertor): pkg/printers/internalversion/printers.go AddHandlers. Resources
 * without a handler get the apiserver's default table (NAME, CREATED AT:
 * staging/src/k8s.io/apiserver/pkg/registry/rest/table.go DefaultTableConvertor).
 */
import type { ApiObject, Json } from './types.ts';
import { labelSelectorRequirements, selectorString } from '../kubectl/labels.ts';

/**
 * EXTERNAL-IP of a Service (printers.go getServiceExternalIP): spec.externalIPs for ClusterIP and
 * NodePort, `<pending>` for a LoadBalancer without an address (no load balancer here), the
 * external name for ExternalName.
 */
function serviceExternalIP(o: ApiObject): string {
  const spec = (o['spec'] ?? {}) as {
    type?: string;
    externalIPs?: string[];
    externalName?: string;
  };
  const ips = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ips.length > 0 ? ips.join(',') : '<none>';
    case 'LoadBalancer':
      return ips.length > 0 ? ips.join(',') : '<pending>';
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/**
 * A cell: text, or a duration the client formats (HumanDuration) from `since` (RFC 3339) to
 * `until` (RFC 3339, default: now): an AGE, a Job's DURATION.
 */
export type Cell = string | { readonly since: string; readonly until?: string };

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-separated. */
function accessModes(v: Json | undefined): string {
  const modes = list(v).map((m) => text(m));
  const short: readonly [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([m]) => modes.includes(m))
    .map(([, s]) => s)
    .join(',');
}

/** One column: header, whether only `-o wide` shows it, and its cell. */
export interface Column {
  readonly header: string;
  readonly wide?: boolean;
  readonly cell: (o: ApiObject) => Cell;
}

type Obj = { readonly [k: string]: Json };

const field = (o: Obj | ApiObject | undefined, ...path: string[]): Json | undefined => {
  let v: unknown = o;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Obj)[p] : undefined;
  return v as Json | undefined;
};
/** A scalar as text; objects and absent values give `fallback`. */
const text = (v: unknown, fallback = ''): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
const num = (v: Json | undefined): number => (typeof v === 'number' ? v : 0);
const list = (v: Json | undefined): readonly Json[] =>
  Array.isArray(v) ? (v as readonly Json[]) : [];
/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` for none. */
const labelString = (v: Json | undefined): string => {
  const entries = Object.entries((v ?? {}) as Record<string, string>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return entries.length === 0 ? '<none>' : entries.map(([k, x]) => `${k}=${x}`).join(',');
};
const name: Column = { header: 'NAME', cell: (o) => o.metadata.name };
const age: Column = { header: 'AGE', cell: (o) => ({ since: o.metadata.creationTimestamp }) };
const createdAt: Column = { header: 'CREATED AT', cell: (o) => o.metadata.creationTimestamp };

function containers(o: ApiObject): readonly Obj[] {
  return list(field(o, 'spec', 'template', 'spec', 'containers')) as readonly Obj[];
}
const workloadWide: readonly Column[] = [
  {
    header: 'CONTAINERS',
    wide: true,
    cell: (o) =>
      containers(o)
        .map((c) => text(c['name']))
        .join(','),
  },
  {
    header: 'IMAGES',
    wide: true,
    cell: (o) =>
      containers(o)
        .map((c) => text(c['image']))
        .join(','),
  },
  {
    header: 'SELECTOR',
    wide: true,
    cell: (o) => selectorString(labelSelectorRequirements(field(o, 'spec', 'selector')) ?? []),
  },
];

function ports(o: ApiObject): string {
  const ps = list(field(o, 'spec', 'ports')) as readonly Obj[];
  if (ps.length === 0) return '<none>';
  return ps
    .map((p) => {
      const node = p['nodePort'];
      return `${text(p['port'])}${node !== undefined ? `:${text(node)}` : ''}/${text(p['protocol'], 'TCP')}`;
    })
    .join(',');
}

function bindingSubjects(o: ApiObject, kind: string): string {
  const s = (list(o['subjects'] as Json) as readonly Obj[]).filter((x) => x['kind'] === kind);
  return s
    .map((x) =>
      kind === 'ServiceAccount' ? `${text(x['namespace'])}/${text(x['name'])}` : text(x['name']),
    )
    .join(', ');
}
const bindingColumns: readonly Column[] = [
  name,
  {
    header: 'ROLE',
    cell: (o) => `${text(field(o, 'roleRef', 'kind'))}/${text(field(o, 'roleRef', 'name'))}`,
  },
  age,
  { header: 'USERS', wide: true, cell: (o) => bindingSubjects(o, 'User') },
  { header: 'GROUPS', wide: true, cell: (o) => bindingSubjects(o, 'Group') },
  { header: 'SERVICEACCOUNTS', wide: true, cell: (o) => bindingSubjects(o, 'ServiceAccount') },
];

/** printers.go formatEndpoints: `ip:port` pairs, the first three then `+ N more...`. */
function endpointsCell(o: ApiObject): string {
  const pairs = (list(o['subsets'] as Json) as readonly Obj[]).flatMap((s) =>
    (list(s['ports']) as readonly Obj[]).flatMap((p) =>
      (list(s['addresses']) as readonly Obj[]).map((a) => `${text(a['ip'])}:${text(p['port'])}`),
    ),
  );
  if (pairs.length === 0) return '<none>';
  return pairs.length > 3
    ? `${pairs.slice(0, 3).join(',')} + ${pairs.length - 3} more...`
    : pairs.join(',');
}

/** printComponentStatus: Healthy/Unhealthy from the Healthy condition (Unknown without one). */
const componentCondition = (o: ApiObject, key: 'status' | 'message' | 'error'): string => {
  const c = list(field(o, 'conditions')).find((x) => field(x as Obj, 'type') === 'Healthy') as
    Obj | undefined;
  if (key !== 'status') return text(field(c, key));
  if (!c) return 'Unknown';
  return field(c, 'status') === 'True' ? 'Healthy' : 'Unhealthy';
};

const hasCondition = (o: ApiObject, type: string): boolean =>
  (list(field(o, 'status', 'conditions')) as readonly Obj[]).some(
    (c) => c['type'] === type && c['status'] === 'True',
  );

/** printers.go printJob's STATUS. */
function jobStatus(o: ApiObject): string {
  if (hasCondition(o, 'Complete')) return 'Complete';
  if (hasCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp !== undefined) return 'Terminating';
  if (hasCondition(o, 'Suspended')) return 'Suspended';
  if (hasCondition(o, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** printers.go printJob's COMPLETIONS. */
function jobCompletions(o: ApiObject): string {
  const succeeded = num(field(o, 'status', 'succeeded'));
  const completions = field(o, 'spec', 'completions');
  if (typeof completions === 'number') return `${succeeded}/${completions}`;
  const parallelism = num(field(o, 'spec', 'parallelism'));
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** printers.go printJob's DURATION: start to completion, or to now while running. */
function jobDuration(o: ApiObject): Cell {
  const start = field(o, 'status', 'startTime');
  const end = field(o, 'status', 'completionTime');
  if (typeof start !== 'string') return '';
  return typeof end === 'string' ? { since: start, until: end } : { since: start };
}

function cronJobContainers(o: ApiObject): readonly Obj[] {
  return list(
    field(o, 'spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers'),
  ) as readonly Obj[];
}

/** Columns by store id (printers.go); absent: the default NAME / CREATED AT table. */
export const COLUMNS: Readonly<Record<string, readonly Column[]>> = {
  // printEvent: LAST SEEN, TYPE, REASON, OBJECT (`<lower-case kind>/<name>`), MESSAGE; with
  // -o wide SUBOBJECT and SOURCE before MESSAGE, FIRST SEEN, COUNT and NAME after it.
  events: [
    {
      header: 'LAST SEEN',
      cell: (o) => ({ since: text(o['lastTimestamp'], o.metadata.creationTimestamp) }),
    },
    { header: 'TYPE', cell: (o) => text(o['type']) },
    { header: 'REASON', cell: (o) => text(o['reason']) },
    {
      header: 'OBJECT',
      cell: (o) =>
        `${text(field(o, 'involvedObject', 'kind')).toLowerCase()}/${text(field(o, 'involvedObject', 'name'))}`,
    },
    { header: 'SUBOBJECT', wide: true, cell: (o) => text(field(o, 'involvedObject', 'fieldPath')) },
    {
      header: 'SOURCE',
      wide: true,
      // formatEventSource: component (or reportingController), ", host" (or reportingInstance).
      cell: (o) => {
        const component = text(field(o, 'source', 'component')) || text(o['reportingComponent']);
        const host = text(field(o, 'source', 'host')) || text(o['reportingInstance']);
        return host === '' ? component : `${component}, ${host}`;
      },
    },
    { header: 'MESSAGE', cell: (o) => text(o['message']).trim() },
    {
      header: 'FIRST SEEN',
      wide: true,
      cell: (o) => ({ since: text(o['firstTimestamp'], o.metadata.creationTimestamp) }),
    },
    // A singleton Event of the new API has no count: 1 (printEvent).
    { header: 'COUNT', wide: true, cell: (o) => String(num(o['count'] as Json) || 1) },
    { header: 'NAME', wide: true, cell: (o) => o.metadata.name },
  ],
  namespaces: [name, { header: 'STATUS', cell: (o) => text(field(o, 'status', 'phase')) }, age],
  endpoints: [name, { header: 'ENDPOINTS', cell: endpointsCell }, age],
  services: [
    name,
    { header: 'TYPE', cell: (o) => text(field(o, 'spec', 'type'), 'ClusterIP') },
    { header: 'CLUSTER-IP', cell: (o) => text(field(o, 'spec', 'clusterIP'), '<none>') },
    { header: 'EXTERNAL-IP', cell: serviceExternalIP },
    { header: 'PORT(S)', cell: ports },
    age,
    { header: 'SELECTOR', wide: true, cell: (o) => labelString(field(o, 'spec', 'selector')) },
  ],
  'deployments.apps': [
    name,
    {
      header: 'READY',
      cell: (o) =>
        `${num(field(o, 'status', 'readyReplicas'))}/${num(field(o, 'spec', 'replicas'))}`,
    },
    { header: 'UP-TO-DATE', cell: (o) => String(num(field(o, 'status', 'updatedReplicas'))) },
    { header: 'AVAILABLE', cell: (o) => String(num(field(o, 'status', 'availableReplicas'))) },
    age,
    ...workloadWide,
  ],
  // printStatefulSet: READY is status.readyReplicas over spec.replicas.
  'statefulsets.apps': [
    name,
    {
      header: 'READY',
      cell: (o) =>
        `${num(field(o, 'status', 'readyReplicas'))}/${num(field(o, 'spec', 'replicas'))}`,
    },
    age,
    ...workloadWide.filter((c) => c.header !== 'SELECTOR'),
  ],
  // printPersistentVolumeClaim: capacity and access modes once bound to a volume; Terminating
  // once deleted; VOLUMEATTRIBUTESCLASS and VOLUMEMODE `<unset>` when the spec has none.
  persistentvolumeclaims: [
    name,
    {
      header: 'STATUS',
      cell: (o) =>
        o.metadata.deletionTimestamp !== undefined
          ? 'Terminating'
          : text(field(o, 'status', 'phase')),
    },
    { header: 'VOLUME', cell: (o) => text(field(o, 'spec', 'volumeName')) },
    {
      header: 'CAPACITY',
      cell: (o) =>
        text(field(o, 'spec', 'volumeName')) === ''
          ? ''
          : text(field(o, 'status', 'capacity', 'storage')),
    },
    {
      header: 'ACCESS MODES',
      cell: (o) =>
        text(field(o, 'spec', 'volumeName')) === ''
          ? ''
          : accessModes(field(o, 'status', 'accessModes')),
    },
    { header: 'STORAGECLASS', cell: (o) => text(field(o, 'spec', 'storageClassName')) },
    {
      header: 'VOLUMEATTRIBUTESCLASS',
      cell: (o) => text(field(o, 'spec', 'volumeAttributesClassName'), '<unset>'),
    },
    age,
    {
      header: 'VOLUMEMODE',
      wide: true,
      cell: (o) => text(field(o, 'spec', 'volumeMode'), '<unset>'),
    },
  ],
  // printControllerRevision: the controller as `<kind>.<group>/<name>`.
  'controllerrevisions.apps': [
    name,
    {
      header: 'CONTROLLER',
      cell: (o) => {
        const ref = o.metadata.ownerReferences?.find((r) => r.controller === true);
        if (!ref) return '<none>';
        const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
        return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
      },
    },
    { header: 'REVISION', cell: (o) => text(o['revision'], '0') },
    age,
  ],
  'poddisruptionbudgets.policy': [
    name,
    { header: 'MIN AVAILABLE', cell: (o) => text(field(o, 'spec', 'minAvailable'), 'N/A') },
    { header: 'MAX UNAVAILABLE', cell: (o) => text(field(o, 'spec', 'maxUnavailable'), 'N/A') },
    {
      header: 'ALLOWED DISRUPTIONS',
      cell: (o) => String(num(field(o, 'status', 'disruptionsAllowed'))),
    },
    age,
  ],
  'replicasets.apps': [
    name,
    { header: 'DESIRED', cell: (o) => String(num(field(o, 'spec', 'replicas'))) },
    { header: 'CURRENT', cell: (o) => String(num(field(o, 'status', 'replicas'))) },
    { header: 'READY', cell: (o) => String(num(field(o, 'status', 'readyReplicas'))) },
    age,
    ...workloadWide,
  ],
  'daemonsets.apps': [
    name,
    { header: 'DESIRED', cell: (o) => String(num(field(o, 'status', 'desiredNumberScheduled'))) },
    { header: 'CURRENT', cell: (o) => String(num(field(o, 'status', 'currentNumberScheduled'))) },
    { header: 'READY', cell: (o) => String(num(field(o, 'status', 'numberReady'))) },
    {
      header: 'UP-TO-DATE',
      cell: (o) => String(num(field(o, 'status', 'updatedNumberScheduled'))),
    },
    { header: 'AVAILABLE', cell: (o) => String(num(field(o, 'status', 'numberAvailable'))) },
    {
      header: 'NODE SELECTOR',
      cell: (o) => labelString(field(o, 'spec', 'template', 'spec', 'nodeSelector')),
    },
    age,
    ...workloadWide,
  ],
  // printJob, printCronJob (v1.33).
  'jobs.batch': [
    name,
    { header: 'STATUS', cell: jobStatus },
    { header: 'COMPLETIONS', cell: jobCompletions },
    { header: 'DURATION', cell: jobDuration },
    age,
    ...workloadWide,
  ],
  'cronjobs.batch': [
    name,
    { header: 'SCHEDULE', cell: (o) => text(field(o, 'spec', 'schedule')) },
    { header: 'TIMEZONE', cell: (o) => text(field(o, 'spec', 'timeZone'), '<none>') },
    {
      header: 'SUSPEND',
      cell: (o) => {
        const v = field(o, 'spec', 'suspend');
        return typeof v === 'boolean' ? (v ? 'True' : 'False') : '<unset>';
      },
    },
    { header: 'ACTIVE', cell: (o) => String(list(field(o, 'status', 'active')).length) },
    {
      header: 'LAST SCHEDULE',
      cell: (o) => {
        const t = field(o, 'status', 'lastScheduleTime');
        return typeof t === 'string' ? { since: t } : '<none>';
      },
    },
    age,
    {
      header: 'CONTAINERS',
      wide: true,
      cell: (o) =>
        cronJobContainers(o)
          .map((c) => text(c['name']))
          .join(','),
    },
    {
      header: 'IMAGES',
      wide: true,
      cell: (o) =>
        cronJobContainers(o)
          .map((c) => text(c['image']))
          .join(','),
    },
    {
      header: 'SELECTOR',
      wide: true,
      cell: (o) => labelString(field(o, 'spec', 'jobTemplate', 'spec', 'selector', 'matchLabels')),
    },
  ],
  // printers.go printComponentStatus: the Healthy condition's status, message and error.
  componentstatuses: [
    name,
    { header: 'STATUS', cell: (o) => componentCondition(o, 'status') },
    { header: 'MESSAGE', cell: (o) => componentCondition(o, 'message') },
    { header: 'ERROR', cell: (o) => componentCondition(o, 'error') },
  ],
  secrets: [
    name,
    { header: 'TYPE', cell: (o) => text(o['type'], 'Opaque') },
    { header: 'DATA', cell: (o) => String(Object.keys((o['data'] ?? {}) as Obj).length) },
    age,
  ],
  serviceaccounts: [
    name,
    { header: 'SECRETS', cell: (o) => String(list(o['secrets'] as Json).length) },
    age,
  ],
  configmaps: [
    name,
    { header: 'DATA', cell: (o) => String(Object.keys((o['data'] ?? {}) as Obj).length) },
    age,
  ],
  'leases.coordination.k8s.io': [
    name,
    { header: 'HOLDER', cell: (o) => text(field(o, 'spec', 'holderIdentity'), '') },
    age,
  ],
  'clusterrolebindings.rbac.authorization.k8s.io': bindingColumns,
  'rolebindings.rbac.authorization.k8s.io': bindingColumns,
  'priorityclasses.scheduling.k8s.io': [
    name,
    { header: 'VALUE', cell: (o) => String(num(o['value'] as Json)) },
    { header: 'GLOBAL-DEFAULT', cell: (o) => String(o['globalDefault'] === true) },
    age,
    {
      header: 'PREEMPTIONPOLICY',
      cell: (o) => text(o['preemptionPolicy'], 'PreemptLowerPriority'),
    },
  ],
  // Workload's REST storage converts tables with printers.go's handlers
  // (pkg/registry/scheduling/workload/storage/storage.go: printerstorage.TableConvertor over
  // printersinternal.AddHandlers), and GenerateTable fails for a type without a handler, so the
  // default NAME / CREATED AT table never applies. The handler's columns beyond NAME and AGE are
  // unverified (no printers.go of v1.35+ was at hand); these are the ones the simulator prints.
  'workloads.scheduling.k8s.io': [name, age],
  'endpointslices.discovery.k8s.io': [
    name,
    { header: 'ADDRESSTYPE', cell: (o) => text(o['addressType'], '') },
    {
      header: 'PORTS',
      cell: (o) =>
        (list(o['ports'] as Json) as readonly Obj[]).map((p) => text(p['port'])).join(',') ||
        '<unset>',
    },
    {
      header: 'ENDPOINTS',
      cell: (o) => {
        const ips = (list(o['endpoints'] as Json) as readonly Obj[]).flatMap((e) =>
          list(e['addresses']).map(String),
        );
        if (ips.length === 0) return '<unset>';
        return ips.length > 3
          ? `${ips.slice(0, 3).join(',')} + ${ips.length - 3} more...`
          : ips.join(',');
      },
    },
    age,
  ],
};

/** The columns `kubectl get` shows for a resource (`wide` adds the -o wide ones). */
export function tableColumns(resource: string, wide: boolean): readonly Column[] {
  const cols = COLUMNS[resource] ?? [name, createdAt];
  return cols.filter((c) => wide || c.wide !== true);
}
