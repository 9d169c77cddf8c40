/**
 * How many Nodes each zone has (the length of handleDisruption's zoneToNodeConditions: Nodes
 * labelled node.kubernetes.io/exclude-disruption left out), counted once per version of the
 * Node table and remembered: the node lifecycle controller asks only while some Node is not
 * Ready, and a pass that changed no Node costs nothing here.
 */
import type { ClusterState } from '../model/state.ts';
import { scanStored } from '../store/buckets.ts';
import { EXCLUDE_DISRUPTION_LABEL, zoneKey } from './zone-state.ts';

const counted = new WeakMap<object, Readonly<Record<string, number>>>();

/** How many times the zone sizes were counted (for tests that check the controller's work). */
export const zoneCounting = { scans: 0 };

/** Zone → number of Nodes counted in it. */
export function zoneSizes(state: ClusterState): Readonly<Record<string, number>> {
  const store = state.cluster?.objects;
  const table = store?.resources['nodes'];
  if (!table) return {};
  const hit = counted.get(table);
  if (hit) return hit;
  zoneCounting.scans++;
  const sizes: Record<string, number> = {};
  for (const o of scanStored(store, 'nodes')) {
    const labels = o.metadata.labels;
    if (labels !== undefined && Object.hasOwn(labels, EXCLUDE_DISRUPTION_LABEL)) continue;
    const zone = zoneKey(labels);
    sizes[zone] = (Object.hasOwn(sizes, zone) ? (sizes[zone] ?? 0) : 0) + 1;
  }
  counted.set(table, sizes);
  return sizes;
}
