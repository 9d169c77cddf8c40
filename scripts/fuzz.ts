/**
 * The long fuzz run of issue 14: `npm run fuzz [total]` (default 100,000 inputs) over the shell,
 * `serve --jsonl` and `--load`, checking after every input that there is no internal error, no run
 * past the 10 s deadline, no stored path or machine name that could escape an export folder, and
 * that the session keeps answering. Prints a table of what ran and what was found; exits 1 on any
 * finding. Inputs are random (seeded by the clock; the seed is printed to replay a run).
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { createSession } from 'kubelife';

import {
  commandLine,
  FUZZ_SCENARIOS,
  fuzzLoad,
  fuzzRoundTrip,
  fuzzShellLine,
  newReport,
  requestLine,
  tamper,
  type FuzzReport,
} from './lib/fuzz.ts';
import { fuzzServe } from './lib/fuzz-serve.ts';

const total = Number(process.argv[2] ?? 100_000);
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2_147_483_647);
const DEADLINE_MS = 10_000;
// Shares of the inputs: most go to the shell, the cheapest and widest surface.
const serveInputs = Math.round(total * 0.1);
const loadInputs = Math.round(total * 0.05);
const shellInputs = total - serveInputs - loadInputs;

async function timed(name: string, work: (r: FuzzReport) => Promise<void>) {
  const report = newReport();
  const start = performance.now();
  await work(report);
  return { name, report, seconds: (performance.now() - start) / 1000 };
}

const rows = [
  await timed('shell (session.run)', async (report) => {
    let batch = 0;
    while (report.inputs < shellInputs) {
      const lines = fc.sample(commandLine, { numRuns: 50, seed: seed + batch });
      const session = createSession({
        scenario: FUZZ_SCENARIOS[batch % FUZZ_SCENARIOS.length] ?? 'bare-machines',
      });
      batch++;
      const batchLines = lines.slice(0, shellInputs - report.inputs);
      for (const line of batchLines)
        await fuzzShellLine(session, line, report, DEADLINE_MS, () => performance.now());
      fuzzRoundTrip(session, report, batchLines.at(-1) ?? '');
    }
  }),
  await timed('serve --jsonl (process)', async (report) => {
    for (let i = 0; report.inputs < serveInputs; i++)
      await fuzzServe(
        fc.sample(requestLine, {
          numRuns: Math.min(5000, serveInputs - report.inputs),
          seed: seed + i,
        }),
        report,
      );
  }),
  await timed('--load (tampered saves)', async (report) => {
    const bases = FUZZ_SCENARIOS.map((scenario) => createSession({ scenario }).save());
    const changes = fc.sample(tamper, { numRuns: loadInputs, seed });
    for (const [i, change] of changes.entries())
      await fuzzLoad(bases[i % bases.length], change, report);
  }),
];

const table = rows.map(({ name, report, seconds }) => ({
  surface: name,
  inputs: report.inputs,
  'inputs/s': Math.round(report.inputs / seconds),
  seconds: Math.round(seconds),
  'slowest run ms': Math.round(report.slowestMs),
  'internal errors': report.internalErrors.length,
  hangs: report.hangs.length,
  escapes: report.escapes.length,
  unanswered: report.silent.length,
}));
console.log(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed} npm run fuzz ${total})`);
console.table(table);
const findings = rows.flatMap(({ report }) => [
  ...report.internalErrors,
  ...report.hangs,
  ...report.escapes,
  ...report.silent,
]);
for (const f of findings.slice(0, 40)) console.log(`finding: ${f}`);
console.log(`${rows.reduce((n, r) => n + r.report.inputs, 0)} inputs, ${findings.length} findings`);
process.exitCode = findings.length === 0 ? 0 : 1;
