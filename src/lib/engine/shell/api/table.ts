/**
 * meta.k8s.io/v1 Table responses (what `kubectl get` asks for with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`), built from the same column
 * definitions the simulator's kubectl prints (shell/commands/kubectl-get-tables.ts): wide
 * columns get priority 1, each row carries its object as PartialObjectMetadata (the default of
 * `includeObject`), the full object (`includeObject=Object`) or nothing (`None`).
 *
 * upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (Table, TableColumnDefinition,
 * TableRow, IncludeObjectPolicy), staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go.
 */
import type { ApiObject, ApiResourceType, ClusterState } from '../../src/index.ts';
import { resourceTable } from '../commands/kubectl-get-tables.ts';

type Obj = Record<string, unknown>;

/** printers.go names columns in title case; kubectl prints them upper-cased. */
function columnName(header: string): string {
  return header
    .toLowerCase()
    .replace(/(^|[\s-])([a-z])/g, (_m, sep: string, c: string) => `${sep}${c.toUpperCase()}`);
}

function rowObject(o: ApiObject, include: string): object | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

/** The Table of `objects` of one type. */
export function tableOf(
  state: ClusterState,
  type: ApiResourceType,
  objects: readonly ApiObject[],
  include: string,
  resourceVersion: string,
): Obj {
  const t = resourceTable(state, type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: t.columns.map((c, i) => ({
      name: columnName(c.name),
      type: 'string',
      format: i === 0 ? 'name' : '',
      description: '',
      priority: c.wide ? 1 : 0,
    })),
    rows: objects.map((o) => {
      const object = rowObject(o, include);
      return { cells: t.cells(o), ...(object ? { object } : {}) };
    }),
  };
}
