/**
 * Saved states from older versions of the engine keep loading: `migrateState` brings a parsed
 * ClusterState of any earlier shape to the current one, or refuses it with EngineError
 * InvalidState (never a crash later, in the middle of a command).
 *
 * Shape changes so far (each detected by shape, so a migration is idempotent):
 * - `machines` was a plain record `{ name: Machine }`; it is a KeyedMap (src/model/keyed-map.ts)
 *   since the 5,000-node work, so one machine's update copies one bucket, not every machine.
 */
import type { ClusterState, Machine } from '../model/state.ts';
import { isKeyedMap, keyedFromRecord } from '../model/keyed-map.ts';
import { EngineError } from '../errors.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when every value looks like a machine (named, with files), as a saved state has it. */
function machineRecord(v: Record<string, unknown>): v is Record<string, Machine> {
  return Object.entries(v).every(
    ([name, m]) => isRecord(m) && m['name'] === name && isRecord(m['files']),
  );
}

/**
 * The state in the current shape. Takes a freshly parsed object (it is not copied).
 * @throws EngineError InvalidState when it is not a ClusterState of any known shape
 */
export function migrateState(raw: unknown): ClusterState {
  if (!isRecord(raw))
    throw new EngineError('InvalidState', { reason: 'the state is not an object' });
  if (typeof raw['now'] !== 'number' || typeof raw['rng'] !== 'number')
    throw new EngineError('InvalidState', { reason: 'the state has no clock or random seed' });
  const machines = raw['machines'];
  if (isKeyedMap(machines)) return raw as unknown as ClusterState;
  if (isRecord(machines) && machineRecord(machines))
    return { ...(raw as unknown as ClusterState), machines: keyedFromRecord(machines) };
  throw new EngineError('InvalidState', { reason: 'the state has no readable machines' });
}
