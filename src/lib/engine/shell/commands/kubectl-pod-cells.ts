/**
 * The pods table row of a Pod served from its object (a reader's workload Pod): READY from the
 * container statuses, STATUS from the phase or the waiting reason (Terminating once deleted), AGE,
 * IP and NODE.
 *
 * upstream: pkg/printers/internalversion/printers.go (printPod: reason from
 * containerStatuses[].state.waiting.reason, "<none>" for an empty IP or node).
 */
import { parseTime, type ApiObject } from '../../src/index.ts';
import { humanDuration } from '../format.ts';

type Obj = Record<string, unknown>;

/** NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES. */
export function podCells(o: ApiObject, now: number): string[] {
  const status = (o['status'] ?? {}) as Obj;
  const spec = (o['spec'] ?? {}) as Obj;
  const containers = (spec['containers'] ?? []) as readonly Obj[];
  const statuses = (status['containerStatuses'] ?? []) as readonly Obj[];
  const ready = statuses.filter((c) => c['ready'] === true).length;
  // printPod: the last container's waiting or terminated reason (ExitCode:N without one).
  const waiting = [...statuses]
    .reverse()
    .map((c) => {
      const state = (c['state'] ?? {}) as Obj;
      const w = state['waiting'] as Obj | undefined;
      const t = state['terminated'] as Obj | undefined;
      if (typeof w?.['reason'] === 'string' && w['reason'] !== '') return w['reason'];
      if (t === undefined) return undefined;
      return typeof t['reason'] === 'string' && t['reason'] !== ''
        ? t['reason']
        : `ExitCode:${typeof t['exitCode'] === 'number' ? t['exitCode'] : 0}`;
    })
    .find((r) => typeof r === 'string');
  const phase = typeof status['phase'] === 'string' ? status['phase'] : 'Pending';
  const restarts = statuses.reduce((n, c) => n + Number(c['restartCount'] ?? 0), 0);
  const created = parseTime(o.metadata.creationTimestamp);
  const ip = typeof status['podIP'] === 'string' ? status['podIP'] : '<none>';
  const node = typeof spec['nodeName'] === 'string' ? spec['nodeName'] : '<none>';
  // printPod: a Pod being deleted shows Terminating ("Unknown" when its node was lost, NodeLost).
  const deleting =
    o.metadata.deletionTimestamp !== undefined && phase !== 'Succeeded' && phase !== 'Failed';
  const reason = deleting
    ? status['reason'] === 'NodeLost'
      ? 'Unknown'
      : 'Terminating'
    : typeof waiting === 'string'
      ? waiting
      : phase;
  return [
    o.metadata.name,
    `${ready}/${containers.length}`,
    reason,
    String(restarts),
    humanDuration(now - created),
    ip,
    node,
    '<none>',
    '<none>',
  ];
}
