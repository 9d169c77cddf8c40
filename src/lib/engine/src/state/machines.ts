/**
 * Reading and writing `state.machines` (a KeyedMap, src/model/keyed-map.ts): one machine is
 * looked up and replaced in O(1), so a command on one machine costs the same in a cluster of
 * five machines and of five thousand.
 */
import type { ClusterState, Machine } from '../model/state.ts';
import {
  deleteKeyed,
  findKeyed,
  getKeyed,
  hasKeyed,
  keyedKeys,
  keyedValues,
  setKeyed,
} from '../model/keyed-map.ts';

/** The machine named `name`, or undefined. */
export function findMachine(state: ClusterState, name: string): Machine | undefined {
  return getKeyed(state.machines, name);
}

/** True when a machine named `name` exists. */
export function hasMachine(state: ClusterState, name: string): boolean {
  return hasKeyed(state.machines, name);
}

/** Every machine, in the map's (deterministic) order. O(n): for whole-world views only. */
export function machineList(state: ClusterState): Machine[] {
  return keyedValues(state.machines);
}

/** Every machine name, in the map's order. */
export function machineNames(state: ClusterState): string[] {
  return keyedKeys(state.machines);
}

/** The first machine `test` accepts (e.g. by IP), without building a list. */
export function findMachineBy(
  state: ClusterState,
  test: (m: Machine) => boolean,
): Machine | undefined {
  return findKeyed(state.machines, test);
}

/**
 * The machines' hash buckets, read-only, for caches keyed by bucket identity: a write replaces
 * only the bucket it touches, so a per-bucket summary computed once stays valid for the others.
 */
export function machineBuckets(state: ClusterState): readonly Readonly<Record<string, Machine>>[] {
  return state.machines.buckets;
}

/** A state with `machine` stored under its name (added or replaced). Copies one bucket. */
export function putMachine(state: ClusterState, machine: Machine): ClusterState {
  return { ...state, machines: setKeyed(state.machines, machine.name, machine) };
}

/** A state without the machine named `name`. */
export function removeMachine(state: ClusterState, name: string): ClusterState {
  return { ...state, machines: deleteKeyed(state.machines, name) };
}
