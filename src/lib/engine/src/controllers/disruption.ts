/**
 * The disruption controller (pkg/controller/disruption/disruption.go v1.33, trySync and
 * updatePdbStatus): after every command, so whenever Pods change or the clock moves (an
 * eviction in flight expires after DeletionTimeout), each PodDisruptionBudget's status is
 * recomputed (store/pdb-status.ts) and written when it differs from the stored one, as
 * updatePdbStatus skips an unchanged status. A state without budgets costs one lookup.
 */
import type { ClusterState } from '../model/state.ts';
import { scanStored } from '../store/buckets.ts';
import { pdbStatus } from '../store/pdb-status.ts';
import type { ApiObject } from '../store/types.ts';
import { putObject } from '../store/write.ts';

const PDBS = 'poddisruptionbudgets.policy';
const key = (o: ApiObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** Writes the status the disruption controller computes on every budget whose status is stale. */
export function reconcileDisruptionBudgets(state: ClusterState): ClusterState {
  const pdbs = scanStored(state.cluster?.objects, PDBS);
  if (pdbs.length === 0) return state;
  let next = state;
  for (const pdb of pdbs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))) {
    if (pdb.metadata.deletionTimestamp !== undefined) continue;
    const status = pdbStatus(next, pdb);
    if (JSON.stringify(status) === JSON.stringify(pdb['status'] ?? null)) continue;
    next = putObject(next, PDBS, { ...pdb, status });
  }
  return next;
}
