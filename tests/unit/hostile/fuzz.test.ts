/**
 * Issue 14: a bounded fuzz run over the shell, `serve --jsonl` and `--load` (the long run is
 * `npm run fuzz`). Any internal error, run past the deadline, unclean stored path or unanswered
 * input fails the test and prints the inputs that did it.
 */
import { describe, expect, it } from 'vitest';
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
} from '../../../scripts/lib/fuzz.ts';
import { fuzzServe } from '../../../scripts/lib/fuzz-serve.ts';

const DEADLINE_MS = 10_000;
const found = (r: ReturnType<typeof newReport>) => ({
  internalErrors: r.internalErrors,
  hangs: r.hangs,
  escapes: r.escapes,
  silent: r.silent,
});
const clean = { internalErrors: [], hangs: [], escapes: [], silent: [] };

describe('fuzzing hostile input', () => {
  it('keeps every shell session answering, contained, free of internal errors and loadable', async () => {
    const report = newReport();
    const lines = fc.sample(
      fc.tuple(
        fc.constantFrom(...FUZZ_SCENARIOS),
        fc.array(commandLine, { minLength: 5, maxLength: 5 }),
      ),
      { numRuns: 40, seed: 14 },
    );

    for (const [scenario, batch] of lines) {
      const session = createSession({ scenario });
      for (const line of batch)
        await fuzzShellLine(session, line, report, DEADLINE_MS, () => performance.now());
      fuzzRoundTrip(session, report, batch.at(-1) ?? '');
    }

    expect(report.inputs).toBe(200);
    expect(found(report)).toEqual(clean);
  });

  it('answers every serve --jsonl line, the last probe included', async () => {
    const report = newReport();

    await fuzzServe(fc.sample(requestLine, { numRuns: 150, seed: 14 }), report);

    expect(found(report)).toEqual(clean);
  });

  it('refuses or safely loads every tampered saved session', async () => {
    const report = newReport();
    const base = createSession({ scenario: 'workers-joined' }).save();

    for (const change of fc.sample(tamper, { numRuns: 100, seed: 14 }))
      await fuzzLoad(base, change, report);

    expect(found(report)).toEqual(clean);
  });
});
