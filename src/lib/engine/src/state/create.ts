/**
 * Creating and updating ClusterState without mutation: helpers copy only the path they change.
 */
import type { ClusterState, Cluster, Machine } from '../model/state.ts';
import { EngineError } from '../errors.ts';
import { emptyKeyed } from '../model/keyed-map.ts';
import { findMachine, putMachine } from './machines.ts';

/** An empty world: no machines, no cluster. */
export function createEmptyState(now: number, seed: number): ClusterState {
  return {
    schema: 1,
    now,
    rng: seed >>> 0,
    counter: 0,
    machines: emptyKeyed(),
    cluster: null,
  };
}

/** Returns the machine or throws EngineError NoSuchMachine. */
export function getMachine(state: ClusterState, name: string): Machine {
  const m = findMachine(state, name);
  if (!m) throw new EngineError('NoSuchMachine', { machine: name });
  return m;
}

/** Returns a new state whose machine `name` is replaced by `update(machine)`. */
export function updateMachine(
  state: ClusterState,
  name: string,
  update: (m: Machine) => Machine,
): ClusterState {
  const m = getMachine(state, name);
  return putMachine(state, update(m));
}

/** Returns a new state whose cluster is replaced by `update(cluster)`. */
export function updateCluster(state: ClusterState, update: (c: Cluster) => Cluster): ClusterState {
  if (!state.cluster) return state;
  return { ...state, cluster: update(state.cluster) };
}

/** A machine with a set of files added (paths absolute). */
export function writeFiles(m: Machine, files: Readonly<Record<string, string>>): Machine {
  return { ...m, files: { ...m.files, ...files } };
}

/** A machine with all files under any of `prefixes` removed. */
export function removeFiles(m: Machine, prefixes: readonly string[]): Machine {
  const files: Record<string, string> = {};
  for (const [path, content] of Object.entries(m.files)) {
    if (!prefixes.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))) {
      files[path] = content;
    }
  }
  const certs = Object.fromEntries(Object.entries(m.certs).filter(([path]) => path in files));
  return { ...m, files, certs };
}
