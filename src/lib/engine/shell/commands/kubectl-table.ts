/**
 * `kubectl get KIND [NAME…] [-n NS | -A] [-o wide]` for every resource of the engine's API without
 * a table of its own here: the columns are the server's (src/store/columns.ts, printers.go), the
 * rows the objects listObjects returns. Messages as kubectl prints them
 * (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go: "No resources found in NS namespace.").
 */
import {
  listTyped,
  tableColumns,
  type ApiObject,
  type ApiResourceType,
  type Cell,
} from '../../src/index.ts';
import { parseTime } from '../../src/index.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import { formatTable, humanDuration } from '../format.ts';
import type { Invocation } from '../types.ts';

function text(cell: Cell, now: number): string {
  if (typeof cell === 'string') return cell;
  return humanDuration(now - parseTime(cell.since));
}

/** Prints the table; returns the exit code (1 when a named object is missing). */
export function getTable(
  inv: Invocation,
  p: ParsedFlags,
  type: ApiResourceType,
  names: readonly string[],
): number {
  const state = inv.ctx.state;
  const all = bool(p, 'all-namespaces') && names.length === 0;
  const ns = str(p, 'namespace') ?? 'default';
  const listed = listTyped(state, type, type.namespaced && !all ? ns : null);
  const found: ApiObject[] =
    names.length > 0
      ? names.flatMap((n) => listed.filter((o) => o.metadata.name === n))
      : [...listed];
  for (const n of names.filter((x) => !listed.some((o) => o.metadata.name === x)))
    inv.io.err(`Error from server (NotFound): ${type.id} "${n}" not found`);
  if (found.length === 0) {
    if (names.length > 0) return 1;
    inv.io.err(
      type.namespaced && !all ? `No resources found in ${ns} namespace.` : 'No resources found',
    );
    return 0;
  }
  const cols = tableColumns(type.id, str(p, 'output') === 'wide');
  const withNs = all && type.namespaced;
  inv.io.out(
    formatTable(
      [...(withNs ? ['NAMESPACE'] : []), ...cols.map((c) => c.header)],
      found.map((o) => [
        ...(withNs ? [o.metadata.namespace ?? ''] : []),
        ...cols.map((c) => text(c.cell(o), state.now)),
      ]),
    ),
  );
  return found.length === names.length || names.length === 0 ? 0 : 1;
}
