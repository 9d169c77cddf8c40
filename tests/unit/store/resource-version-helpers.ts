// Helpers of the resourceVersion tests (lease-resource-versions, published-resource-versions).
import { expect } from 'vitest';
import type { ApiObject, ClusterState, Session } from 'kubelife';

/** An object's resourceVersion as a number (NaN when there is none). */
export const rvOf = (o: ApiObject | null | undefined): number =>
  Number(o?.metadata.resourceVersion);

/** The store's revision: the resourceVersion of the last write. */
export const storeRv = (state: ClusterState): number => state.cluster?.objects?.rv ?? 0;

/** Runs one line, which must succeed; its stdout. */
export async function ok(s: Session, line: string): Promise<string> {
  const r = await s.run(line);
  expect(r.exitCode, `${line}\n${r.output}`).toBe(0);
  return r.stdout;
}
