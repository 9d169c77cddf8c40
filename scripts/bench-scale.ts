/**
 * Benchmark: how the engine scales with cluster size. Starting from the install guide's joined
 * cluster (`workers-joined`), it prepares and joins workers one by one up to each size and prints
 * a table: the cost of one more `kubeadm join` (core transition) at that size, `kubectl get nodes`
 * through the shell, and the saved state's JSON size. A benchmark prints numbers, it asserts
 * nothing. Run: `npx node --conditions=source scripts/bench-scale.ts [size …]` (default 100 500 1000).
 */
import { performance } from 'node:perf_hooks';
import {
  apply,
  buildScenario,
  createSession,
  defaultReleaseMinor,
  type ClusterState,
  type Command,
  type SerializedState,
} from 'kubelife';
import { installPackagesCommands } from '../src/lib/engine/src/scenarios/repository.ts';
import { joinCommand } from '../src/lib/engine/src/scenarios/common.ts';

const sizes = (process.argv.length > 2 ? process.argv.slice(2) : ['100', '500', '1000'])
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 3)
  .sort((a, b) => a - b);

function step(state: ClusterState, command: Command): ClusterState {
  const t = apply(state, command);
  if (!t.ok) throw new Error(`${command.type}: ${t.error.message}`);
  return t.state;
}

/** Commands that turn a new machine into a worker ready to join (as the install guide does). */
function prepare(index: number): Command[] {
  const name = `node-${index}`;
  const ip = `10.1.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  return [
    { type: 'machine.add', spec: { name, ip, cpus: 2, memoryMiB: 4096 } },
    { type: 'swap.off', machine: name },
    { type: 'sysctl.set', machine: name, key: 'net.ipv4.ip_forward', value: '1' },
    ...installPackagesCommands(name, defaultReleaseMinor(), [
      { name: 'kubelet' },
      { name: 'kubeadm' },
      { name: 'kubectl' },
    ]),
  ];
}

let state = buildScenario('workers-joined');
let nodes = Object.keys(state.cluster?.nodes ?? {}).length;
const rows: string[][] = [];
const started = performance.now();
for (const size of sizes) {
  while (nodes < size - 1) {
    for (const command of prepare(nodes)) state = step(state, command);
    state = step(state, joinCommand(state, `node-${nodes}`));
    nodes++;
  }
  // The measured join: the next node at this size.
  for (const command of prepare(nodes)) state = step(state, command);
  let t = performance.now();
  state = step(state, joinCommand(state, `node-${nodes}`));
  const join = performance.now() - t;
  nodes++;
  const saved: SerializedState = {
    kind: 'kubelife-session',
    version: 1,
    scenario: 'workers-joined',
    state,
    machineStack: ['cp-1'],
    env: { HOME: '/root' },
  };
  const json = JSON.stringify(saved);
  const session = createSession({ state: saved });
  t = performance.now();
  const listed = await session.run('kubectl get nodes');
  const get = performance.now() - t;
  rows.push([
    String(nodes),
    join.toFixed(2),
    get.toFixed(1),
    String(listed.stdout.split('\n').length - 2),
    (json.length / 1_048_576).toFixed(1),
  ]);
}

const header = ['nodes', 'one join (ms)', 'kubectl get nodes (ms)', 'rows', 'state (MiB)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]): string =>
  cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(`\nbuilt ${nodes} nodes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
