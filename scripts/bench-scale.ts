/**
 * Benchmark: how the engine scales with cluster size, through the shell a reader (or a script)
 * uses. For each size N it starts from the install guide's joined cluster (`workers-joined`) on
 * the release track one minor behind the newest, then measures:
 *
 * - `kubelife machine add --count N --packages` (N machines ready for kubeadm join),
 * - joining them the real way: `ssh node-i`, the `kubeadm join …` line, `exit`, for every i,
 * - one `kubeadm join` line at that size (median of the last 100 joins),
 * - `kubectl get nodes` and `kubectl get pods -A` (median of a few runs),
 * - `save()` (time and JSON size),
 * - a rolling upgrade of every added worker to the next minor after the control plane was
 *   upgraded (upgrade guide, workers leaf: repository, kubeadm, `kubeadm upgrade node`, drain,
 *   kubelet and kubectl, restart, uncordon).
 *
 * Times are CPU milliseconds of this process. It prints a table with the ratio of the largest to the smallest size and writes
 * bench/results.json. A benchmark prints numbers; it asserts nothing (tests never time).
 * Run: `npm run bench` (N = 500 and 5,000) or `npm run bench -- 100 1000`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createSession,
  releaseTrack,
  releaseTrackMinors,
  trackVariables,
  type Session,
} from 'kubelife';

const sizes = (process.argv.length > 2 ? process.argv.slice(2) : ['500', '5000'])
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);

/** Runs one line; a failing line aborts the benchmark (the numbers would mean nothing). */
async function run(s: Session, line: string): Promise<string> {
  const r = await s.run(line);
  if (r.exitCode !== 0) throw new Error(`${line}\n${r.output}`);
  return r.stdout;
}

/**
 * CPU milliseconds (user + system) one awaited call takes. CPU time, not wall time: on a shared
 * machine the wall clock mostly measures the other processes (a run that used 165 s of CPU took
 * 39 minutes of wall time here while other jobs ran).
 */
async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = process.cpuUsage();
  await f();
  const used = process.cpuUsage(t);
  return (used.user + used.system) / 1000;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** What one size measured (milliseconds unless the name says otherwise). */
interface Row {
  readonly addMachines: number;
  readonly joinAll: number;
  readonly build: number;
  readonly oneJoin: number;
  readonly getNodes: number;
  readonly getPods: number;
  readonly save: number;
  readonly saveMiB: number;
  readonly upgradeAll: number;
  readonly upgradeOne: number;
}

const from = releaseTrack(releaseTrackMinors()[1]);
const to = releaseTrack(releaseTrackMinors()[0]);
/** The pkgs.k8s.io package version of the upgrade target, e.g. 1.37.1-1.1. */
const toDeb = trackVariables(to)['debVersion'] ?? '';

/** The upgrade guide's control-plane steps on cp-1 (not measured: they do not grow with N). */
async function upgradeControlPlane(s: Session): Promise<void> {
  for (const line of [
    `sed -i 's/${from.minor}/${to.minor}/' /etc/apt/sources.list.d/kubernetes.list`,
    'apt-get update',
    `apt-mark unhold kubeadm && apt-get install -y kubeadm='${toDeb}' && apt-mark hold kubeadm`,
    `kubeadm upgrade apply ${to.version} -y`,
    'kubectl drain cp-1 --ignore-daemonsets',
    `apt-mark unhold kubelet kubectl && apt-get install -y kubelet='${toDeb}' kubectl='${toDeb}' && apt-mark hold kubelet kubectl`,
    'systemctl daemon-reload',
    'systemctl restart kubelet',
    'kubectl uncordon cp-1',
  ])
    await run(s, line);
}

/** The upgrade guide's worker steps for one worker, run from cp-1. */
function upgradeWorkerLines(worker: string): string[] {
  return [
    `ssh ${worker}`,
    `sed -i 's/${from.minor}/${to.minor}/' /etc/apt/sources.list.d/kubernetes.list`,
    `apt-mark unhold kubeadm && apt-get update && apt-get install -y kubeadm='${toDeb}' && apt-mark hold kubeadm`,
    'kubeadm upgrade node',
    'exit',
    `kubectl drain ${worker} --ignore-daemonsets`,
    `ssh ${worker}`,
    `apt-mark unhold kubelet kubectl && apt-get update && apt-get install -y kubelet='${toDeb}' kubectl='${toDeb}' && apt-mark hold kubelet kubectl`,
    'systemctl daemon-reload',
    'systemctl restart kubelet',
    'exit',
    `kubectl uncordon ${worker}`,
  ];
}

async function measure(n: number): Promise<Row> {
  const s = createSession({ scenario: 'workers-joined', release: from.minor });
  const join = (await run(s, 'kubeadm token create --ttl 0 --print-join-command')).trim();

  const addMachines = await timed(() => run(s, `kubelife machine add --count ${n} --packages`));
  const joins: number[] = [];
  const joinAll = await timed(async () => {
    for (let i = 1; i <= n; i++) {
      await run(s, `ssh node-${i}`);
      joins.push(await timed(() => run(s, join)));
      await run(s, 'exit');
    }
  });
  await run(s, 'kubelife clock advance 60s');

  const nodes: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    nodes.push(
      await timed(async () => {
        rows = (await run(s, 'kubectl get nodes')).split('\n').length - 2;
      }),
    );
  }
  if (rows !== n + 3) throw new Error(`kubectl get nodes listed ${rows} nodes, not ${n + 3}`);
  const pods: number[] = [];
  for (let i = 0; i < 3; i++) pods.push(await timed(() => run(s, 'kubectl get pods -A')));

  const t = process.cpuUsage();
  const json = JSON.stringify(s.save());
  const used = process.cpuUsage(t);
  const save = (used.user + used.system) / 1000;

  await upgradeControlPlane(s);
  const upgradeAll = await timed(async () => {
    for (let i = 1; i <= n; i++)
      for (const line of upgradeWorkerLines(`node-${i}`)) await run(s, line);
  });
  const upgraded = (await run(s, 'kubectl get nodes'))
    .split('\n')
    .filter((l) => l.endsWith(` ${to.version}`)).length;
  if (upgraded < n) throw new Error(`only ${upgraded} nodes run kubelet ${to.version}`);

  return {
    addMachines,
    joinAll,
    build: addMachines + joinAll,
    oneJoin: median(joins.slice(-100)),
    getNodes: median(nodes),
    getPods: median(pods),
    save,
    saveMiB: json.length / 1_048_576,
    upgradeAll,
    upgradeOne: upgradeAll / n,
  };
}

const labels: Record<keyof Row, string> = {
  addMachines: 'kubelife machine add --count N --packages (ms)',
  joinAll: 'join N workers: ssh, kubeadm join, exit (ms)',
  build: 'build the cluster: add + join (ms)',
  oneJoin: 'one kubeadm join line at N (ms, median of last 100)',
  getNodes: 'kubectl get nodes (ms)',
  getPods: 'kubectl get pods -A (ms)',
  save: 'save() + JSON.stringify (ms)',
  saveMiB: 'saved state (MiB)',
  upgradeAll: `rolling upgrade of N workers to ${to.version} (ms)`,
  upgradeOne: 'rolling upgrade, per worker (ms)',
};

const results: Record<string, Row> = {};
const started = performance.now();
for (const n of sizes) {
  console.error(`measuring N = ${n} …`);
  results[String(n)] = await measure(n);
}

const keys = Object.keys(labels) as (keyof Row)[];
const small = results[String(sizes[0])];
const large = results[String(sizes.at(-1))];
const header = ['', ...sizes.map((n) => `N = ${n}`), ...(sizes.length > 1 ? ['ratio'] : [])];
const table = keys.map((k) => [
  labels[k],
  ...sizes.map((n) => (results[String(n)]?.[k] ?? Number.NaN).toFixed(k === 'oneJoin' ? 3 : 1)),
  ...(sizes.length > 1 && small && large ? [(large[k] / small[k]).toFixed(1)] : []),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(line(header));
for (const row of table) console.log(line(row));
console.log(
  `\n(CPU ms; ${((performance.now() - started) / 1000).toFixed(1)} s wall in all, Node ${process.version})`,
);

mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  `${JSON.stringify(
    {
      command: `npm run bench -- ${sizes.join(' ')}`,
      release: { from: from.version, to: to.version },
      units: 'CPU milliseconds (user + system), except saveMiB',
      results,
    },
    null,
    2,
  )}\n`,
);
console.log('wrote bench/results.json');
