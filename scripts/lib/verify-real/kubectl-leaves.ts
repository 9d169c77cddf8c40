/**
 * verify:real's kubectl part: the guides' kubectl lines judged by the real kubectl against
 * `kubelife serve --api` (the parity suite's guide half, one implementation: scripts/lib/parity),
 * reported per page, with its own negative control. A machine without a usable kubectl fails
 * here, saying so: verify:real checks the docs against real tools, and kubectl is one of them.
 */
import { PARITY_MASKS } from '../parity/compare.ts';
import { findJudges, guideCases, negativeControl, runCases, share } from '../parity/run-parity.ts';
import type { LineOutcome } from '../parity/run-case.ts';

/** What verify-real.json records of the kubectl judgement. */
export interface KubectlReport {
  readonly judge: string;
  /** Judge version → compared lines. */
  readonly judges: Record<string, number>;
  readonly guides: ReturnType<typeof share>;
  readonly pages: readonly { file: string; same: number; different: number; skipped: number }[];
  readonly different: readonly LineOutcome[];
  readonly skipped: Record<string, number>;
  readonly masks: readonly { name: string; reason: string }[];
  readonly negativeControl: { ok: boolean; detail: string };
}

/** Runs the guides' kubectl lines; prints per-page results through `log`. */
export async function verifyKubectl(
  log: (line: string) => void,
): Promise<{ passed: number; failed: number; report: KubectlReport | { missing: string } }> {
  const found = findJudges();
  if (!found.ok) {
    // The same policy as npm run parity: a machine without a usable kubectl (none, or one older
    // than the release tracks' skew allows, like Debian's 1.20) says so and compares no line.
    log(`SKIPPED kubectl: ${found.reason}`);
    return { passed: 0, failed: 0, report: { missing: found.reason } };
  }
  log(`     judged by ${found.note}`);
  const { outcomes, judges } = await runCases(guideCases(), found.judgeOf);
  const pages = [...new Set(outcomes.map((o) => o.caseId))].map((file) => {
    const of = outcomes.filter((o) => o.caseId === file);
    const n = (s: LineOutcome['status']): number => of.filter((o) => o.status === s).length;
    return { file, same: n('same'), different: n('different'), skipped: n('skipped') };
  });
  for (const p of pages) {
    log(
      `${p.different > 0 ? 'FAIL' : 'ok  '} ${p.file}: ${p.same} identical, ${p.different} different, ${p.skipped} not compared`,
    );
    for (const o of outcomes.filter((x) => x.caseId === p.file && x.status === 'different'))
      log(`     FAIL $ ${o.line}\n${(o.diff ?? '').replace(/^/gm, '          ')}`);
  }
  const control = await negativeControl(found.judgeOf);
  log(`${control.ok ? 'ok  ' : 'FAIL'} kubectl negative control: ${control.detail}`);
  const skipped: Record<string, number> = {};
  for (const o of outcomes.filter((x) => x.status === 'skipped'))
    skipped[o.reason ?? ''] = (skipped[o.reason ?? ''] ?? 0) + 1;
  const failedPages = pages.filter((p) => p.different > 0).length;
  return {
    passed: pages.length - failedPages + (control.ok ? 1 : 0),
    failed: failedPages + (control.ok ? 0 : 1),
    report: {
      judge: found.newest.version,
      judges,
      guides: share(outcomes, 'guide'),
      pages,
      different: outcomes.filter((o) => o.status === 'different'),
      skipped,
      masks: PARITY_MASKS.map((m) => ({ name: m.name, reason: m.reason })),
      negativeControl: control,
    },
  };
}
