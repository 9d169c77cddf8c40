/**
 * `kubectl get`'s human-readable tables over selected objects: the server's columns per
 * resource (src/store/columns.ts; Nodes and Pods from the cluster views until they are stored
 * objects), then kubectl's own decorations: NAMESPACE with -A, `type/` name prefixes when
 * several types print, LABELS with --show-labels, no header with --no-headers; one table per
 * type, separated by a blank line.
 *
 * upstream: staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go (printTable,
 * decorateTable: NAMESPACE and LABELS columns, WithKind name prefix, labels.FormatLabels),
 * staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (a blank line between resource kinds),
 * apiextensions-apiserver tableconvertor (NAME, AGE for a CRD without printer columns).
 */
import {
  findCsr,
  listPods,
  parseTime,
  tableColumns,
  type ApiObject,
  type ApiResourceType,
  type ClusterState,
  type Cell,
} from '../../src/index.ts';
import { humanDuration } from '../format.ts';
import { podCells } from './kubectl-pod-cells.ts';
import { tabwrite } from './kubectl-tabwriter.ts';
import type { Selection } from './kubectl-get-select.ts';

/** How the tables are decorated. */
export interface TableOptions {
  readonly wide: boolean;
  readonly allNamespaces: boolean;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
  /** Prefix names with `kind.group/` (several types, `all`, or TYPE/NAME arguments). */
  readonly withKind: boolean;
}

function cellText(cell: Cell, now: number): string {
  if (typeof cell === 'string') return cell;
  const end = cell.until !== undefined ? parseTime(cell.until) : now;
  return humanDuration(end - parseTime(cell.since));
}

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

/** A resource's table: every column (with whether only `-o wide` shows it) and each row's cells. */
export interface ResourceTable {
  readonly columns: ReadonlyArray<{ readonly name: string; readonly wide: boolean }>;
  readonly cells: (o: ApiObject) => string[];
}

const col = (names: readonly string[], wide: boolean) => names.map((name) => ({ name, wide }));

type NodeFields = {
  readonly spec?: { readonly unschedulable?: boolean };
  readonly status?: {
    readonly conditions?: readonly { readonly type?: string; readonly status?: string }[];
    readonly addresses?: readonly { readonly type?: string; readonly address?: string }[];
    readonly nodeInfo?: Readonly<Record<string, string>>;
  };
};

const rolesCache = new WeakMap<object, string>();

/** findNodeRoles: the sorted roles of a Node's labels, or <none> (kept per labels object). */
function nodeRoles(labels: Readonly<Record<string, string>>): string {
  const hit = rolesCache.get(labels);
  if (hit !== undefined) return hit;
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  const text = roles.size > 0 ? [...roles].sort().join(',') : '<none>';
  rolesCache.set(labels, text);
  return text;
}

/**
 * printNode (pkg/printers/internalversion/printers.go): STATUS from the Ready condition
 * ("NotReady" unless True, "Unknown" without one, ",SchedulingDisabled" when cordoned), ROLES
 * from the node-role.kubernetes.io/<role> labels and kubernetes.io/role (findNodeRoles, sorted),
 * INTERNAL-IP and EXTERNAL-IP from the addresses, the rest from nodeInfo.
 */
function nodeCells(o: ApiObject, now: number): string[] {
  const { spec, status } = o as unknown as NodeFields;
  const ready = status?.conditions?.find((c) => c.type === 'Ready');
  const state = ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
  const address = (type: string): string =>
    status?.addresses?.find((a) => a.type === type)?.address || '<none>';
  const info = status?.nodeInfo ?? {};
  return [
    o.metadata.name,
    `${state}${spec?.unschedulable === true ? ',SchedulingDisabled' : ''}`,
    nodeRoles(o.metadata.labels ?? {}),
    humanDuration(now - parseTime(o.metadata.creationTimestamp)),
    info['kubeletVersion'] ?? '',
    address('InternalIP'),
    address('ExternalIP'),
    info['osImage'] || '<unknown>',
    info['kernelVersion'] || '<unknown>',
    info['containerRuntimeVersion'] || '<unknown>',
  ];
}

/**
 * Nodes, Pods and CertificateSigningRequests print from the views (their objects do not yet carry
 * every column's field).
 */
function viewTable(state: ClusterState, id: string): ResourceTable | null {
  if (id === 'nodes') {
    return {
      columns: [
        ...col(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], false),
        ...col(
          ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
          true,
        ),
      ],
      cells: (o) => nodeCells(o, state.now),
    };
  }
  if (id === 'pods') {
    const byKey = new Map(listPods(state, null).map((r) => [`${r.namespace}/${r.name}`, r]));
    return {
      columns: [
        ...col(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], false),
        ...col(['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'], true),
      ],
      cells: (o) => {
        const r = byKey.get(`${o.metadata.namespace ?? ''}/${o.metadata.name}`);
        if (!r) return podCells(o, state.now);
        return [
          r.name,
          r.ready,
          r.status,
          r.lastRestartAgoMs === undefined
            ? String(r.restarts)
            : `${r.restarts} (${humanDuration(r.lastRestartAgoMs)} ago)`,
          humanDuration(r.ageMs),
          r.ip,
          r.node,
          '<none>',
          '<none>',
        ];
      },
    };
  }
  if (id === 'certificatesigningrequests.certificates.k8s.io') {
    // The stored CSR's record says whether it was issued (status.certificate is not kept).
    return {
      columns: col(
        ['NAME', 'AGE', 'SIGNERNAME', 'REQUESTOR', 'REQUESTEDDURATION', 'CONDITION'],
        false,
      ),
      cells: (o) => {
        const c = findCsr(state, o.metadata.name);
        if (!c) return [o.metadata.name, '', '', '', '', ''];
        return [
          c.name,
          humanDuration(state.now - c.createdAt),
          c.signerName,
          c.requestor,
          c.requestedDurationMs === null ? '<none>' : humanDuration(c.requestedDurationMs),
          c.condition,
        ];
      },
    };
  }
  return null;
}

/** The table of a resource type as the server converts it (printers.go handlers). */
export function resourceTable(state: ClusterState, type: ApiResourceType): ResourceTable {
  const view = viewTable(state, type.id);
  if (view) return view;
  const cols = type.custom
    ? [
        { header: 'NAME', cell: (o: ApiObject): Cell => o.metadata.name },
        { header: 'AGE', cell: (o: ApiObject): Cell => ({ since: o.metadata.creationTimestamp }) },
      ]
    : tableColumns(type.id, true);
  return {
    columns: cols.map((c) => ({ name: c.header, wide: 'wide' in c && c.wide === true })),
    cells: (o) => cols.map((c) => cellText(c.cell(o), state.now)),
  };
}

/** One table per selection with objects, joined by blank lines (no trailing newline). */
export function renderTables(
  state: ClusterState,
  selections: readonly Selection[],
  opts: TableOptions,
): string {
  const blocks: string[] = [];
  for (const s of selections) {
    if (s.objects.length === 0) continue;
    const table = resourceTable(state, s.type);
    const shown = table.columns.map((c) => opts.wide || !c.wide);
    const header = table.columns.filter((_, i) => shown[i]).map((c) => c.name);
    const rows = (o: ApiObject): string[] => table.cells(o).filter((_, i) => shown[i]);
    const withNs = opts.allNamespaces && s.type.namespaced;
    const body = s.objects.map((o) => {
      const cells = rows(o);
      if (opts.withKind) cells[0] = `${s.type.namePrefix}/${cells[0] ?? ''}`;
      return [
        ...(withNs ? [o.metadata.namespace ?? ''] : []),
        ...cells,
        ...(opts.showLabels ? [formatLabels(o.metadata.labels)] : []),
      ];
    });
    const head = [
      ...(withNs ? ['NAMESPACE'] : []),
      ...header,
      ...(opts.showLabels ? ['LABELS'] : []),
    ];
    blocks.push(tabwrite(opts.noHeaders ? body : [head, ...body]));
  }
  return blocks.join('\n\n');
}
