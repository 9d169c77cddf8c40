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
  listNodes,
  listPods,
  parseTime,
  tableColumns,
  type ApiObject,
  type ClusterState,
  type Cell,
} from '../../src/index.ts';
import { formatTable, humanDuration } from '../format.ts';
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
  return typeof cell === 'string' ? cell : humanDuration(now - parseTime(cell.since));
}

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

type Rows = { header: string[]; rows: (o: ApiObject) => string[] };

/** Nodes and Pods print from the views (their objects do not yet carry every column's field). */
function viewRows(state: ClusterState, id: string, wide: boolean): Rows | null {
  if (id === 'nodes') {
    const byName = new Map(listNodes(state).map((r) => [r.name, r]));
    return {
      header: [
        'NAME',
        'STATUS',
        'ROLES',
        'AGE',
        'VERSION',
        ...(wide
          ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']
          : []),
      ],
      rows: (o) => {
        const r = byName.get(o.metadata.name);
        if (!r) return [o.metadata.name];
        return [
          r.name,
          r.status,
          r.roles,
          humanDuration(r.ageMs),
          r.version,
          ...(wide ? [r.internalIP, '<none>', r.osImage, r.kernel, r.runtime] : []),
        ];
      },
    };
  }
  if (id === 'pods') {
    const byKey = new Map(listPods(state, null).map((r) => [`${r.namespace}/${r.name}`, r]));
    return {
      header: [
        'NAME',
        'READY',
        'STATUS',
        'RESTARTS',
        'AGE',
        ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : []),
      ],
      rows: (o) => {
        const r = byKey.get(`${o.metadata.namespace ?? ''}/${o.metadata.name}`);
        if (!r) return [o.metadata.name];
        return [
          r.name,
          r.ready,
          r.status,
          r.lastRestartAgoMs === undefined
            ? String(r.restarts)
            : `${r.restarts} (${humanDuration(r.lastRestartAgoMs)} ago)`,
          humanDuration(r.ageMs),
          ...(wide ? [r.ip, r.node, '<none>', '<none>'] : []),
        ];
      },
    };
  }
  return null;
}

function rowsFor(state: ClusterState, s: Selection, wide: boolean): Rows {
  const view = viewRows(state, s.type.id, wide);
  if (view) return view;
  const cols = s.type.custom
    ? [
        { header: 'NAME', cell: (o: ApiObject): Cell => o.metadata.name },
        { header: 'AGE', cell: (o: ApiObject): Cell => ({ since: o.metadata.creationTimestamp }) },
      ]
    : tableColumns(s.type.id, wide);
  return {
    header: cols.map((c) => c.header),
    rows: (o) => cols.map((c) => cellText(c.cell(o), state.now)),
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
    const { header, rows } = rowsFor(state, s, opts.wide);
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
    blocks.push(
      opts.noHeaders ? formatTable(body[0] ?? [], body.slice(1)) : formatTable(head, body),
    );
  }
  return blocks.join('\n\n');
}
