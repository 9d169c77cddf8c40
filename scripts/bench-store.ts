/**
 * Benchmark: the API object store's write cost against the number of objects a resource holds.
 * For each size N it fills the store of the installed cluster (`workers-joined`) with N node
 * Leases and N Pods' worth of objects, then times single writes (one Lease renewed, one object
 * created and deleted) and one `getObject`, averaged over many operations, and prints a table.
 * A benchmark prints numbers, it asserts nothing. Run:
 * `npx node --conditions=source scripts/bench-store.ts [size …]` (default 500 5000).
 */
import { performance } from 'node:perf_hooks';
import {
  buildScenario,
  getObject,
  putObject,
  removeObject,
  type ClusterState,
  type NewObject,
} from 'kubelife';

const sizes = (process.argv.length > 2 ? process.argv.slice(2) : ['500', '5000'])
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

const LEASES = 'leases.coordination.k8s.io';

function lease(i: number, renew: string): NewObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: `node-${i}`, namespace: 'kube-node-lease' },
    spec: { holderIdentity: `node-${i}`, leaseDurationSeconds: 40, renewTime: renew },
  };
}

function pod(i: number): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `kube-proxy-${i}`, namespace: 'kube-system' },
    spec: { nodeName: `node-${i}` },
  };
}

function timeEach(ops: number, f: (i: number) => unknown): number {
  const start = performance.now();
  for (let i = 0; i < ops; i++) f(i);
  return (performance.now() - start) / ops;
}

const rows: string[][] = [];
let warmedUp = false;
// The first size also warms the JIT up: run it twice and keep the second.
for (const n of [sizes[0] ?? 500, ...sizes]) {
  let s: ClusterState = buildScenario('workers-joined');
  for (let i = 0; i < n; i++) s = putObject(putObject(s, LEASES, lease(i, 'a')), 'pods', pod(i));
  const ops = 2000;
  const renew = timeEach(ops, (i) => putObject(s, LEASES, lease(i % n, `t${i}`)));
  const create = timeEach(ops, (i) => putObject(s, 'pods', pod(n + i)));
  const del = timeEach(ops, (i) => removeObject(s, 'pods', 'kube-system', `kube-proxy-${i % n}`));
  const get = timeEach(ops, (i) => getObject(s, 'leases', 'kube-node-lease', `node-${i % n}`));
  if (rows.length === 0 && n === sizes[0] && !warmedUp) {
    warmedUp = true;
    continue;
  }
  rows.push([
    String(n),
    renew.toFixed(4),
    create.toFixed(4),
    del.toFixed(4),
    get.toFixed(4),
    (JSON.stringify(s.cluster?.objects).length / 1e6).toFixed(2),
  ]);
}
const header = [
  'objects/resource',
  'renew lease ms',
  'create pod ms',
  'delete pod ms',
  'get ms',
  'store MB',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
for (const r of [header, ...rows])
  console.log(r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  '));
