/**
 * Fuzzing `kubelife serve --jsonl` as a process: hostile request lines in, and every line must get
 * exactly one JSON answer line, none an internal error, the server must exit 0 and, after all the
 * fuzz lines, still answer a probe (issue 14's framing and "keeps answering" invariants).
 */
import { spawn } from 'node:child_process';

import type { FuzzReport } from './fuzz.ts';

const NODE = 'node_modules/.bin/node';
const BIN = 'src/lib/engine/bin/kubelife.js';

/** Serves `lines` (a load first, a probe last) and records what breaks an invariant. */
export async function fuzzServe(lines: readonly string[], report: FuzzReport): Promise<void> {
  const input = [
    JSON.stringify({ id: 1, type: 'load', scenario: 'packages-installed' }),
    ...lines,
    JSON.stringify({ id: 424242, type: 'run', line: 'echo probe' }),
  ];
  const child = spawn(NODE, [BIN, 'serve', '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdin.end(input.map((l) => `${l}\n`).join(''));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  report.inputs += lines.length;
  const answers = out.split('\n').slice(0, -1);
  if (code !== 0 || err !== '')
    report.internalErrors.push(`serve exit ${code}: ${err.slice(0, 300)}`);
  if (answers.length !== input.length)
    report.silent.push(`serve answered ${answers.length} of ${input.length} lines`);
  for (const a of answers)
    if (a.includes('internal error')) report.internalErrors.push(`serve → ${a.slice(0, 300)}`);
  const last = answers[answers.length - 1] ?? '';
  if (!last.includes('"id":424242') || !last.includes('probe'))
    report.silent.push(`serve did not answer the probe: ${last.slice(0, 200)}`);
}
